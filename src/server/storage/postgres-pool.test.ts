import { describe, expect, it } from 'vitest';
import { HavreError } from '../../protocol/errors.ts';
import { isDatabaseUnavailable } from './postgres-pool.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('which database errors mean "try again later"', () => {
  it('names the network, a server going away or refusing work, and pg’s own connection failures', () => {
    for (const error of [
      withCode('ECONNRESET'),
      withCode('ECONNREFUSED'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006'),
      withCode('53300', 'too many clients'),
      withCode('57014', 'canceling statement due to statement timeout'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Client has encountered a connection error and is not queryable'),
      new HavreError('UNAVAILABLE'),
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    }
  });

  it('leaves a wrong query or a broken rule an error of ours', () => {
    for (const error of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01', 'relation does not exist'),
      withCode('28P01', 'password authentication failed'),
      new TypeError('cannot read properties of undefined'),
      new HavreError('NOT_FOUND'),
      'a string',
    ]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});
