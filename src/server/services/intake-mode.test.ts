import { describe, expect, it } from 'vitest';
import type { StaffRow } from '../storage/schema.ts';
import type { SettingsRepository } from '../storage/settings-repository.ts';
import { createIntakeMode } from './intake-mode.ts';

function setUp(stored?: unknown) {
  const values = new Map<string, unknown>(stored === undefined ? [] : [['intake-mode', stored]]);
  const repository = {
    get: async (key: string) => values.get(key),
    put: async (key: string, value: unknown) => void values.set(key, JSON.parse(JSON.stringify(value))),
    remove: async (key: string) => void values.delete(key),
  } satisfies SettingsRepository;
  const clock = { now: () => new Date('2026-12-02T13:30:00Z') };
  return createIntakeMode({ repository, clock });
}

const sophie = { id: 's1', display_name: 'Sophie' } as StaffRow;

describe('intake mode', () => {
  it('is open by default and when what is stored is not understood', async () => {
    expect((await setUp().current()).mode).toBe('open');
    expect((await setUp({ mode: 'raid' }).current()).mode).toBe('open');
    await expect(setUp().admitNewcomer()).resolves.toBeUndefined();
  });

  it('refuses newcomers while paused or closing, with who switched it and when', async () => {
    for (const mode of ['paused', 'closing'] as const) {
      const intake = setUp();
      const view = await intake.set(sophie, mode, 'Back soon.');
      expect(view).toEqual({ mode, message: 'Back soon.', setByName: 'Sophie', since: '2026-12-02T13:30:00.000Z' });
      await expect(intake.admitNewcomer()).rejects.toMatchObject({ code: 'INTAKE_PAUSED' });
    }
  });

  it('forgets the message and the author when opened again', async () => {
    const intake = setUp();
    await intake.set(sophie, 'paused', 'Back soon.');
    expect(await intake.set(sophie, 'open', 'ignored')).toEqual({
      mode: 'open',
      message: null,
      setByName: null,
      since: null,
    });
    await expect(intake.admitNewcomer()).resolves.toBeUndefined();
  });
});
