import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createStatisticsRecorder, type StatCount } from '../services/statistics-recorder.ts';
import { createMemoryStore } from '../short-lived/memory-store.ts';
import { createStatisticsJob } from './statistics-job.ts';

const clock = { now: () => new Date('2026-12-02T13:30:00Z') };

describe('the statistics job', () => {
  it('keeps the counts of a failed write, and writes them with the next', async () => {
    const recorder = createStatisticsRecorder({ clock });
    const written: StatCount[] = [];
    let fail = true;
    const job = createStatisticsJob({
      recorder,
      repository: {
        add: async (counts) => {
          if (fail) throw new Error('database away');
          written.push(...counts);
        },
        between: async () => [],
      },
      presence: { online: () => [] },
      store: createMemoryStore({ clock }),
      conversations: { activeCounts: async () => new Map() },
      settings: { current: async () => ({ maxConversationsPerCounselor: 2 }) as never },
      clock,
      log: pino({ level: 'silent' }),
    });
    recorder.add('served');
    await expect(job.flush()).rejects.toThrow('database away');
    fail = false;
    recorder.add('served');
    await job.flush();
    expect(written).toEqual([{ hour: new Date('2026-12-02T13:00:00Z'), name: 'served', value: 2 }]);
  });

  /** The statistics job of one node, its presence and the conversations' counts as in the tests below. */
  const aNode = (recorder: ReturnType<typeof createStatisticsRecorder>, store: ReturnType<typeof createMemoryStore>) =>
    createStatisticsJob({
      recorder,
      repository: { add: async () => {}, between: async () => [] },
      presence: {
        online: () => [
          { staffId: 'ines', status: 'available' },
          { staffId: 'lea', status: 'paused' },
          { staffId: 'sophie', status: 'paused' },
        ],
      },
      conversations: {
        activeCounts: async () =>
          new Map([
            ['ines', 1],
            ['lea', 2],
          ]),
      },
      settings: { current: async () => ({ maxConversationsPerCounselor: 2 }) as never },
      store,
      clock,
      log: pino({ level: 'silent' }),
    });

  it('counts on duty those available and those still holding a conversation, once each', async () => {
    const recorder = createStatisticsRecorder({ clock });
    const job = aNode(recorder, createMemoryStore({ clock }));
    await job.sample();
    await job.sample();
    const counts = Object.fromEntries(recorder.drain().map(({ name, value }) => [name, value]));
    expect(counts).toEqual({ staffed_minutes: 2, capacity_minutes: 4, busy_minutes: 3 });
  });

  it('counts the minute once when several nodes share the store', async () => {
    const store = createMemoryStore({ clock });
    const recorders = [createStatisticsRecorder({ clock }), createStatisticsRecorder({ clock })];
    await Promise.all(recorders.map((recorder) => aNode(recorder, store).sample()));
    const counts = recorders.flatMap((recorder) => recorder.drain()).filter(({ name }) => name === 'busy_minutes');
    expect(counts.map(({ value }) => value)).toEqual([3]);
  });
});
