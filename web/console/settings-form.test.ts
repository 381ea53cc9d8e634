import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/protocol/schemas.ts';
import { fromSettingsForm, newSlot, toSettingsForm } from './settings-form.ts';

const settings: Settings = {
  schedule: {
    timeZone: 'Europe/Paris',
    slots: [{ day: 'mon', start: '14:00', end: '20:00' }],
    closures: [{ date: '2026-12-25', label: 'Noël' }, { date: '2026-05-01' }],
  },
  maxConversationsPerCounselor: 3,
  retentionDays: 45,
  intake: { enabled: false, questions: [] },
  admission: { paused: false, maxQueue: 20 },
  visitorPage: { title: 'Messagerie', quickExitUrl: 'https://example.org/', embedOrigins: [] },
};

describe('settings form', () => {
  it('round-trips the server settings, dropping empty closure labels', () => {
    expect(fromSettingsForm(toSettingsForm(settings))).toEqual(settings);
  });

  it('starts a new slot on the day after the last one, with the same hours', () => {
    const form = toSettingsForm(settings);
    expect(newSlot(form.slots)).toMatchObject({ day: 'tue', start: '14:00', end: '20:00' });
    expect(newSlot([])).toMatchObject({ day: 'mon' });
  });
});
