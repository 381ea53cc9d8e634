// Queueing models for the capacity planner (issue 13): Erlang C (callers wait for ever) and Erlang A (callers
// give up after an exponentially distributed patience). Pure, no I/O, every time in the same unit (the callers
// pass minutes or seconds, consistently).
//
// Chat concurrency: a counselor who holds `c` conversations at once is `c` servers, each serving at the pace
// measured for conversations held that way (the handle time measured in Havre already includes the
// slowdown of writing to several people). The planner says so on screen.

export interface ErlangCInput {
  /** Arrivals per unit of time. */
  arrivalRate: number;
  /** Mean handle time, in the same unit. */
  handleTime: number;
  servers: number;
}

export interface ErlangCResult {
  /** Offered load in Erlangs: arrivals × handle time. */
  load: number;
  /** False when the load reaches the servers: the queue grows without end, and no figure below holds. */
  stable: boolean;
  probabilityOfWait: number;
  /** Mean wait of all arrivals (ASA), in the unit of time of the input. */
  meanWait: number;
  occupancy: number;
}

/** Erlang B by the usual stable recursion: B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)). */
export function erlangB(load: number, servers: number): number {
  let blocking = 1;
  for (let k = 1; k <= servers; k += 1) blocking = (load * blocking) / (k + load * blocking);
  return blocking;
}

export function erlangC({ arrivalRate, handleTime, servers }: ErlangCInput): ErlangCResult {
  const load = arrivalRate * handleTime;
  if (servers <= 0 || load >= servers) {
    return { load, stable: false, probabilityOfWait: 1, meanWait: Number.POSITIVE_INFINITY, occupancy: 1 };
  }
  const blocking = erlangB(load, servers);
  const probabilityOfWait = (servers * blocking) / (servers - load * (1 - blocking));
  return {
    load,
    stable: true,
    probabilityOfWait,
    meanWait: (probabilityOfWait * handleTime) / (servers - load),
    occupancy: load / servers,
  };
}

/** Erlang C: the share answered within `target` (same unit as the handle time). */
export function erlangCServiceLevel(input: ErlangCInput, target: number): number {
  const result = erlangC(input);
  if (!result.stable) return 0;
  return 1 - result.probabilityOfWait * Math.exp((-(input.servers - result.load) * target) / input.handleTime);
}

export interface ErlangAInput extends ErlangCInput {
  /** Mean patience before giving up, same unit; Infinity is Erlang C. */
  patience: number;
}

export interface ErlangAResult {
  load: number;
  probabilityOfWait: number;
  probabilityOfAbandon: number;
  /** The share of arrivals answered: 1 − P(abandon). */
  answered: number;
  /** Mean time in the queue over all arrivals (those who give up included, until they do). */
  meanWait: number;
  /** Mean number waiting. */
  meanQueue: number;
  /** Share of the servers' time spent in conversations. */
  occupancy: number;
}

/** The chain is cut where its states hold less than this much probability, relative to the largest. */
const NEGLIGIBLE = 1e-16;
const MAX_STATES = 100_000;

/**
 * Erlang A (M/M/n+M) from its birth–death chain: state k people in the system, born at the arrival rate,
 * dying at k·μ up to n, then at n·μ + (k − n)·θ. Exact but for the cut of a tail that weighs less than
 * 1e-16; it holds whatever the load, since those who wait give up: the model to use when demand exceeds
 * capacity, where Erlang C has no finite answer.
 */
export function erlangA({ arrivalRate, handleTime, servers, patience }: ErlangAInput): ErlangAResult {
  const load = arrivalRate * handleTime;
  const mu = 1 / handleTime;
  const theta = Number.isFinite(patience) && patience > 0 ? 1 / patience : 0;
  if (theta === 0) {
    const c = erlangC({ arrivalRate, handleTime, servers });
    return {
      load,
      probabilityOfWait: c.probabilityOfWait,
      probabilityOfAbandon: 0,
      answered: c.stable ? 1 : 0,
      meanWait: c.meanWait,
      meanQueue: c.stable ? arrivalRate * c.meanWait : Number.POSITIVE_INFINITY,
      occupancy: c.occupancy,
    };
  }
  // Unnormalised weights, rescaled as they grow so that large loads never overflow.
  const weights: number[] = [1];
  let largest = 1;
  for (let k = 1; k < MAX_STATES; k += 1) {
    const death = k <= servers ? k * mu : servers * mu + (k - servers) * theta;
    let next = ((weights[k - 1] ?? 0) * arrivalRate) / death;
    if (next > 1e250) {
      for (let i = 0; i < weights.length; i += 1) weights[i] = (weights[i] ?? 0) / next;
      largest /= next;
      next = 1;
    }
    weights.push(next);
    largest = Math.max(largest, next);
    if (k > servers && next < largest * NEGLIGIBLE) break;
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let waiting = 0;
  let queue = 0;
  let busy = 0;
  weights.forEach((weight, k) => {
    const p = weight / total;
    if (k >= servers) waiting += p;
    if (k > servers) queue += (k - servers) * p;
    busy += Math.min(k, servers) * p;
  });
  const probabilityOfAbandon = (theta * queue) / arrivalRate;
  return {
    load,
    probabilityOfWait: waiting,
    probabilityOfAbandon,
    answered: 1 - probabilityOfAbandon,
    meanWait: queue / arrivalRate,
    meanQueue: queue,
    occupancy: servers > 0 ? busy / servers : 1,
  };
}
