// Who runs the periodic jobs that change the database (closing time, presence, retention, block expiry) when
// several nodes share one PostgreSQL: the node holding a session-level advisory lock (issue 14). The lock is
// held on a connection of its own, outside the pool; if that connection drops, PostgreSQL releases the lock
// and another node takes it at its next try. On PGlite there is one node, always the leader.
import pg from 'pg';
import type { Logger } from 'pino';

export interface Leadership {
  /** Whether this node should run the database jobs now. */
  isLeader(): boolean;
  /** Tries once at once (so that a single node leads from its first run), then every `retryMs`. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** One node alone (PGlite): always the leader. */
export function soleLeader(): Leadership {
  return { isLeader: () => true, start: async () => {}, stop: async () => {} };
}

/** The lock's key: any 64-bit number the nodes agree on; this one spells "havre jobs". */
export const JOBS_LOCK_KEY = 0x6861767265_4a6f62n & 0x7fffffffffffffffn;
export const LEADER_RETRY_MS = 5_000;

export function advisoryLeader({
  url,
  log,
  key = JOBS_LOCK_KEY,
  retryMs = LEADER_RETRY_MS,
}: {
  url: string;
  log: Logger;
  key?: bigint;
  retryMs?: number;
}): Leadership {
  let client: pg.Client | null = null;
  let leader = false;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const drop = (why: string) => {
    if (leader) log.warn({ why }, 'leader: lost the jobs lock; another node may take it');
    leader = false;
    const gone = client;
    client = null;
    gone?.end().catch(() => {});
  };

  async function attempt(): Promise<void> {
    if (stopped) return;
    try {
      if (!client) {
        const fresh = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
        // An error on an idle connection (a restart, a partition) must never reach the process.
        fresh.on('error', () => drop('connection error'));
        await fresh.connect();
        client = fresh;
      }
      if (leader) {
        // Still ours while the session lives: a query that answers says so.
        await client.query('select 1');
        return;
      }
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
        key.toString(),
      ]);
      leader = rows[0]?.locked === true;
      if (leader) log.info('leader: this node runs the database jobs');
    } catch {
      drop('query failed');
    }
  }

  return {
    isLeader: () => leader && !stopped,
    async start() {
      stopped = false;
      await attempt();
      timer = setInterval(() => void attempt(), retryMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      const held = client;
      client = null;
      leader = false;
      // Ending the session releases the lock at once for the next node.
      await held?.end().catch(() => {});
    },
  };
}
