// How long a network is refused after blocks from it. A block always refuses the blocked tab for 24 h; the
// network (a short-lived hash of an address that a mobile carrier, a shelter or the victim's own home wifi may
// share with the troll) is refused only when blocks from it repeat, briefly at first, and the count decays, so
// that one troll never shuts the door on the woman next to her for long (decision 0019).

/** The weight of past blocks halves every this long: a network quiet for a few hours starts afresh. */
export const STRIKE_HALF_LIFE_MS = 2 * 60 * 60 * 1000;
/** Past this, what is left of old blocks weighs nothing and may be forgotten. */
export const STRIKE_MEMORY_MS = 24 * 60 * 60 * 1000;
/** The longest a network is ever refused. */
export const MAX_NETWORK_REFUSAL_MS = 2 * 60 * 60 * 1000;

const MINUTE = 60 * 1000;
/** By number of recent blocks (after decay, to the nearest): 1 → none, 2 → 10 min, 3 → 30 min, 4 → 1 h, 5+ → 2 h. */
const refusalByStrikes: readonly number[] = [0, 0, 10 * MINUTE, 30 * MINUTE, 60 * MINUTE, MAX_NETWORK_REFUSAL_MS];

export interface NetworkStrikes {
  /** Blocks from this network, weighted by how recent they are. */
  weight: number;
  /** When the weight was last computed (ms since the epoch). */
  at: number;
}

/** The weight of past blocks at `now`, decayed from what was recorded. */
export function decayedWeight(strikes: NetworkStrikes | null, now: number): number {
  if (!strikes) return 0;
  const elapsed = Math.max(0, now - strikes.at);
  if (elapsed >= STRIKE_MEMORY_MS) return 0;
  return strikes.weight * 0.5 ** (elapsed / STRIKE_HALF_LIFE_MS);
}

/** One more block from this network: the new weight and how long the network is refused from now. */
export function strikeNetwork(
  strikes: NetworkStrikes | null,
  now: number,
): { strikes: NetworkStrikes; refuseMs: number } {
  const weight = decayedWeight(strikes, now) + 1;
  return { strikes: { weight, at: now }, refuseMs: networkRefusalMs(weight) };
}

export function networkRefusalMs(weight: number): number {
  const index = Math.min(refusalByStrikes.length - 1, Math.max(0, Math.round(weight)));
  return refusalByStrikes[index] ?? MAX_NETWORK_REFUSAL_MS;
}
