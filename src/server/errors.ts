// One place where failures become answers: a HavreError keeps its code and status, anything else is logged
// (without payloads, which may hold a visitor's words) and answered as INTERNAL.
import type { Logger } from 'pino';
import { type ErrorBody, errorStatus, HavreError } from '../protocol/errors.ts';

export function toErrorAnswer(error: unknown, log: Logger): { status: number; body: ErrorBody } {
  if (error instanceof HavreError) {
    const { code, message, retryAfterSeconds } = error;
    return {
      status: errorStatus[code],
      body: {
        ok: false,
        error: retryAfterSeconds === undefined ? { code, message } : { code, message, retryAfterSeconds },
      },
    };
  }
  log.error({ err: error }, 'unexpected error');
  return {
    status: 500,
    body: { ok: false, error: { code: 'INTERNAL', message: 'something went wrong on our side' } },
  };
}
