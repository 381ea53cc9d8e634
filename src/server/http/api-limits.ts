// HTTP `/api/*` held per network (decision 0018): one hook before any route, 429 with Retry-After and the usual
// error body. `/api/status` has a bucket of its own, since every open visitor page polls it. Login keeps its
// own, stricter throttle on top.
import type { FastifyInstance } from 'fastify';
import { HavreError } from '../../protocol/errors.ts';
import type { DoorGuard } from '../services/door-guard.ts';
import type { NetworkHasher } from '../services/network-hash.ts';

export function limitApiPerNetwork(
  app: FastifyInstance,
  { doors, networks }: { doors: DoorGuard; networks: NetworkHasher },
) {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/')) return;
    try {
      // request.ip already follows TRUST_PROXY (Fastify's trustProxy); only its hash is used.
      await doors.take(path === '/api/status' ? 'status' : 'api', networks.hash(request.ip));
    } catch (error) {
      if (!(error instanceof HavreError)) throw error;
      const { code, message, retryAfterSeconds } = error;
      return reply
        .code(429)
        .header('retry-after', String(retryAfterSeconds ?? 1))
        .send({ ok: false, error: { code, message, retryAfterSeconds } });
    }
  });
}
