// The server's clock, as the console counts durations on it: "waiting for 4 min", "disconnected 2 min ago". A
// browser's clock can be minutes or hours off (set by hand, a laptop back from sleep, a test server's clock);
// every staff state and board carries the server's time, and the offset seen then is kept. Screens that show
// durations hear when it moves, so that the first state corrects them at once.
let offsetMs = 0;
const listeners = new Set<() => void>();

/** Less than this is the network's delay, not a clock that is off. */
const NOTICEABLE_MS = 1_000;

/** Keeps how far the browser's clock is from the server's, as seen on an event built at `serverTime`. */
export function noteServerTime(serverTime: string, receivedAt: number = Date.now()): void {
  const server = Date.parse(serverTime);
  if (!Number.isFinite(server) || Math.abs(server - receivedAt - offsetMs) < NOTICEABLE_MS) return;
  offsetMs = server - receivedAt;
  for (const listener of listeners) listener();
}

/** Now, on the server's clock (milliseconds since the epoch). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Calls `listener` whenever the offset moves; returns how to stop. */
export function onServerClockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
