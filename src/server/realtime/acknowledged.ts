// Registers socket events whose payload is checked by its schema before the use case sees it, and whose
// acknowledgement is always `{ ok: true, ... }` or `{ ok: false, error }`. Events with no handler are ignored.
// `limit` is checked before the payload and the handler: a refused event stores nothing and is answered
// RATE_LIMITED with the wait, so the client knows nothing was sent and when to try again.
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { parsePayload } from '../../protocol/schemas.ts';
import { toErrorAnswer } from '../errors.ts';

type Ack = (answer: unknown) => void;

export interface EventOptions {
  /** Throws RATE_LIMITED (with the wait) when this socket has asked too much of this door. */
  limit?: () => Promise<void>;
}

export function acknowledgedEvents(socket: Socket, log: Logger) {
  return function on<S extends z.ZodType, R extends object>(
    event: string,
    schema: S,
    handler: (payload: z.infer<S>) => Promise<R>,
    { limit }: EventOptions = {},
  ): void {
    socket.on(event, async (...args: unknown[]) => {
      const last = args.at(-1);
      const ack: Ack = typeof last === 'function' ? (last as Ack) : () => {};
      const payload = typeof args[0] === 'function' ? undefined : args[0];
      try {
        await limit?.();
        const result = await handler(parsePayload(schema as z.ZodType<z.infer<S>>, payload));
        ack({ ok: true, ...result });
      } catch (error) {
        ack(toErrorAnswer(error, log).body);
      }
    });
  };
}
