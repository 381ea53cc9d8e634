// The capacity planner (issue 13): the association's measured demand, hour slot by hour slot of its opening
// hours, run through Erlang A (and Erlang C where it has an answer) and cross-checked by simulating its
// sessions with their closing time; then "what if": hours added to a slot, or a budget spent where each
// counselor-hour answers the most. Pure, no I/O; minutes throughout.
import { erlangA, erlangC } from './erlang.ts';
import { seededRandom, simulateSession } from './simulation.ts';

/** One hour of the weekly opening hours, with what was measured there. */
export interface PlanSlot {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
  /** Requests per hour measured in this slot. */
  arrivalsPerHour: number;
  /** Counselors available in this slot (a mean: 1.5 is one, and a second half of the time). */
  counselors: number;
}

export interface PlanInputs {
  slots: PlanSlot[];
  /** Mean conversation length, minutes. */
  handleMinutes: number;
  /** Conversations a counselor holds at once: each counselor is that many servers (decision 0027). */
  concurrency: number;
  /** Mean patience in the queue, minutes; Infinity when nobody has been seen giving up. */
  patienceMinutes: number;
  /** Euros per counselor-hour. */
  hourCost: number;
  /** Weeks a year the service opens. */
  weeksPerYear: number;
}

export interface SlotForecast extends PlanSlot {
  servers: number;
  /** Offered load in conversations (Erlangs). */
  load: number;
  /** Erlang C has no finite answer: the load reaches the conversations the counselors can hold. */
  overloaded: boolean;
  answeredShare: number;
  answeredPerWeek: number;
  abandonedPerWeek: number;
  meanWaitMinutes: number;
  /** Erlang C's mean wait, null when overloaded. */
  erlangCWaitMinutes: number | null;
}

export interface Forecast {
  slots: SlotForecast[];
  requestsPerWeek: number;
  answeredPerWeek: number;
  answeredShare: number | null;
  counselorHoursPerWeek: number;
}

/**
 * A fraction of a counselor is a whole one part of the time (1.5: one, and a second half the weeks): the
 * forecast mixes the whole numbers of counselors around it, each bringing `concurrency` servers.
 */
function forecastSlot(slot: PlanSlot, inputs: PlanInputs): SlotForecast {
  const arrivalRate = slot.arrivalsPerHour / 60;
  const counselors = Math.max(0, slot.counselors);
  const servers = counselors * inputs.concurrency;
  const whole = Math.floor(counselors);
  const part = counselors - whole;
  // No server at all is still Erlang A: everyone waits, and gives up after her patience.
  const at = (people: number) =>
    erlangA({
      arrivalRate,
      handleTime: inputs.handleMinutes,
      servers: people * inputs.concurrency,
      patience: inputs.patienceMinutes,
    });
  const low = at(whole);
  const high = part > 0 ? at(whole + 1) : low;
  const mix = (a: number, b: number) => a * (1 - part) + b * part;
  const answeredShare = arrivalRate > 0 ? mix(low.answered, high.answered) : 1;
  const c = erlangC({ arrivalRate, handleTime: inputs.handleMinutes, servers: Math.round(servers) });
  return {
    ...slot,
    servers,
    load: arrivalRate * inputs.handleMinutes,
    overloaded: !c.stable && arrivalRate > 0,
    answeredShare,
    answeredPerWeek: slot.arrivalsPerHour * answeredShare,
    abandonedPerWeek: slot.arrivalsPerHour * (1 - answeredShare),
    meanWaitMinutes: mix(low.meanWait, high.meanWait),
    erlangCWaitMinutes: arrivalRate === 0 ? 0 : c.stable ? c.meanWait : null,
  };
}

export function forecast(inputs: PlanInputs): Forecast {
  const slots = inputs.slots.map((slot) => forecastSlot(slot, inputs));
  const requestsPerWeek = slots.reduce((sum, slot) => sum + slot.arrivalsPerHour, 0);
  const answeredPerWeek = slots.reduce((sum, slot) => sum + slot.answeredPerWeek, 0);
  return {
    slots,
    requestsPerWeek,
    answeredPerWeek,
    answeredShare: requestsPerWeek > 0 ? answeredPerWeek / requestsPerWeek : null,
    counselorHoursPerWeek: inputs.slots.reduce((sum, slot) => sum + slot.counselors, 0),
  };
}

const slotKey = (slot: Pick<PlanSlot, 'weekday' | 'hour'>) => `${slot.weekday}:${slot.hour}`;

/** The inputs with `hours` more counselor-hours a week in one slot. */
export function withAddedHours(inputs: PlanInputs, weekday: number, hour: number, hours: number): PlanInputs {
  return {
    ...inputs,
    slots: inputs.slots.map((slot) =>
      slot.weekday === weekday && slot.hour === hour ? { ...slot, counselors: slot.counselors + hours } : slot,
    ),
  };
}

export interface BudgetPlan {
  /** Counselor-hours a week the budget pays for over the year. */
  hoursPerWeek: number;
  /** Where they go, slot by slot, and how many. */
  added: { weekday: number; hour: number; hours: number }[];
  before: Forecast;
  after: Forecast;
  morePerWeek: number;
  morePerYear: number;
}

/**
 * A yearly budget spent one counselor-hour a week at a time, each where it answers the most (a greedy
 * allocation: with Erlang A's diminishing returns per slot, it is the best spread of whole hours).
 */
/** More than a week has hours for a small helpline's planner: a budget beyond is spent up to this. */
export const MAX_ADDED_HOURS_PER_WEEK = 500;

export function spendBudget(inputs: PlanInputs, budgetPerYear: number): BudgetPlan {
  const affordable =
    inputs.hourCost > 0 ? Math.floor(budgetPerYear / (inputs.hourCost * inputs.weeksPerYear) + 1e-9) : 0;
  const hoursPerWeek = Math.max(0, Math.min(MAX_ADDED_HOURS_PER_WEEK, affordable));
  const before = forecast(inputs);
  let current = inputs;
  const answered = new Map(before.slots.map((slot) => [slotKey(slot), slot.answeredPerWeek]));
  const added = new Map<string, number>();
  for (let hour = 0; hour < hoursPerWeek && inputs.slots.length > 0; hour += 1) {
    let best: { slot: PlanSlot; gain: number; answeredPerWeek: number } | null = null;
    for (const slot of current.slots) {
      const { answeredPerWeek } = forecastSlot({ ...slot, counselors: slot.counselors + 1 }, current);
      const gain = answeredPerWeek - (answered.get(slotKey(slot)) ?? 0);
      if (!best || gain > best.gain) best = { slot, gain, answeredPerWeek };
    }
    if (!best) break;
    current = withAddedHours(current, best.slot.weekday, best.slot.hour, 1);
    added.set(slotKey(best.slot), (added.get(slotKey(best.slot)) ?? 0) + 1);
    // Only the slot given the hour changes: the others keep what they answered.
    answered.set(slotKey(best.slot), best.answeredPerWeek);
  }
  const after = forecast(current);
  const morePerWeek = after.answeredPerWeek - before.answeredPerWeek;
  return {
    hoursPerWeek,
    added: [...added].map(([key, hours]) => {
      const [weekday = 0, hour = 0] = key.split(':').map(Number);
      return { weekday, hour, hours };
    }),
    before,
    after,
    morePerWeek,
    morePerYear: morePerWeek * inputs.weeksPerYear,
  };
}

/**
 * The week simulated session by session (each opening day's consecutive hours one session, closing time
 * included), `runs` times: the answered a week, on average. A cross-check of the forecast, which sees each
 * hour as if it went on for ever.
 */
export function simulateWeek(inputs: PlanInputs, { runs = 200, servePastClosing = 0, seed = 1 } = {}): number {
  const sessions: PlanSlot[][] = [];
  const ordered = [...inputs.slots].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
  for (const slot of ordered) {
    const last = sessions.at(-1)?.at(-1);
    if (last && last.weekday === slot.weekday && last.hour + 1 === slot.hour) sessions.at(-1)?.push(slot);
    else sessions.push([slot]);
  }
  let answered = 0;
  // A fraction of a counselor (0.2: one, a fifth of the weeks) is a whole one in that share of the runs.
  const random = seededRandom(seed);
  const serversOf = (slot: PlanSlot) => {
    const whole = Math.floor(slot.counselors);
    return (whole + (random() < slot.counselors - whole ? 1 : 0)) * inputs.concurrency;
  };
  for (let run = 0; run < runs; run += 1) {
    sessions.forEach((session, index) => {
      answered += simulateSession({
        slots: session.map((slot) => ({
          minutes: 60,
          arrivalRate: slot.arrivalsPerHour / 60,
          servers: serversOf(slot),
        })),
        handleTime: inputs.handleMinutes,
        patience: inputs.patienceMinutes,
        servePastClosing,
        seed: seed + run * 1_000 + index,
      }).answered;
    });
  }
  return answered / runs;
}
