import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './logger.ts';

it('never writes a database error’s statement or parameters, nor message text or passwords', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const log = createLogger('info', sink);
  const err = Object.assign(new Error('duplicate key'), {
    query: 'insert into staff …',
    params: ['$argon2id$secret-hash'],
  });
  log.error({ err }, 'unexpected error');
  log.info({ message: { text: 'mes mots' }, staff: { password: 'p4ssword' } }, 'event');
  const output = lines.join('');
  expect(output).toContain('duplicate key');
  for (const secret of ['insert into staff', 'secret-hash', 'mes mots', 'p4ssword'])
    expect(output).not.toContain(secret);
});
