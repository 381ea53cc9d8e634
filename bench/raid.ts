// Raid benchmark: `npm run bench:raid` (see --help). Havre on PGlite, behind a pretend reverse proxy
// (TRUST_PROXY=1, one X-Forwarded-For per network), with genuine conversations under way; first a calm run,
// then the same genuine load during a bounded raid from loopback (bench/raid/hostile.ts). It prints what
// genuine visitors and counselors lived through in both, what the raid obtained, the server's CPU and memory,
// and how the admission work's difficulty moved. It measures and prints; it asserts nothing.
// Everything it starts (the server, sockets, solver threads, the temporary folder) is stopped or removed by it,
// also on error or Ctrl-C, and past a time bound.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newToken } from '../src/server/services/tokens.ts';
import { benchMain, onCleanUp, runCleanly } from './load/clean-up.ts';
import { cpuSharesBetween, takeCpuSnapshot } from './load/cpu-usage.ts';
import { recordMemoryTimeline } from './load/memory-usage.ts';
import { prepareDatabase } from './load/prepare-database.ts';
import { progress } from './load/progress.ts';
import { startServerProcess } from './load/server-process.ts';
import { difficultyProbe, openDesk } from './raid/desk.ts';
import { createGenuineTraffic, newcomersOver, openGenuinePairs } from './raid/genuine.ts';
import { createRaid } from './raid/hostile.ts';
import { parseRaidOptions, type RaidOptions, usage } from './raid/options.ts';
import { printRaidReport, type RunFigures } from './raid/report.ts';
import { closeRaidSockets } from './raid/sockets.ts';
import { createSolver } from './raid/solvers.ts';

const DESK_COUNSELORS = 5;
const HELD_SOLUTIONS = 100;

async function raidBench(options: RaidOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'havre-raid-'));
  onCleanUp(async () => rmSync(dataDir, { recursive: true, force: true }));
  onCleanUp(async () => closeRaidSockets());
  const secret = newToken();
  progress(`preparing ${options.conversations} + ${DESK_COUNSELORS} counselors`);
  const cookies = await prepareDatabase({ kind: 'pglite', dataDir }, options.conversations + DESK_COUNSELORS, secret);
  const server = await startServerProcess('havre', ['src/server/main.ts'], {
    DATA_DIR: dataDir,
    HAVRE_SECRET: secret,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '1',
  });
  const pid = server.process.pid ?? 0;
  const phones = createSolver(options.phoneRate);
  const script = createSolver(null);
  onCleanUp(async () => {
    await phones.stop();
    await script.stop();
  });

  const pairs = await openGenuinePairs(server.url, cookies.slice(0, options.conversations), phones);
  progress(`${pairs.length} genuine conversations under way`);
  const desk = await openDesk(server.url, cookies.slice(options.conversations));
  const raid = createRaid(server.url, options.hostileNetworks, script, options.flood);
  const held = await raid.prepareHeld(Math.min(HELD_SOLUTIONS, Math.round(options.hostile * 0.05)));
  const probe = await difficultyProbe(server.url);
  await settledDifficulty(probe.current);
  const traffic = createGenuineTraffic(pairs);
  const ms = options.attackS * 1000;

  progress(`calm run: ${options.attackS} s, ${options.newcomers} newcomers`);
  const calm = await measured(pid, async () => {
    const [messages, newcomers] = await Promise.all([
      traffic(ms),
      newcomersOver(server.url, options.newcomers, ms, 1000, phones),
    ]);
    return { messages, newcomers };
  });

  // The held solutions are sent as expired work: the raid begins only once their challenges have expired.
  const expiring = raid.heldExpireAt() + 1000 - Date.now();
  if (expiring > 0) {
    progress(`waiting ${Math.ceil(expiring / 1000)} s for the held solutions to expire`);
    await new Promise((resolve) => setTimeout(resolve, expiring));
  }
  progress(
    `raid: ${options.hostile} hostile connections over ${options.attackS} s from ${options.hostileNetworks} networks`,
  );
  desk.start();
  const attack = await measured(pid, async () => {
    const [messages, newcomers, actions] = await Promise.all([
      traffic(ms),
      newcomersOver(server.url, options.newcomers, ms, 2000, phones),
      raid.run(options.hostile, ms),
    ]);
    return { messages, newcomers, actions };
  });
  const deskTook = await desk.stop();
  const stillWaiting = raid.release();
  probe.stop();
  printRaidReport({
    options,
    calm,
    attack,
    raid: { ...raid.tally(), actions: attack.actions, held, deskTook, stillWaiting },
    difficulty: probe.samples,
    serverStoppedByItself: server.process.exitCode !== null,
    serverWarnings: server.warnings.length,
  });
}

/** Runs `body` while measuring the server's CPU share and its peak memory. */
async function measured<T extends object>(pid: number, body: () => Promise<T>): Promise<T & RunFigures> {
  const before = takeCpuSnapshot([pid], false);
  const began = performance.now();
  const memory = recordMemoryTimeline(pid, 1000);
  const result = await body();
  memory.stop();
  const seconds = (performance.now() - began) / 1000;
  const cpu = cpuSharesBetween(before, takeCpuSnapshot([pid], false), seconds);
  return {
    ...result,
    seconds,
    serverCpu: cpu.server,
    generatorCpu: cpu.generator,
    rssPeakMiB: Math.max(...memory.mib, 0),
  };
}

/** Setting up opened conversations in a burst; wait (at most two minutes) until the difficulty is back at rest. */
async function settledDifficulty(current: () => Promise<number | null>): Promise<void> {
  const deadline = performance.now() + 120_000;
  let previous = await current();
  while (performance.now() < deadline) {
    await new Promise((done) => setTimeout(done, 10_000));
    const now = await current();
    if (now === previous) return;
    previous = now;
  }
  progress('the difficulty did not settle within 120 s; going on');
}

benchMain(parseRaidOptions, usage, (options) =>
  runCleanly(10 * 60_000 + 4 * options.attackS * 1000, () => raidBench(options)),
);
