// A small discrete-event simulation of one opening session, to cross-check the Erlang models where they do not
// hold: a session ends (at closing those still waiting are turned away, once the minutes granted after closing
// have passed), and the counselors on duty change from one slot to the next. Times in minutes. Seeded, so
// that a test or a planner page gives the same figures twice.

export interface SimulatedSlot {
  /** Length of the slot, minutes. */
  minutes: number;
  /** Arrivals per minute during the slot. */
  arrivalRate: number;
  /** Conversations that can be held at once during the slot (counselors × concurrency). */
  servers: number;
}

export interface SimulationInput {
  slots: readonly SimulatedSlot[];
  /** Mean conversation length, minutes (exponential). */
  handleTime: number;
  /** Mean patience before giving up, minutes (exponential); Infinity: nobody gives up. */
  patience: number;
  /** After the last slot, those already waiting may still be taken this many minutes. */
  servePastClosing: number;
  seed: number;
}

export interface SimulationResult {
  arrivals: number;
  answered: number;
  abandoned: number;
  turnedAway: number;
  /** Minutes waited by each one answered, in order of arrival. */
  waits: number[];
  /** Sum over time of the conversations under way (minutes), for the occupancy. */
  busyMinutes: number;
}

/** mulberry32: small, fast, good enough for a planner; never for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const exponential = (random: () => number, mean: number) =>
  Number.isFinite(mean) ? -mean * Math.log(1 - random()) : Number.POSITIVE_INFINITY;

interface Arrival {
  at: number;
  serviceTime: number;
  deadline: number;
}

export function simulateSession(input: SimulationInput): SimulationResult {
  const random = seededRandom(input.seed);
  const arrivals: Arrival[] = [];
  let slotStart = 0;
  for (const slot of input.slots) {
    let at = slotStart;
    for (;;) {
      at += slot.arrivalRate > 0 ? exponential(random, 1 / slot.arrivalRate) : Number.POSITIVE_INFINITY;
      if (at >= slotStart + slot.minutes) break;
      const patience = exponential(random, input.patience);
      arrivals.push({ at, serviceTime: exponential(random, input.handleTime), deadline: at + patience });
    }
    slotStart += slot.minutes;
  }
  const closing = slotStart;
  const lastTake = closing + input.servePastClosing;
  const capacityAt = (time: number) => {
    let start = 0;
    for (const slot of input.slots) {
      if (time < start + slot.minutes) return slot.servers;
      start += slot.minutes;
    }
    return input.slots.at(-1)?.servers ?? 0;
  };
  const boundaries: number[] = [];
  for (const slot of input.slots) boundaries.push((boundaries.at(-1) ?? 0) + slot.minutes);

  const result: SimulationResult = {
    arrivals: arrivals.length,
    answered: 0,
    abandoned: 0,
    turnedAway: 0,
    waits: [],
    busyMinutes: 0,
  };
  const inService: number[] = [];
  const waiting: Arrival[] = [];
  let next = 0;
  let now = 0;

  const take = () => {
    while (waiting.length > 0 && now <= lastTake && inService.length < capacityAt(Math.min(now, closing - 1e-9))) {
      const person = waiting.shift() as Arrival;
      result.answered += 1;
      result.waits.push(now - person.at);
      inService.push(now + person.serviceTime);
      result.busyMinutes += person.serviceTime;
    }
  };

  for (;;) {
    const nextArrival = arrivals[next]?.at ?? Number.POSITIVE_INFINITY;
    const nextEnd = inService.length > 0 ? Math.min(...inService) : Number.POSITIVE_INFINITY;
    const nextGiveUp = waiting.reduce(
      (soonest, person) => Math.min(soonest, person.deadline),
      Number.POSITIVE_INFINITY,
    );
    const nextBoundary = boundaries.find((boundary) => boundary > now) ?? Number.POSITIVE_INFINITY;
    const turnAway = waiting.length > 0 && lastTake > now ? lastTake : Number.POSITIVE_INFINITY;
    now = Math.min(nextArrival, nextEnd, nextGiveUp, nextBoundary, turnAway);
    if (!Number.isFinite(now)) break;

    if (now === nextEnd) inService.splice(inService.indexOf(nextEnd), 1);
    else if (now === nextGiveUp) {
      waiting.splice(
        waiting.findIndex((person) => person.deadline === nextGiveUp),
        1,
      );
      result.abandoned += 1;
    } else if (now === nextArrival) waiting.push(arrivals[next++] as Arrival);
    // At the last moment to take anyone (turnAway), take() below still takes who it can, then the rest go.
    take();
    if (now >= lastTake && waiting.length > 0) {
      result.turnedAway += waiting.length;
      waiting.length = 0;
    }
    if (next >= arrivals.length && waiting.length === 0 && inService.length === 0) break;
  }
  return result;
}
