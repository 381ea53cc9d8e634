// Progress lines go to stderr, so that stdout holds only the report.
export const progress = (text: string) => process.stderr.write(`[bench] ${text}\n`);
