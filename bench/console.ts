// Console benchmark: `npm run bench:console` (see --help). One counselor's console in Chromium with 20 open
// conversations whose visitors keep writing and 200 visitors waiting (one leaves and another arrives every
// second), while the counselor types and switches tabs with Alt+Shift+N. It prints how long the console takes
// to show all that, each key press to the next frame, each tab switch to the frame that shows it, how long a
// message takes from the visitor's socket to the counselor's screen, the page's long tasks and main-thread
// busy time. It measures and prints; it asserts nothing. Everything it starts is stopped, also on error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { newToken } from '../src/server/services/tokens.ts';
import { chromiumFlags, chromiumPath } from '../test/support/browser.ts';
import { installProbe, pageMetrics, readProbe } from './console/page-probe.ts';
import { gatherPopulation } from './console/population.ts';
import { benchMain, onCleanUp, runCleanly } from './load/clean-up.ts';
import { createPostgresDatabase } from './load/postgres-database.ts';
import { prepareDatabase } from './load/prepare-database.ts';
import { progress } from './load/progress.ts';
import { startServerProcess } from './load/server-process.ts';
import { quantiles, round } from './load/stats.ts';

const usage = `Usage: npm run bench:console -- [options]

  --open N            conversations open in the console (default 20)
  --waiting N         visitors waiting (default 200)
  --duration SECONDS  measured period (default 60)
  --db pglite|postgres  database behind Havre (default pglite)
  --help              this text`;

function options() {
  const { values } = parseArgs({
    options: {
      open: { type: 'string', default: '20' },
      waiting: { type: 'string', default: '200' },
      duration: { type: 'string', default: '60' },
      db: { type: 'string', default: 'pglite' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const count = (name: string, text: string, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
    return n;
  };
  if (values.db !== 'pglite' && values.db !== 'postgres') throw new Error('--db must be pglite or postgres');
  return {
    open: count('open', values.open, 20),
    waiting: count('waiting', values.waiting, 2000),
    durationS: count('duration', values.duration, 3600),
    db: values.db,
  };
}

async function run(opts: NonNullable<ReturnType<typeof options>>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'havre-bench-console-'));
  onCleanUp(async () => rmSync(dataDir, { recursive: true, force: true }));
  const secret = newToken();
  const databaseUrl =
    opts.db === 'postgres' ? await createPostgresDatabase('postgres://postgres@127.0.0.1:5432/postgres') : null;
  const [cookie] = await prepareDatabase(
    databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize: 4 } : { kind: 'pglite', dataDir },
    1,
    secret,
    opts.open,
  );
  if (!cookie) throw new Error('no session prepared');
  const server = await startServerProcess('havre', ['src/server/main.ts'], {
    DATA_DIR: dataDir,
    HAVRE_SECRET: secret,
    LOG_LEVEL: 'warn',
    // Hundreds of visitors from 127.0.0.1 are one network: its doors would hold them (decision 0018).
    LIMITS_PER_NETWORK: 'off',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  progress(`Havre (${opts.db}) at ${server.url}; ${opts.open} conversations to open, ${opts.waiting} to queue`);
  const population = await gatherPopulation(server.url, cookie, opts.open, opts.waiting);
  onCleanUp(async () => population.stop());

  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags });
  onCleanUp(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const equals = cookie.indexOf('=');
  const [name, value] = [cookie.slice(0, equals), cookie.slice(equals + 1)];
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  await installProbe(page);

  const opening = performance.now();
  await page.goto(`${server.url}/console`);
  await page
    .getByRole('tab')
    .nth(opts.open - 1)
    .waitFor({ timeout: 20_000 })
    .catch(async (e) => {
      await page.screenshot({ path: '/tmp/bench-fail.png' });
      throw e;
    });
  await page.getByText(new RegExp(`^${opts.waiting} (personnes|people) `)).waitFor({ timeout: 60_000 });
  const readyMs = performance.now() - opening;
  progress(`console shows ${opts.open} tabs and ${opts.waiting} waiting after ${round(readyMs, 0)} ms`);

  const metrics = await pageMetrics(page);
  const firstTab = page.getByRole('tab').first();
  await firstTab.click();
  const onScreen = (await firstTab.getAttribute('id'))?.replace(/^tab-/, '') ?? '';
  if (!population.talking.has(onScreen)) throw new Error('the first tab is none of the bench conversations');
  const composer = page.getByRole('textbox', { name: /réponse|reply/i });
  population.startTalking({ everyMs: 5000, fastEveryMs: 1000, onScreen });
  population.startChurn(1000);
  const before = await metrics.read();
  // Messages of the first tab are timed only while it is on screen: [from, to] in Date.now() time.
  const shownPeriods: { from: number; to: number }[] = [];
  const measuring = performance.now();
  const sentence = 'Je vous entends, vous avez bien fait de venir en parler ici. ';
  let switches = 0;
  while (performance.now() - measuring < opts.durationS * 1000) {
    const from = Date.now();
    await composer.click();
    await page.keyboard.type(sentence, { delay: 60 });
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    shownPeriods.push({ from, to: Date.now() });
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Alt+Shift+N');
      switches += 1;
    }
    // Back to the first tab, whose visitor writes every second and whose messages are timed on screen.
    await firstTab.click();
  }
  const elapsedS = (performance.now() - measuring) / 1000;
  population.stop();
  const after = await metrics.read();
  const readout = await readProbe(page);

  // A message sent in the last 2 s before the tab was switched away might show only when it comes back: left out,
  // so a message slower than 2 s would still count (and show as slow).
  const timed = (sentAt: number) => shownPeriods.some(({ from, to }) => sentAt >= from && sentAt <= to - 2000);
  const shownMs = Object.entries(readout.shownAt).flatMap(([clientId, shownAt]) => {
    const sentAt = population.sentAt.get(clientId);
    return sentAt !== undefined && timed(sentAt) ? [shownAt - sentAt] : [];
  });
  const busy = (after.TaskDuration ?? 0) - (before.TaskDuration ?? 0);
  return {
    open: opts.open,
    waiting: opts.waiting,
    db: opts.db,
    durationS: round(elapsedS, 0),
    consoleReadyMs: round(readyMs, 0),
    keyToFrameMs: quantiles(readout.keyToFrameMs),
    tabSwitchMs: quantiles(readout.tabSwitchMs),
    tabSwitchesPressed: switches,
    messageOnScreenMs: quantiles(shownMs),
    longTasks: quantiles(readout.longTasksMs),
    // TaskDuration counts seconds.
    mainThreadBusyPercent: round((100 * busy) / elapsedS, 1),
    jsHeapMiB: round((after.JSHeapUsedSize ?? 0) / 2 ** 20, 1),
    domNodes: after.Nodes ?? null,
  };
}

function print(report: Awaited<ReturnType<typeof run>>) {
  const q = (label: string, s: ReturnType<typeof quantiles>) =>
    `${label.padEnd(34)} n=${s.count}  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  max ${s.max} ms`;
  const lines = [
    `Console with ${report.open} open conversations and ${report.waiting} waiting (${report.db}), ${report.durationS} s measured`,
    `${'console ready (tabs + waiting list)'.padEnd(34)} ${report.consoleReadyMs} ms`,
    q('key press → next frame', report.keyToFrameMs),
    q('tab switch (Alt+Shift+N) → frame', report.tabSwitchMs),
    q('visitor message → on screen', report.messageOnScreenMs),
    q('long tasks (≥ 50 ms)', report.longTasks),
    `${'page main thread busy'.padEnd(34)} ${report.mainThreadBusyPercent} %`,
    `${'JS heap, DOM nodes'.padEnd(34)} ${report.jsHeapMiB} MiB, ${report.domNodes}`,
    JSON.stringify(report),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

benchMain(options, usage, (opts) => runCleanly((opts.durationS + 300) * 1000, async () => print(await run(opts))));
