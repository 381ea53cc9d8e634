// The steady state: each side of each pair writes one message every interval, at a random phase so that sends
// spread evenly, for the duration or until the server stops by itself. Over that window it measures CPU (the
// server's, PostgreSQL's, the machine's, its own), the server's memory and its own event-loop delay.
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { cpuSharesBetween, takeCpuSnapshot } from './cpu-usage.ts';
import type { LoadClients, Pair } from './load-clients.ts';
import { recordMemoryTimeline } from './memory-usage.ts';
import { type MessageLog, TIMELINE_SLICE_MS } from './message-log.ts';
import type { Options } from './options.ts';
import { progress } from './progress.ts';
import type { ServerProcess } from './server-process.ts';
import { ACK_TIMEOUT_MS, type Answer } from './socket-clients.ts';
import { round } from './stats.ts';

const LOOP_RESOLUTION_MS = 10;
const MESSAGE_PADDING = 'Je ne sais pas trop par où commencer, mais merci de me répondre.';

export type SteadyState = Awaited<ReturnType<typeof runSteadyState>>;

export async function runSteadyState(
  clients: LoadClients,
  messages: MessageLog,
  server: ServerProcess,
  options: Options,
  measurePostgres: boolean,
) {
  let steady = false;
  const send = (pair: Pair, fromVisitor: boolean) => {
    if (steady) sendMessage(messages, pair, fromVisitor);
  };
  const window = measureWindow(server, measurePostgres);
  messages.worstLatency.startAt(window.start);
  steady = true;
  clients.disconnects.counting = true;
  const timers = scheduleSends(clients.pairs, options.intervalS * 1000, send);
  progress(`${server.name}: steady state, ${clients.pairs.length} conversations for ${options.durationS} s`);
  await durationOrExit(options.durationS * 1000, server);
  steady = false;
  clients.disconnects.counting = false;
  for (const timer of timers) clearTimeout(timer);
  return window.stop();
}

function sendMessage(messages: MessageLog, pair: Pair, fromVisitor: boolean): void {
  const socket = fromVisitor ? pair.visitor : pair.counselor.socket;
  if (!socket.connected) {
    messages.errors.add('send skipped: socket disconnected');
    return;
  }
  const clientId = randomUUID();
  const at = performance.now();
  const text = `${fromVisitor ? 'v' : 'c'} t=${(performance.timeOrigin + at).toFixed(1)} ${MESSAGE_PADDING}`;
  const message = { at, pair, fromVisitor };
  messages.sending(clientId, message);
  const payload = fromVisitor ? { clientId, text } : { conversationId: pair.conversationId, clientId, text };
  socket
    .timeout(ACK_TIMEOUT_MS)
    .emit('message:send', payload, (error: Error | null, answer?: Answer) =>
      messages.acknowledged(message, error, answer),
    );
}

/** Each side of each pair sends every `interval`, from a random first moment; returns the timers to clear. */
function scheduleSends(pairs: Pair[], interval: number, send: (pair: Pair, fromVisitor: boolean) => void) {
  const timers: NodeJS.Timeout[] = [];
  for (const pair of pairs) {
    for (const fromVisitor of [true, false]) {
      timers.push(
        setTimeout(() => {
          send(pair, fromVisitor);
          timers.push(setInterval(() => send(pair, fromVisitor), interval));
        }, Math.random() * interval),
      );
    }
  }
  return timers;
}

/** Waits `ms`, or less if the server stops by itself. */
function durationOrExit(ms: number, server: ServerProcess): Promise<void> {
  return new Promise<void>((done) => {
    const timer = setTimeout(done, ms);
    void server.exited.then(() => {
      clearTimeout(timer);
      done();
    });
  });
}

/** Starts measuring the window from now; `stop()` ends it and returns what was measured over it. */
function measureWindow(server: ServerProcess, measurePostgres: boolean) {
  const pid = server.process.pid ?? 0;
  // Every node's CPU is summed; the memory timeline is the first node's.
  const pids = [pid, ...(server.cluster?.peers ?? []).map((peer) => peer.process.pid ?? 0)];
  const redisPid = server.cluster?.redisPid;
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const before = takeCpuSnapshot(pids, measurePostgres, redisPid);
  const start = performance.now();
  const memoryTimeline = recordMemoryTimeline(pid, TIMELINE_SLICE_MS);
  const startMicros = Number(process.hrtime.bigint() / 1000n);
  loopDelay.enable();
  const stop = () => {
    const end = performance.now();
    memoryTimeline.stop();
    const endMicros = Number(process.hrtime.bigint() / 1000n);
    loopDelay.disable();
    const after = takeCpuSnapshot(pids, measurePostgres, redisPid);
    const seconds = (end - start) / 1000;
    return {
      start,
      end,
      seconds,
      /** The window on the clock of CPU profiles. */
      micros: { startMicros, endMicros },
      cpu: cpuSharesBetween(before, after, seconds),
      // The histogram measures whole timer periods: the part beyond the resolution is the delay.
      loopDelayMs: {
        p99: round(Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS)),
        max: round(Math.max(0, loopDelay.max / 1e6 - LOOP_RESOLUTION_MS)),
      },
      memoryPer5sMiB: memoryTimeline.mib,
    };
  };
  return { start, stop };
}
