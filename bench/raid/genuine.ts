// The genuine side of the raid benchmark: conversations already under way (a visitor and a counselor each,
// every side writing one message every 5 s), and newcomers who arrive during a run, solve the work at a
// low-end phone's pace, and are timed until the queue has them. Each comes from a network of her own.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { askRaid, connected, networkAddress, type RaidAnswer, raidSocket } from './sockets.ts';
import type { Solver } from './solvers.ts';

export interface GenuinePair {
  visitor: Socket;
  counselor: Socket;
  conversationId: string;
}

export interface NewcomerResult {
  ok: boolean;
  /** From her first connection attempt to the acknowledgement that put her in the queue. */
  ms: number;
  code: string | null;
  position: number | null;
  /** The difficulty she met, and how long her phone took. */
  maxNumber: number | null;
  solveMs: number | null;
}

const TEXT = 'Je ne sais pas trop par où commencer, mais merci de me répondre.';

/** Connects, asks for the work, solves it, starts: the visitor page's path, as a socket client. */
export async function startAsVisitor(url: string, address: string, solver: Solver) {
  const socket = raidSocket(`${url}/visitor`, address);
  const refused = await connected(socket);
  if (refused) return { socket, answer: { ok: false, error: { code: `HANDSHAKE ${refused}` } } as RaidAnswer };
  const asked = await askRaid(socket, 'work:challenge');
  if (!asked.ok || !asked.challenge) return { socket, answer: asked };
  const solved = await solver.solve(asked.challenge);
  if (!solved) return { socket, answer: { ok: false, error: { code: 'UNSOLVABLE' } } as RaidAnswer };
  const answer = await askRaid(socket, 'conversation:start', {
    locale: 'fr',
    tab: randomUUID(),
    work: solved.solution,
  });
  return { socket, answer, maxNumber: asked.challenge.maxNumber, solveMs: solved.ms };
}

/**
 * Opens `cookies.length` conversations one at a time: a visitor joins the empty queue, so the counselor who
 * takes the next person takes her (a visitor's view carries no conversation id to pair them by).
 */
export async function openGenuinePairs(url: string, cookies: string[], solver: Solver): Promise<GenuinePair[]> {
  const pairs: GenuinePair[] = [];
  for (const [i, cookie] of cookies.entries()) {
    const counselor = raidSocket(`${url}/staff`, networkAddress('staff', i), cookie);
    if (await connected(counselor)) throw new Error('a genuine counselor could not connect');
    await askRaid(counselor, 'presence:set', { status: 'available' });
    const { socket, answer } = await startAsVisitor(url, networkAddress('genuine', i), solver);
    if (!answer.ok) throw new Error(`a genuine start failed: ${answer.error?.code}`);
    const taken = await askRaid(counselor, 'queue:take-next');
    if (!taken.conversation) throw new Error(`take-next gave nobody: ${taken.error?.code}`);
    pairs.push({ counselor, visitor: socket, conversationId: taken.conversation.id });
  }
  return pairs;
}

/** Both ways latencies of one run of the genuine conversations, and the acknowledgements that failed. */
export function createGenuineTraffic(pairs: GenuinePair[]) {
  const sentAt = new Map<string, number>();
  const latency = { toCounselor: [] as number[], toVisitor: [] as number[] };
  const failures = new Map<string, number>();
  let recording = false;
  const arrived = (clientId: string, toVisitor: boolean) => {
    const at = sentAt.get(clientId);
    if (at === undefined) return;
    sentAt.delete(clientId);
    if (recording) (toVisitor ? latency.toVisitor : latency.toCounselor).push(performance.now() - at);
  };
  for (const pair of pairs) {
    pair.visitor.on('message:new', (message: { clientId: string; author: string }) => {
      if (message.author !== 'visitor') arrived(message.clientId, true);
    });
    pair.counselor.on('message:new', (event: { message: { clientId: string; author: string } }) => {
      if (event.message.author === 'visitor') arrived(event.message.clientId, false);
    });
  }
  const send = async (pair: GenuinePair, fromVisitor: boolean) => {
    const clientId = randomUUID();
    sentAt.set(clientId, performance.now());
    const answer = fromVisitor
      ? await askRaid(pair.visitor, 'message:send', { clientId, text: TEXT })
      : await askRaid(pair.counselor, 'message:send', { conversationId: pair.conversationId, clientId, text: TEXT });
    if (!answer.ok) {
      const code = answer.error?.code ?? 'malformed';
      failures.set(code, (failures.get(code) ?? 0) + 1);
    }
  };

  /** One run: every side writes every `intervalMs` from a random phase, for `ms`; then the latencies. */
  return async function run(ms: number, intervalMs = 5000) {
    latency.toCounselor = [];
    latency.toVisitor = [];
    failures.clear();
    recording = true;
    const timers: NodeJS.Timeout[] = [];
    for (const pair of pairs) {
      for (const fromVisitor of [true, false]) {
        const first = setTimeout(() => {
          void send(pair, fromVisitor);
          timers.push(setInterval(() => void send(pair, fromVisitor), intervalMs));
        }, Math.random() * intervalMs);
        timers.push(first);
      }
    }
    await new Promise((done) => setTimeout(done, ms));
    for (const timer of timers) clearTimeout(timer);
    // Messages sent in the last moment may still arrive.
    await new Promise((done) => setTimeout(done, 2000));
    recording = false;
    return {
      toCounselor: [...latency.toCounselor],
      toVisitor: [...latency.toVisitor],
      failures: Object.fromEntries(failures),
      unanswered: sentAt.size,
    };
  };
}

/** `count` newcomers spread over `ms`, each from a network of her own; she leaves once queued. */
export async function newcomersOver(
  url: string,
  count: number,
  ms: number,
  firstNetwork: number,
  solver: Solver,
): Promise<NewcomerResult[]> {
  const arrivals = Array.from({ length: count }, async (_, i) => {
    await new Promise((done) => setTimeout(done, ((i + Math.random()) * ms) / Math.max(1, count)));
    const began = performance.now();
    const { socket, answer, maxNumber, solveMs } = await startAsVisitor(
      url,
      networkAddress('genuine', firstNetwork + i),
      solver,
    );
    const result: NewcomerResult = {
      ok: answer.ok,
      ms: performance.now() - began,
      code: answer.ok ? null : (answer.error?.code ?? 'malformed'),
      position: answer.conversation?.position ?? null,
      maxNumber: maxNumber ?? null,
      solveMs: solveMs ?? null,
    };
    if (answer.ok) await askRaid(socket, 'conversation:end');
    socket.disconnect();
    return result;
  });
  return Promise.all(arrivals);
}
