// `npm start`: reads the environment, starts Havre, prints the set-up link while no admin exists.
import { ConfigError, loadConfig } from './config.ts';
import { MasterKeyError } from './crypto/master-key.ts';
import { createHavre } from './havre.ts';
import { createLogger } from './logger.ts';
import { reportMemoryOnSignal } from './memory-report.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const log = createLogger(config.logLevel);
  const havre = await createHavre({ config, log });
  const url = await havre.listen();
  log.info({ database: havre.databaseKind, url }, 'Havre is listening');
  const setupToken = await havre.accounts.issueSetupToken();
  if (setupToken) {
    const base = config.publicUrl ?? url;
    process.stdout.write(
      `\nNo admin account yet. Create the first one with this one-time link:\n\n  ${new URL(`/console#setup=${setupToken}`, base)}\n\n` +
        'or from a terminal: npm run havre -- staff create --username NAME --display-name "NAME" --role admin (password on stdin)\n\n',
    );
  }
  const stop = async (signal: string) => {
    log.info({ signal }, 'Havre is stopping');
    await havre.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  reportMemoryOnSignal(havre.heldCounts);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MasterKeyError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Havre could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
