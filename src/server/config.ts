// Reads and checks the environment once at start; a bad value stops start-up with a clear message.
import { resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be 1 to 40 lowercase letters, digits or dashes')
    .default('havre'),
  HAVRE_SECRET: z.string().min(32, 'must hold at least 32 characters').optional(),
  HAVRE_MASTER_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters), e.g. from `openssl rand -base64 32`')
    .optional(),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, 'must be false, true (one proxy) or the number of proxies in front (0–9)')
    .default('false'),
  MAX_CONNECTIONS: z.coerce.number().int().min(20).max(1_000_000).default(5000),
  ADMISSION_WORK_FLOOR: z.coerce.number().int().min(1000).max(50_000_000).optional(),
  LIMITS_PER_NETWORK: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  databasePoolSize: number;
  /** Cluster mode (decisions 0028, 0029): the short-lived state and the real-time fan-out several nodes share. */
  redisUrl: string | null;
  /** Names every Redis key and channel of this Havre, so that two instances (or test clusters) can share one Redis. */
  redisPrefix: string;
  secret: string | null;
  masterKey: string | null;
  publicUrl: string | null;
  /**
   * How many reverse proxies stand in front (0: none). Only the addresses they add to X-Forwarded-For are
   * believed: an entry a client wrote there itself is never taken for her address.
   */
  trustProxy: number;
  /**
   * Open connections at most (TCP: HTTP, long-polling, WebSocket); the last tenth are kept for staff sockets.
   * Bounds the file descriptors and memory a flood of sockets can take (decision 0020).
   */
  maxConnections: number;
  /** The admission work's search space at rest (maxNumber), when an operator wants it other than the default. */
  admissionWorkFloor: number | null;
  /**
   * Whether the per-network doors (handshakes, connections, starts, waiting, HTTP) hold (decision 0018). Off
   * only for a load bench whose thousand clients all come from 127.0.0.1; per-socket limits hold either way.
   */
  limitsPerNetwork: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Havre cannot start: invalid environment\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Several nodes must agree on one database and on the keys that sign sessions and wrap content keys: a
  // secret generated in each node's DATA_DIR would make each a stranger to the others.
  if (e.REDIS_URL) {
    const missing = [
      ...(e.DATABASE_URL ? [] : ['DATABASE_URL (PostgreSQL: the embedded database cannot be shared)']),
      ...(e.HAVRE_SECRET ? [] : ['HAVRE_SECRET']),
      ...(e.HAVRE_MASTER_KEY ? [] : ['HAVRE_MASTER_KEY']),
    ];
    if (missing.length > 0) {
      throw new ConfigError(
        `Havre cannot start: REDIS_URL (several nodes) needs the same values on every node:\n${missing.map((name) => `  ${name}`).join('\n')}`,
      );
    }
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    secret: e.HAVRE_SECRET ?? null,
    masterKey: e.HAVRE_MASTER_KEY ?? null,
    publicUrl: e.PUBLIC_URL ?? null,
    trustProxy: e.TRUST_PROXY === 'true' ? 1 : e.TRUST_PROXY === 'false' ? 0 : Number(e.TRUST_PROXY),
    maxConnections: e.MAX_CONNECTIONS,
    admissionWorkFloor: e.ADMISSION_WORK_FLOOR ?? null,
    limitsPerNetwork: e.LIMITS_PER_NETWORK === 'on',
    logLevel: e.LOG_LEVEL,
  };
}
