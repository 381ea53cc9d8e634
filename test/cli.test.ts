// The havre admin command, run as an operator would: a child process on a data folder of its own.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createLogger } from '../src/server/logger.ts';
import { openDatabase } from '../src/server/storage/database.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'havre-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function havre(args: string[], stdin = '') {
  return havreIn(dataDir, args, stdin);
}

function havreIn(dir: string, args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const cli = resolve(import.meta.dirname, '../src/cli/havre.ts');
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, DATA_DIR: dir } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin);
  });
}

it('creates staff with the password on standard input, lists them, and refuses a weak password', {
  timeout: 60_000,
}, async () => {
  const created = await havre(
    ['staff', 'create', '--username', 'alice', '--display-name', 'Alice', '--role', 'admin'],
    'a long passphrase\n',
  );
  expect(created).toMatchObject({ code: 0, stdout: expect.stringMatching(/^created admin alice /) });
  expect((await havre(['staff', 'list'])).stdout).toBe('alice\tadmin\tenabled\tAlice\n');
  const weak = await havre(
    ['staff', 'create', '--username', 'bob', '--display-name', 'Bob', '--role', 'counselor'],
    'short',
  );
  expect(weak).toMatchObject({ code: 1, stderr: 'havre: INVALID_PAYLOAD: password: at least 12 characters\n' });
  const common = await havre(
    ['staff', 'create', '--username', 'bob', '--display-name', 'Bob', '--role', 'counselor'],
    'qwerty123456',
  );
  expect(common).toMatchObject({ code: 1, stderr: 'havre: PASSWORD_TOO_COMMON: this password is too common\n' });
  const named = await havre(
    ['staff', 'create', '--username', 'bob', '--display-name', 'Bob', '--role', 'counselor'],
    'bob the gardener 99',
  );
  expect(named.stderr).toBe('havre: PASSWORD_CONTAINS_USERNAME: a password may not contain the username\n');
  expect((await havre(['staff', 'reset-2fa', '--username', 'alice'])).stdout).toBe(
    'two-factor authentication was already off for alice\n',
  );
  expect((await havre(['staff', 'reset-2fa', '--username', 'nobody'])).code).toBe(1);
});

it('sets opening hours from a file, checking them first', { timeout: 60_000 }, async () => {
  const good = join(dataDir, 'hours.json');
  writeFileSync(
    good,
    JSON.stringify({ timeZone: 'Europe/Paris', slots: [{ day: 'thu', start: '10:00', end: '12:00' }], closures: [] }),
  );
  expect((await havre(['hours', 'set', '--file', good])).code).toBe(0);
  expect(JSON.parse((await havre(['hours', 'show'])).stdout).slots).toEqual([
    { day: 'thu', start: '10:00', end: '12:00' },
  ]);
  const bad = join(dataDir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ timeZone: 'Nowhere/Land', slots: [], closures: [] }));
  expect(await havre(['hours', 'set', '--file', bad])).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('unknown time zone'),
  });
  expect(JSON.parse((await havre(['hours', 'show'])).stdout).slots).toHaveLength(1);
});

it('answers an unknown command with its usage and exit code 2', async () => {
  const answer = await havre(['launch', 'rockets']);
  expect(answer.code).toBe(2);
  expect(answer.stdout).toContain('usage: havre <command>');
});

it('disables, enables, changes a role and resets a password without a browser, each in the audit log', {
  timeout: 90_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'havre-cli-staff-'));
  const run = (args: string[], stdin = '') => havreIn(dir, args, stdin);
  try {
    await run(
      ['staff', 'create', '--username', 'root', '--display-name', 'Root', '--role', 'admin'],
      'a long passphrase\n',
    );
    await run(
      ['staff', 'create', '--username', 'chloe', '--display-name', 'Chloé', '--role', 'counselor'],
      'a long passphrase\n',
    );
    expect((await run(['staff', 'disable', '--username', 'chloe'])).stdout).toBe('chloe is disabled and signed out\n');
    expect((await run(['staff', 'list'])).stdout).toContain('chloe\tcounselor\tdisabled\tChloé');
    expect((await run(['staff', 'enable', '--username', 'chloe'])).code).toBe(0);
    expect((await run(['staff', 'set-role', '--username', 'chloe', '--role', 'supervisor'])).code).toBe(0);
    expect((await run(['staff', 'list'])).stdout).toContain('chloe\tsupervisor\tenabled\tChloé');
    expect((await run(['staff', 'set-role', '--username', 'chloe', '--role', 'queen'])).code).toBe(1);
    expect((await run(['staff', 'set-role', '--username', 'root', '--role', 'counselor'])).stderr).toMatch(
      /LAST_ADMIN/,
    );
    expect((await run(['staff', 'reset-password', '--username', 'chloe'], 'short')).code).toBe(1);
    expect((await run(['staff', 'reset-password', '--username', 'chloe'], 'another long passphrase')).code).toBe(0);
    expect((await run(['staff', 'disable', '--username', 'nobody'])).code).toBe(1);

    const { db, close } = await openDatabase({ kind: 'pglite', dataDir: dir }, createLogger('silent'));
    const entries = await db.selectFrom('audit_log').select(['action', 'details']).orderBy('at').execute();
    await close();
    expect(entries).toEqual([
      { action: 'staff.created', details: { role: 'admin', by: 'cli' } },
      { action: 'staff.created', details: { role: 'counselor', by: 'cli' } },
      { action: 'staff.updated', details: { disabled: true, by: 'cli' } },
      { action: 'staff.updated', details: { disabled: false, by: 'cli' } },
      { action: 'staff.updated', details: { role: 'supervisor', by: 'cli' } },
      { action: 'staff.password_changed', details: { by: 'cli' } },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
