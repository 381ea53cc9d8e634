// Admission work (decision 0017): the challenge a visitor's page solves before her conversation enters the
// queue, and its verification. ALTCHA's v1 format: the server picks a secret number in [0, maxNumber], sends
// target = SHA-256(salt + number) and signature = HMAC(target | binding); the page searches for the number.
// The salt carries its expiry, the signature binds it to one socket, and a solution is accepted once.
// In cluster mode (decision 0029) the admissions are counted in the shared store, by windows of one tick on the
// clock, and every node moves its difficulty on the whole cluster's count: a raid spread over the nodes is
// seen whole, and every node asks the same work of a newcomer.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import {
  DIFFICULTY_TICK_MS,
  type DifficultyRules,
  type DifficultyState,
  defaultDifficultyRules,
  lowEndPhoneSeconds,
  nextDifficulty,
  restingDifficulty,
} from '../../core/admission-difficulty.ts';
import { HavreError } from '../../protocol/errors.ts';
import type { AdmissionWorkView, WorkChallengeView, WorkSolution } from '../../protocol/work.ts';
import type { Clock } from '../clock.ts';
import type { ShortLivedStore } from '../short-lived/store.ts';

/** Long enough for a slow phone at the cap (5 s at worst) on a bad network, short enough to be useless stored. */
export const CHALLENGE_TTL_MS = 2 * 60_000;

interface Deps {
  secret: string;
  store: ShortLivedStore;
  clock: Clock;
  /** Raid mode, switched by a supervisor, raises the floor. */
  raidMode?: () => boolean;
  rules?: Partial<DifficultyRules>;
  /** Called when the difficulty moves or a surge begins or ends: the board shows it. */
  onMoved?: () => void;
  /** Several nodes: count admissions in `store`, by tick windows, instead of in this node's memory. */
  shared?: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createAdmissionWork({
  secret,
  store,
  clock,
  raidMode = () => false,
  rules = {},
  onMoved,
  shared = false,
}: Deps) {
  const chosen: DifficultyRules = { ...defaultDifficultyRules, ...rules };
  const key = createHmac('sha256', secret).update('havre admission work v1').digest();
  const sign = (target: string, binding: string) =>
    createHmac('sha256', key).update(`${target}|${binding}`).digest('base64url');
  let state: DifficultyState = restingDifficulty(clock.now().getTime(), chosen);
  let admitted = 0;
  let lastTick = clock.now().getTime();
  let timer: NodeJS.Timeout | undefined;

  /** The raid floor applies at once, not at the next tick. */
  const maxNumber = () => (raidMode() ? Math.max(state.maxNumber, chosen.raidFloor) : state.maxNumber);

  const windowOf = (at: number) => Math.floor(at / DIFFICULTY_TICK_MS);
  const windowKey = (window: number) => `work:admitted:${window}`;
  /** The window last read from the store (cluster mode): each is counted once per node, from the current one. */
  let lastWindow = windowOf(clock.now().getTime()) - 1;

  async function tick(): Promise<void> {
    const now = clock.now().getTime();
    let input = { admitted, elapsedMs: Math.max(1, now - lastTick) };
    if (shared) {
      // The windows finished since the last tick, whole, from every node.
      const finished = windowOf(now) - 1;
      if (finished <= lastWindow) return;
      const windows = Array.from({ length: Math.min(6, finished - lastWindow) }, (_, i) => finished - i);
      const counts = await Promise.all(windows.map((window) => store.count(windowKey(window))));
      input = { admitted: counts.reduce((sum, n) => sum + n, 0), elapsedMs: windows.length * DIFFICULTY_TICK_MS };
      lastWindow = finished;
    }
    const before = state;
    state = nextDifficulty(state, { ...input, raidMode: raidMode(), now }, chosen);
    admitted = 0;
    lastTick = now;
    if (state.maxNumber !== before.maxNumber || state.surge !== before.surge || state.reason !== before.reason) {
      onMoved?.();
    }
  }

  return {
    /** A fresh challenge for this socket (`binding`: an id only this connection has). */
    challenge(binding: string): WorkChallengeView {
      const max = maxNumber();
      const salt = `${randomBytes(12).toString('base64url')}.${clock.now().getTime() + CHALLENGE_TTL_MS}`;
      const target = sha256(salt + randomInt(0, max + 1));
      return { algorithm: 'SHA-256', salt, target, maxNumber: max, signature: sign(target, binding) };
    },

    /** Throws WORK_* unless `solution` solves a challenge given to this socket, unexpired and never used. */
    async verify(solution: WorkSolution | undefined, binding: string): Promise<void> {
      if (!solution) throw new HavreError('WORK_REQUIRED', 'solve the admission work first (work:challenge)');
      const expected = Buffer.from(sign(sha256(solution.salt + solution.number), binding));
      const given = Buffer.from(solution.signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        throw new HavreError('WORK_INVALID', 'this is not a solution of a challenge given to this connection');
      }
      const expiresAt = Number(solution.salt.slice(solution.salt.lastIndexOf('.') + 1));
      const left = expiresAt - clock.now().getTime();
      if (!(left > 0)) throw new HavreError('WORK_EXPIRED', 'this challenge has expired: ask for a new one');
      if (!(await store.claim(`work:${solution.salt}`, left + 1000))) {
        throw new HavreError('WORK_REPLAYED', 'this solution was already used');
      }
      if (shared) await store.add(windowKey(windowOf(clock.now().getTime())), 1, 7 * DIFFICULTY_TICK_MS);
      else admitted += 1;
    },

    view(): AdmissionWorkView {
      const max = maxNumber();
      return {
        maxNumber: max,
        lowEndPhoneSeconds: lowEndPhoneSeconds(max),
        reason: raidMode() && !state.surge && max === chosen.raidFloor ? 'raid-floor' : state.reason,
        since: new Date(state.since).toISOString(),
        surge: state.surge,
        admittedPerMinute: Math.round(state.ratePerMinute * 10) / 10,
        baselinePerMinute: Math.round(state.baselinePerMinute * 10) / 10,
      };
    },

    /** Whether starts come in abnormally fast now: the board suggests raid mode. */
    surging: () => state.surge,

    /** Moves the difficulty now (the timer does it every 10 s). */
    tick,

    start(): void {
      timer ??= setInterval(() => void tick().catch(() => {}), DIFFICULTY_TICK_MS);
      timer.unref();
    },

    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

export type AdmissionWork = ReturnType<typeof createAdmissionWork>;
