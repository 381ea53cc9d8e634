// Deletes blocks a day after they ended, with their tab hash: nothing about a troll outlives its use. Runs at
// start and every hour; several nodes may run it at once (the delete is idempotent).
import type { Logger } from 'pino';
import { periodicJob } from './periodic-job.ts';

export const BLOCK_EXPIRY_EVERY_MS = 3_600_000;

export function createBlockExpiryJob({
  purge,
  log,
  leader,
}: {
  purge: () => Promise<void>;
  log: Logger;
  leader?: () => boolean;
}) {
  return periodicJob({ name: 'block expiry', everyMs: BLOCK_EXPIRY_EVERY_MS, log, leader }, purge);
}
