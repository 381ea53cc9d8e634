// The raid: `count` hostile connections spread over the attack, from a few networks, each one of the tricks a
// forum script would try: churn (connect, drop), starts without work, with forged work, replayed work, expired
// or mismatched work, and real work solved at a script's full speed, whose admitted conversations then flood
// messages once a counselor takes them. Every outcome is counted by its code; nothing is retried.
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { WorkSolution } from '../../src/protocol/work.ts';
import { Counts } from '../load/stats.ts';
import { askRaid, connected, networkAddress, raidSocket } from './sockets.ts';
import type { Solver } from './solvers.ts';

export const KINDS = ['churn', 'no-work', 'forged', 'replayed', 'expired', 'real-work'] as const;
export type Kind = (typeof KINDS)[number];
/** How a raid's connections split between the tricks. */
const WEIGHTS: Record<Kind, number> = {
  churn: 0.35,
  'no-work': 0.15,
  forged: 0.1,
  replayed: 0.1,
  expired: 0.05,
  'real-work': 0.25,
};
/** A script's own CPU bounds how many solutions it can be working on; beyond, it drops the attempt. */
const MAX_SOLVER_BACKLOG = 200;
const MAX_IN_FLIGHT = 2000;

export interface Held {
  socket: Socket;
  solution: WorkSolution;
}

export function createRaid(url: string, networks: number, solver: Solver, floodSize: number) {
  const outcomes = Object.fromEntries(KINDS.map((kind) => [kind, new Counts()])) as Record<Kind, Counts>;
  const accepted: WorkSolution[] = [];
  /** Milliseconds since the attack began at which each hostile conversation reached the queue. */
  const admittedAt: number[] = [];
  const floods: number[] = [];
  const floodRefusals = new Counts();
  const held: Held[] = [];
  const waiting = new Set<Socket>();
  let skipped = 0;
  let inFlight = 0;
  let began = 0;
  const address = () => networkAddress('hostile', Math.floor(Math.random() * networks));

  const flood = async (socket: Socket) => {
    const answers = await Promise.all(
      Array.from({ length: floodSize }, (_, i) =>
        askRaid(socket, 'message:send', { clientId: randomUUID(), text: `spam ${i} ${'!'.repeat(40)}` }),
      ),
    );
    floods.push(answers.filter((answer) => answer.ok).length);
    for (const answer of answers) if (!answer.ok) floodRefusals.add(answer.error?.code ?? 'malformed');
    socket.disconnect();
  };

  const start = (socket: Socket, work?: WorkSolution) =>
    askRaid(socket, 'conversation:start', { tab: randomUUID(), ...(work ? { work } : {}) });

  async function act(kind: Kind): Promise<string> {
    const socket = raidSocket(`${url}/visitor`, address());
    const refused = await connected(socket);
    if (refused) return `handshake: ${refused}`;
    if (kind === 'churn') {
      socket.disconnect();
      return 'connected and dropped';
    }
    if (kind === 'no-work') return code(await start(socket));
    if (kind === 'forged') {
      const forged = { salt: `${randomUUID()}.${Date.now() + 60_000}`, number: 42, signature: 'A'.repeat(43) };
      return code(await start(socket, forged));
    }
    if (kind === 'replayed') {
      const solution = accepted[Math.floor(Math.random() * accepted.length)];
      return solution ? code(await start(socket, solution)) : 'nothing to replay yet';
    }
    if (kind === 'expired') {
      const old = held.pop();
      if (old) {
        const answer = code(await start(old.socket, old.solution));
        old.socket.disconnect();
        // Should the server take it, it reached the queue like any other: counted, never hidden.
        if (answer === 'admitted') admittedAt.push(performance.now() - began);
        return `held past its expiry: ${answer}`;
      }
      // Work solved for another connection: a farm solving for many sockets.
      const other = accepted.at(-1);
      return other ? `mismatched: ${code(await start(socket, other))}` : 'nothing to mismatch yet';
    }
    if (solver.backlog() > MAX_SOLVER_BACKLOG) return 'script busy solving: dropped';
    const asked = await askRaid(socket, 'work:challenge');
    if (!asked.ok || !asked.challenge) return `challenge: ${code(asked)}`;
    const solved = await solver.solve(asked.challenge);
    if (!solved || !socket.connected) return 'solved too late: disconnected';
    const answer = await start(socket, solved.solution);
    if (!answer.ok) return code(answer);
    accepted.push(solved.solution);
    admittedAt.push(performance.now() - began);
    // Half stay to flood once taken; half leave at once and let their place linger.
    if (Math.random() < 0.5) {
      waiting.add(socket);
      socket.on('conversation:state', (state: { status: string }) => {
        if (state.status === 'active' && waiting.delete(socket)) void flood(socket);
      });
    } else socket.disconnect();
    return 'admitted';
  }

  const code = (answer: { ok: boolean; error?: { code: string } }) =>
    answer.ok ? 'admitted' : (answer.error?.code ?? 'malformed');

  return {
    /** Before the calm run: solutions obtained and kept on their sockets, to be sent once they have expired. */
    async prepareHeld(count: number) {
      for (let i = 0; i < count; i += 1) {
        const socket = raidSocket(`${url}/visitor`, address());
        if (await connected(socket)) continue;
        const asked = await askRaid(socket, 'work:challenge');
        const solved = asked.challenge ? await solver.solve(asked.challenge) : null;
        if (solved) held.push({ socket, solution: solved.solution });
        else socket.disconnect();
      }
      return held.length;
    },

    /** When the last held solution's challenge expires (its salt ends with the expiry, in ms). */
    heldExpireAt() {
      return Math.max(0, ...held.map(({ solution }) => Number(solution.salt.split('.').at(-1))));
    },

    /** `count` actions at an even pace over `ms`; resolves when all have ended. */
    async run(count: number, ms: number) {
      began = performance.now();
      const kinds = KINDS.flatMap((kind) => Array(Math.round(WEIGHTS[kind] * count)).fill(kind) as Kind[]);
      kinds.sort(() => Math.random() - 0.5);
      const actions = kinds.map(async (kind, i) => {
        await new Promise((done) => setTimeout(done, (i * ms) / kinds.length));
        if (inFlight >= MAX_IN_FLIGHT) {
          skipped += 1;
          return;
        }
        inFlight += 1;
        try {
          outcomes[kind].add(await act(kind));
        } finally {
          inFlight -= 1;
        }
      });
      await Promise.all(actions);
      return kinds.length;
    },

    /** Admitted conversations still waiting for a counselor when the attack ends: their sockets are closed. */
    release() {
      for (const socket of waiting) socket.disconnect();
      const left = waiting.size;
      waiting.clear();
      for (const { socket } of held.splice(0)) socket.disconnect();
      return left;
    },

    tally: () => ({
      outcomes: Object.fromEntries(KINDS.map((kind) => [kind, outcomes[kind].toJSON()])),
      admitted: admittedAt.length,
      admittedAt,
      floods,
      floodRefusals: floodRefusals.toJSON(),
      skipped,
    }),
  };
}

export type Raid = ReturnType<typeof createRaid>;
