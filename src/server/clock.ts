// Time as a dependency, so that schedules, sessions and retention can be tested with a fake clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
