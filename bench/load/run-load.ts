// One load run against one server, Havre or the bare relay: the machine's background CPU and the server's idle
// memory first, then the ramp-up, the steady state and the drain; it returns every figure of the run.
import { setTimeout as sleep } from 'node:timers/promises';
import { backgroundBusyPercent } from './cpu-usage.ts';
import { summariseGcPauses } from './gc-pauses.ts';
import { createLoadClients, type Pair } from './load-clients.ts';
import { highWaterKiB, type MemorySamples, sampleMemory } from './memory-usage.ts';
import { MessageLog } from './message-log.ts';
import type { Options } from './options.ts';
import { type RampUp, rampUp } from './ramp-up.ts';
import { isRunning, type ServerProcess } from './server-process.ts';
import { disconnectSocketsBut } from './socket-clients.ts';
import { quantiles, round } from './stats.ts';
import { runSteadyState, type SteadyState } from './steady-state.ts';

/** After the steady state, how long messages still in flight may take to arrive before counting as lost. */
const DRAIN_MS = 10_000;
/** Pause between the end of the ramp-up and the steady state, for the queue broadcasts to settle. */
const SETTLE_MS = 2_000;

export interface LoadTarget {
  server: ServerProcess;
  /** One session cookie per counselor; null for the relay, which checks none. */
  cookies: string[] | null;
  /** Whether the server's database is PostgreSQL, whose CPU then counts too. */
  measurePostgres: boolean;
}

export type LoadResult = ReturnType<typeof figuresOf>;

export async function runLoad({ server, cookies, measurePostgres }: LoadTarget, options: Options) {
  const backgroundBusy = await backgroundBusyPercent();
  const memory = await sampleMemory(server.process.pid ?? 0);
  const messages = new MessageLog();
  const clients = createLoadClients([server.url, ...(server.cluster?.peers ?? []).map((peer) => peer.url)], messages);
  const ramp = await rampUp(clients, server, cookies, options);
  await sleep(SETTLE_MS);
  const steady = await runSteadyState(clients, messages, server, options, measurePostgres);
  // Drain: messages still in flight may arrive; past DRAIN_MS they count as not delivered.
  const undelivered = await messages.drain(DRAIN_MS);
  const heldSince = steady.end - Math.min(options.durationS * 1000, 2 * (options.intervalS * 1000));
  const held = clients.pairs.filter((pair) => heldAt(pair, heldSince)).length;
  const result = figuresOf({
    options,
    server,
    pairs: clients.pairs.length,
    held,
    ramp,
    steady,
    messages,
    undelivered,
    disconnects: clients.disconnects.count,
    memory: memory.samples,
    backgroundBusy,
  });
  memory.stop();
  disconnectSocketsBut();
  return result;
}

/** A conversation still open and connected, where both sides received messages since `since`. */
function heldAt(pair: Pair, since: number): boolean {
  return (
    !pair.closed &&
    pair.visitor.connected &&
    pair.counselor.socket.connected &&
    pair.lastToCounselor >= since &&
    pair.lastToVisitor >= since
  );
}

interface FinishedRun {
  options: Options;
  server: ServerProcess;
  pairs: number;
  held: number;
  ramp: RampUp;
  steady: SteadyState;
  messages: MessageLog;
  undelivered: number;
  disconnects: number;
  memory: MemorySamples;
  backgroundBusy: number;
}

function figuresOf({ options, server, ramp, steady, messages, memory, ...run }: FinishedRun) {
  const delivered = messages.deliveredCount();
  return {
    target: server.name,
    conversationsRequested: options.conversations,
    conversationsOpened: run.pairs,
    conversationsHeld: run.held,
    serverStoppedByItself: !isRunning(server),
    rampSeconds: round(ramp.seconds),
    rampFailures: ramp.failures.toJSON(),
    rampNote: ramp.note || undefined,
    steadySeconds: round(steady.seconds),
    messagesSent: messages.sent.visitor + messages.sent.counselor,
    messagesDelivered: delivered,
    messagesUndelivered: run.undelivered,
    messagesPerSecond: round(delivered / steady.seconds),
    expectedMessagesPerSecond: round((2 * run.pairs) / options.intervalS),
    latencyVisitorToCounselorMs: quantiles(messages.latency.toCounselor),
    latencyCounselorToVisitorMs: quantiles(messages.latency.toVisitor),
    ackVisitorMs: quantiles(messages.ackLatency.visitor),
    ackCounselorMs: quantiles(messages.ackLatency.counselor),
    worstLatencyPer5sMs: messages.worstLatency.timeline(),
    serverRssPer5sMiB: steady.memoryPer5sMiB,
    serverGcPauses: options.traceGc ? summariseGcPauses(server.gcPauses, steady.start, steady.end) : undefined,
    errors: messages.errors.toJSON(),
    errorCount: messages.errors.total(),
    disconnects: run.disconnects,
    serverLogWarnings: server.warnings.length,
    serverRssMiB: {
      beforeLoad: round(memory.idleKiB / 1024),
      peakUnderLoad: round(memory.peakKiB / 1024),
      atEnd: round(memory.endKiB / 1024),
      highWaterSinceStart: round((highWaterKiB(server.process.pid ?? 0) ?? 0) / 1024),
    },
    serverCpuPercentOfOneCore: steady.cpu.server,
    generatorCpuPercentOfOneCore: steady.cpu.generator,
    generatorEventLoopDelayMs: steady.loopDelayMs,
    postgresCpuPercentOfOneCore: steady.cpu.postgres,
    redisCpuPercentOfOneCore: steady.cpu.redis,
    nodes: 1 + (server.cluster?.peers.length ?? 0),
    machineCpuBusyBeforeLoadPercent: run.backgroundBusy,
    machineCpuBusyPercent: steady.cpu.machineBusy,
    window: steady.micros,
    othersCpuPercentOfOneCore: steady.cpu.others,
  };
}
