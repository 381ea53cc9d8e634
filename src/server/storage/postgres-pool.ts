// The PostgreSQL pool as Havre needs it when the network or the server stumbles (issue 11, item 1,
// decision 0024):
// - no database error can end the process: every client, checked out or idle, has an `error` listener (pg's
//   pool listens on idle clients only, and Kysely's driver adds none);
// - nothing waits forever: connecting, each statement (on the server) and each answer (on our side, for a
//   path that drops every byte and so never delivers the server's own timeout) have limits, and an idle
//   transaction is ended by the server;
// - a client that failed at the connection level is discarded, never handed out again;
// - such failures become `UNAVAILABLE` (retry later) for the caller, never `INTERNAL`.
// Statements are prepared once per connection and then only executed (issue 14: PostgreSQL spent half its time
// per message parsing and planning the same text again); a connection prepares at most PREPARED_PER_CONNECTION
// of them, the rest run as before.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { HavreError } from '../../protocol/errors.ts';

export interface DatabaseTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** PostgreSQL cancels a statement that runs longer (statement_timeout); Havre's take milliseconds. */
  statementMs: number;
  /** Havre gives up on an answer after this, even if the server's own cancellation never arrives. */
  queryMs: number;
  /** PostgreSQL ends a session left idle inside a transaction (idle_in_transaction_session_timeout). */
  idleInTransactionMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  connectMs: 5_000,
  statementMs: 5_000,
  queryMs: 8_000,
  idleInTransactionMs: 10_000,
};

/** Enough for every statement shape Havre sends (a few dozen), bounded for the shapes `in (…)` lists make. */
const PREPARED_PER_CONNECTION = 300;
const preparable = (sql: string) => /^\s*(select|insert|update|delete|with)\b/i.test(sql);
/** A prepared plan whose tables changed under it (a migration by a newer node): the connection is dropped. */
const isStalePlan = (error: unknown) =>
  (error as { code?: string }).code === '0A000' && /cached plan must not change/i.test((error as Error).message);

/** Maintenance that may rightly take long (the vacuum after a purge) sets its own statement limit. */
const MAINTENANCE_MS = 10 * 60_000;
const isMaintenance = (sql: string) => /^\s*vacuum\b/i.test(sql);

/** How long a caller should wait before trying again when the database is away. */
export const RETRY_AFTER_MS = 3_000;

/** SQLSTATEs that say the server is going or gone, or will not take more work now. */
const SERVER_AWAY = /^(08...|57P0[123]|53300|57014)$/;
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** pg's own words for a connection that broke or never came (it gives them no code). */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout|Client was closed/i;

/** Whether an error says the database cannot be reached or cannot serve now, rather than that a query is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof HavreError) return error.code === 'UNAVAILABLE';
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SERVER_AWAY.test(code) || NETWORK_CODES.has(code))) return true;
  return PG_CONNECTION_MESSAGES.test(error.message);
}

export const unavailable = () =>
  new HavreError('UNAVAILABLE', 'the service cannot reach its database; try again in a moment', {
    retryAfterMs: RETRY_AFTER_MS,
  });

/** What Kysely's PostgresDialect needs of a pool. */
interface KyselyPool {
  connect(): Promise<KyselyClient>;
  end(): Promise<void>;
}
interface KyselyClient {
  query(sql: string, parameters: readonly unknown[]): Promise<pg.QueryResult>;
  release(discard?: boolean): void;
}

export function createPostgresPool(
  { url, poolSize, timeouts }: { url: string; poolSize: number; timeouts: DatabaseTimeouts },
  log: Logger,
): KyselyPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    // A peer that vanished without a word is found by the kernel's probes instead of never.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  const broken = new WeakSet<pg.PoolClient>();
  const prepared = new WeakMap<pg.PoolClient, Set<string>>();
  /** The statement's name on this connection, or null to send it unnamed. */
  const preparedName = (client: pg.PoolClient, sql: string): string | null => {
    if (!preparable(sql)) return null;
    const name = `havre_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    const names = prepared.get(client) ?? new Set<string>();
    prepared.set(client, names);
    if (!names.has(name) && names.size >= PREPARED_PER_CONNECTION) return null;
    names.add(name);
    return name;
  };
  const wrappers = new WeakMap<pg.PoolClient, KyselyClient>();
  const lost = (error: unknown) =>
    log.warn({ code: (error as { code?: string }).code, reason: (error as Error).message }, 'database connection lost');

  // Idle clients: the pool removes them itself; this listener only says so.
  pool.on('error', lost);
  // Every client for its whole life, checked out too: an error there would otherwise end the process.
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      broken.add(client);
      lost(error);
    });
  });

  async function query(client: pg.PoolClient, sql: string, parameters: readonly unknown[]) {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => {
          // The answer may still come, on a connection we can no longer trust to be in step: drop it.
          broken.add(client);
          reject(unavailable());
        },
        isMaintenance(sql) ? MAINTENANCE_MS : timeouts.queryMs,
      );
    });
    try {
      const name = preparedName(client, sql);
      const values = parameters as unknown[];
      const sent = name ? client.query({ name, text: sql, values }) : client.query(sql, values);
      return await Promise.race([sent, deadline]);
    } catch (error) {
      if (isStalePlan(error)) {
        broken.add(client);
        throw unavailable();
      }
      if (!isDatabaseUnavailable(error)) throw error;
      // A statement cancelled by the server (57014) leaves its connection sound; anything else does not.
      if ((error as { code?: string }).code !== '57014') broken.add(client);
      throw error instanceof HavreError ? error : unavailable();
    } finally {
      clearTimeout(timer);
    }
  }

  function wrap(client: pg.PoolClient): KyselyClient {
    let wrapper = wrappers.get(client);
    if (!wrapper) {
      wrapper = {
        query: (sql, parameters) => query(client, sql, parameters),
        // pg's pool sets a new `release` at each checkout: always call the current one.
        release: (discard) => client.release(discard || broken.has(client) ? true : undefined),
      };
      wrappers.set(client, wrapper);
    }
    return wrapper;
  }

  return {
    async connect() {
      try {
        return wrap(await pool.connect());
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw unavailable();
        throw error;
      }
    },
    end: () => pool.end(),
  };
}
