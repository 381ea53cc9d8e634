// Liveness and readiness for a supervisor or load balancer: /healthz answers while the process runs,
// /readyz only when the database answers too, and says no within READY_CHECK_MS when it does not (a
// partition must take this node out of rotation at once, not after the database limits).
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';

export const READY_CHECK_MS = 2_000;

export function registerHealthRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), READY_CHECK_MS);
    });
    const answered = sql`select 1`.execute(db).then(
      () => true,
      () => false,
    );
    const ready = await Promise.race([answered, late]);
    clearTimeout(timer);
    if (ready) return { ok: true };
    return reply
      .code(503)
      .header('retry-after', '3')
      .send({ ok: false, error: { code: 'UNAVAILABLE', message: 'the database does not answer' } });
  });
}
