// One Havre node in a process of its own, for the tests that kill a node outright (kill -9): started by
// startNodeProcess (test/support/cluster.ts) with the cluster's environment and clock offset, it prints the
// address it listens on and then runs until it is killed.
import { wideNetworkDoors } from '../../src/core/door-limits.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createHavre } from '../../src/server/havre.ts';
import { createLogger } from '../../src/server/logger.ts';

const offset = Number(process.env.HAVRE_TEST_CLOCK_OFFSET_MS ?? 0);
const config = loadConfig(process.env);
const havre = await createHavre({
  config,
  log: createLogger(config.logLevel, process.stderr),
  clock: { now: () => new Date(Date.now() + offset) },
  limits: { ...wideNetworkDoors, ...JSON.parse(process.env.HAVRE_TEST_LIMITS ?? '{}') },
});
process.stdout.write(`listening ${await havre.listen()}\n`);
