// Limits at every door: how much one network (a short-lived keyed hash of its address) or one socket may ask
// of the server before it is told to wait. Pure rules, the reasoning beside each number; raid mode tightens
// them. A network here may be a whole mobile carrier's shared address (CGNAT) or one household: the numbers
// are sized so that several genuine women behind one address still pass, and one script does not.

/** A token bucket: up to `capacity` at once (the burst), then `refillPerSecond` on average. */
export interface RateRule {
  capacity: number;
  refillPerSecond: number;
}

export interface DoorLimits {
  /** Socket handshakes per network. */
  handshakes: RateRule;
  /** Sockets open at once per network (both namespaces; staff with a signed session are not counted). */
  connections: number;
  /** New conversations asked for per network. */
  starts: RateRule;
  /** Conversations of one network still waiting in the queue at once. */
  waiting: number;
  /** Per visitor socket: her messages, her typing signals and every other event. */
  visitorMessages: RateRule;
  visitorTyping: RateRule;
  visitorEvents: RateRule;
  /** Per staff socket: generous, a counselor pasting canned answers must never be slowed. */
  staffMessages: RateRule;
  staffTyping: RateRule;
  staffEvents: RateRule;
  /** HTTP `/api/*` per network, and `/api/status` apart (polled by every visitor page). */
  api: RateRule;
  status: RateRule;
}

export type RateDoor = {
  [K in keyof DoorLimits]: DoorLimits[K] extends RateRule ? K : never;
}[keyof DoorLimits];
export type Door = keyof DoorLimits;

export const normalDoorLimits: DoorLimits = {
  // A page opens one socket and reconnects on a flaky phone network (a few a minute at worst); 30 at once then
  // one a second lets a carrier's shared address carry dozens of women, while a script is held to 60/min.
  handshakes: { capacity: 30, refillPerSecond: 1 },
  // One tab holds one socket; 30 tabs open behind one address is already a crowd for a helpline this size.
  connections: 30,
  // A woman starts one conversation, maybe a second after a drop or a wrong answer: 6 at once, then one every
  // 2 minutes (30 an hour) stays far above what any household needs and far below a raid's hundreds.
  starts: { capacity: 6, refillPerSecond: 1 / 120 },
  // Four people behind one address waiting at once is rare but real (a shelter's wifi, a carrier's address).
  waiting: 4,
  // OWASP starts near 100 messages/min per connection; a person writes a few lines a minute, sometimes a burst
  // of short ones: 20 at once, then one a second (60/min).
  visitorMessages: { capacity: 20, refillPerSecond: 1 },
  // The page says `true` at most every 2 s and `false` once: 10 at once then 1/s leaves room to spare.
  visitorTyping: { capacity: 10, refillPerSecond: 1 },
  // Resume, history, read marks, end: a reconnect sends a few; 30 then 2/s.
  visitorEvents: { capacity: 30, refillPerSecond: 2 },
  staffMessages: { capacity: 60, refillPerSecond: 3 },
  staffTyping: { capacity: 30, refillPerSecond: 3 },
  staffEvents: { capacity: 120, refillPerSecond: 10 },
  // The console loads a handful of routes per screen, and a team may share an office address: 120 then 5/s.
  api: { capacity: 120, refillPerSecond: 5 },
  // A visitor page polls the status once a minute: 60 then 1/s is 60 pages open behind one address.
  status: { capacity: 60, refillPerSecond: 1 },
};

/**
 * Raid mode (switched by a supervisor): network doors close to what a few genuine people need, because the raid
 * comes from a few addresses in bulk; staff doors are left as they are, since the staff must work through it.
 */
export const raidDoorLimits: DoorLimits = {
  ...normalDoorLimits,
  // 10 at once then one every 5 s: a phone that keeps dropping still reconnects, a script waits.
  handshakes: { capacity: 10, refillPerSecond: 1 / 5 },
  connections: 10,
  // 2 at once then one every 10 minutes: a woman whose first try failed can try again at once.
  starts: { capacity: 2, refillPerSecond: 1 / 600 },
  // Two, not one: a carrier's shared address may carry two genuine women, and a raid's hundreds become two.
  waiting: 2,
  // 10 at once then one every 2 s (30/min): still faster than anyone types in distress.
  visitorMessages: { capacity: 10, refillPerSecond: 1 / 2 },
  visitorEvents: { capacity: 20, refillPerSecond: 1 },
  api: { capacity: 60, refillPerSecond: 2 },
  status: { capacity: 30, refillPerSecond: 1 / 2 },
};

export interface DoorLimitSet {
  normal: DoorLimits;
  raid: DoorLimits;
}

export const defaultDoorLimits: DoorLimitSet = { normal: normalDoorLimits, raid: raidDoorLimits };

/** The limits in force: raid mode's when it is on. Overrides (tests, an operator's env) apply to both. */
export function doorLimitsNow(set: DoorLimitSet, raidMode: boolean): DoorLimits {
  return raidMode ? set.raid : set.normal;
}

/** A set where `overrides` replace the same doors in both modes (raid mode never loosens a door). */
export function withOverrides(set: DoorLimitSet, overrides: Partial<DoorLimits>): DoorLimitSet {
  const normal = { ...set.normal, ...overrides };
  const raid = { ...set.raid };
  for (const door of Object.keys(overrides) as Door[]) {
    (raid as Record<Door, unknown>)[door] = tighter(set.raid[door], normal[door]);
  }
  return { normal, raid };
}

function tighter<T extends RateRule | number>(raid: T, normal: T): T {
  if (typeof raid === 'number' && typeof normal === 'number') return Math.min(raid, normal) as T;
  const r = raid as RateRule;
  const n = normal as RateRule;
  return {
    capacity: Math.min(r.capacity, n.capacity),
    refillPerSecond: Math.min(r.refillPerSecond, n.refillPerSecond),
  } as T;
}

/**
 * Network doors wide open, for a load bench or tests whose clients all come from 127.0.0.1 (one network):
 * per-socket doors stay as they are, so one socket's flood is still held.
 */
export const wideNetworkDoors: Partial<DoorLimits> = {
  handshakes: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  connections: 1_000_000,
  starts: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  waiting: 1_000_000,
  api: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  status: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
};
