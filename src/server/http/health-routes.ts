// Liveness and readiness for a supervisor or load balancer: /healthz answers while the process runs,
// /readyz only when the database answers too.
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../storage/schema.ts';

export function registerHealthRoutes(app: FastifyInstance, { db }: { db: Kysely<Database> }) {
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { ok: true };
    } catch {
      return reply.code(503).send({ ok: false, error: { code: 'INTERNAL', message: 'database unavailable' } });
    }
  });
}
