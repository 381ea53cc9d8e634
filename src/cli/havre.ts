// The havre admin command: staff accounts and opening hours from a terminal, for scripts and first set-up.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createStaffSchema, parsePayload, scheduleSchema, updateStaffSchema } from '../protocol/schemas.ts';
import { systemClock } from '../server/clock.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { openContentKeys } from '../server/crypto/content-keys.ts';
import { createRetentionJob } from '../server/jobs/retention-job.ts';
import { createLogger } from '../server/logger.ts';
import { createAuditLog } from '../server/services/audit-log.ts';
import { assertAcceptablePassword, hashPassword } from '../server/services/passwords.ts';
import { createSettings } from '../server/services/settings.ts';
import { createStaffAccounts } from '../server/services/staff-accounts.ts';
import { createAuditRepository } from '../server/storage/audit-repository.ts';
import { createConversationRepository } from '../server/storage/conversation-repository.ts';
import { openDatabase } from '../server/storage/database.ts';
import { createSettingsRepository } from '../server/storage/settings-repository.ts';
import { createStaffRepository } from '../server/storage/staff-repository.ts';
import { createStaffSecurityRepository } from '../server/storage/staff-security-repository.ts';

const usage = `usage: havre <command>
  staff create --username NAME --display-name "NAME" --role counselor|supervisor|admin   (password on stdin)
  staff list
  staff reset-2fa --username NAME     turn off her two-factor authentication (a lost phone)
  staff disable --username NAME       sign her out everywhere and refuse her logins
  staff enable --username NAME
  staff set-role --username NAME --role counselor|supervisor|admin
  staff reset-password --username NAME   (new password on stdin; signs her out everywhere)
  hours show
  hours set --file schedule.json      ({ "timeZone": "Europe/Paris", "slots": [...], "closures": [...] })
  retention run                       destroy now the content of conversations past the retention period`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const options = {
  username: { type: 'string' },
  'display-name': { type: 'string' },
  role: { type: 'string' },
  file: { type: 'string' },
  help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];

/** What a command may use: the database behind Havre, through the same services the server uses. */
async function openContext() {
  const config = loadConfig(process.env);
  const log = createLogger('warn');
  const target = config.databaseUrl
    ? ({ kind: 'postgres', url: config.databaseUrl, poolSize: 2 } as const)
    : ({ kind: 'pglite', dataDir: config.dataDir } as const);
  const { db, close } = await openDatabase(target, log);
  const settingsRepository = createSettingsRepository(db);
  return {
    db,
    config,
    log,
    close,
    settingsRepository,
    accounts: createStaffAccounts({
      staff: createStaffRepository(db),
      settings: settingsRepository,
      clock: systemClock,
    }),
    settings: createSettings({ repository: settingsRepository, clock: systemClock }),
    audit: createAuditLog({ repository: createAuditRepository(db), clock: systemClock }),
  };
}

type Context = Awaited<ReturnType<typeof openContext>>;
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The account that --username names, or a clear refusal. */
async function existing({ db }: Context, values: Values, command: string) {
  const staff = values.username ? await createStaffRepository(db).byUsername(values.username) : undefined;
  if (!staff) throw new ConfigError(`${command} needs the --username of an existing account`);
  return staff;
}

const commands: Record<string, (context: Context, values: Values) => Promise<void>> = {
  async 'staff create'({ accounts, audit }, values) {
    const input = parsePayload(createStaffSchema, {
      username: values.username,
      displayName: values['display-name'],
      role: values.role,
      password: await readStdin(),
    });
    const staff = await accounts.register(input);
    await audit.record(null, 'staff.created', { type: 'staff', id: staff.id }, { role: staff.role, by: 'cli' });
    say(`created ${staff.role} ${staff.username} (${staff.id})`);
  },

  async 'staff disable'(context, values) {
    const staff = await existing(context, values, 'staff disable');
    await context.accounts.update(staff.id, { disabled: true });
    await context.audit.record(null, 'staff.updated', { type: 'staff', id: staff.id }, { disabled: true, by: 'cli' });
    say(`${staff.username} is disabled and signed out`);
  },

  async 'staff enable'(context, values) {
    const staff = await existing(context, values, 'staff enable');
    await context.accounts.update(staff.id, { disabled: false });
    await context.audit.record(null, 'staff.updated', { type: 'staff', id: staff.id }, { disabled: false, by: 'cli' });
    say(`${staff.username} is enabled`);
  },

  async 'staff set-role'(context, values) {
    const staff = await existing(context, values, 'staff set-role');
    const { role } = parsePayload(updateStaffSchema, { role: values.role });
    if (!role) throw new ConfigError('staff set-role needs --role counselor|supervisor|admin');
    await context.accounts.update(staff.id, { role });
    await context.audit.record(null, 'staff.updated', { type: 'staff', id: staff.id }, { role, by: 'cli' });
    say(`${staff.username} is now ${role}`);
  },

  async 'staff reset-password'(context, values) {
    const staff = await existing(context, values, 'staff reset-password');
    const password = await readStdin();
    assertAcceptablePassword(password, staff.username);
    const security = createStaffSecurityRepository(context.db);
    await security.setPasswordHash(staff.id, await hashPassword(password));
    await security.deleteSessionsExcept(staff.id, null);
    await context.audit.record(null, 'staff.password_changed', { type: 'staff', id: staff.id }, { by: 'cli' });
    say(`password reset for ${staff.username}; she is signed out everywhere`);
  },

  async 'staff list'({ accounts }) {
    for (const staff of await accounts.list()) {
      say(`${staff.username}\t${staff.role}\t${staff.disabled ? 'disabled' : 'enabled'}\t${staff.displayName}`);
    }
  },

  async 'staff reset-2fa'(context, values) {
    const staff = await existing(context, values, 'staff reset-2fa');
    const removed = await createStaffSecurityRepository(context.db).removeTotp(staff.id);
    if (!removed) {
      say(`two-factor authentication was already off for ${staff.username}`);
      return;
    }
    await context.audit.record(null, 'totp.disabled', { type: 'staff', id: staff.id }, { by: 'cli' });
    say(`two-factor authentication turned off for ${staff.username}`);
  },

  async 'hours show'({ settings }) {
    say(JSON.stringify((await settings.current()).schedule, null, 2));
  },

  async 'hours set'({ settings }, values) {
    if (!values.file) throw new ConfigError('hours set needs --file');
    const schedule = parsePayload(scheduleSchema, JSON.parse(readFileSync(values.file, 'utf8')));
    await settings.update({ ...(await settings.current()), schedule });
    say('opening hours saved');
  },

  async 'retention run'({ db, config, settings, settingsRepository, log }) {
    const conversations = createConversationRepository(db);
    const { cipher, keyring } = await openContentKeys({
      config,
      settings: settingsRepository,
      conversations,
      clock: systemClock,
    });
    const retention = createRetentionJob({
      conversations,
      settings,
      settingsStore: settingsRepository,
      cipher,
      keyring,
      clock: systemClock,
      log,
    });
    say(`content destroyed for ${await retention.runNow()} conversation(s)`);
  },
};

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options });
  const command = commands[positionals.join(' ')];
  if (values.help || !command) {
    say(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const context = await openContext();
  try {
    await command(context, values);
  } finally {
    await context.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  process.stderr.write(`havre: ${code ? `${code}: ` : ''}${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
