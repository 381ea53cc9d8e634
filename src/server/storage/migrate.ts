// Runs the SQL migrations at start; the same list serves PGlite and PostgreSQL.
import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as core from './migrations/0001-core.ts';
import * as auditLog from './migrations/0002-audit-log.ts';
import * as staffSecurity from './migrations/0003-staff-security.ts';
import * as conversationTools from './migrations/0004-conversation-tools.ts';
import * as visitorBlocks from './migrations/0005-visitor-blocks.ts';
import * as cannedAnswers from './migrations/0006-canned-answers.ts';
import * as keyringEpochs from './migrations/0007-keyring-epochs.ts';
import * as absentVisitors from './migrations/0008-absent-visitors.ts';
import * as presence from './migrations/0009-presence.ts';
import * as visitorNumbers from './migrations/0010-visitor-numbers.ts';
import * as closingFormReporting from './migrations/0011-closing-form-reporting.ts';
import * as statistics from './migrations/0012-statistics.ts';

const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-audit-log': auditLog,
  '0003-staff-security': staffSecurity,
  '0004-conversation-tools': conversationTools,
  '0005-visitor-blocks': visitorBlocks,
  '0006-canned-answers': cannedAnswers,
  '0007-keyring-epochs': keyringEpochs,
  '0008-absent-visitors': absentVisitors,
  '0009-presence': presence,
  '0010-visitor-numbers': visitorNumbers,
  '0011-closing-form-reporting': closingFormReporting,
  '0012-statistics': statistics,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'havre_migrations',
    migrationLockTableName: 'havre_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
