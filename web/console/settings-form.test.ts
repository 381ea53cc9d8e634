import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/protocol/schemas.ts';
import { defaultClosingForm } from '../../src/server/services/default-settings.ts';
import { fromSettingsForm, newSlot, parseMaxQueue, parseOrigins, toSettingsForm } from './settings-form.ts';

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
  visitorPage: {
    title: 'Messagerie',
    brand: 'Messagerie',
    icon: 'leaf',
    quickExitUrl: 'https://example.org/',
    embedOrigins: [],
  },
  closingForm: defaultClosingForm,
  autoAssignment: true,
  servePastClosingMinutes: 15,
  presence: { counselorFlagSeconds: 30, handBackSeconds: 180, visitorGoneSeconds: 300 },
  statistics: { smallCountThreshold: 5, counselorHourCost: 30 },
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

describe('admission and visitor page fields', () => {
  it('sends an empty waiting-list cap as no cap, and a whole number as that number', () => {
    expect(parseMaxQueue('')).toBeNull();
    expect(parseMaxQueue('  ')).toBeNull();
    expect(parseMaxQueue(' 12 ')).toBe(12);
    expect(parseMaxQueue('1.5')).toBeUndefined();
    expect(parseMaxQueue('-3')).toBeUndefined();
    expect(parseMaxQueue('douze')).toBeUndefined();
    const form = { ...toSettingsForm(settings), maxQueue: '' };
    expect(fromSettingsForm(form).admission).toEqual({ paused: false, maxQueue: null });
  });

  it('reads one origin per line, without blanks, trailing slashes or repeats', () => {
    expect(parseOrigins('')).toEqual([]);
    expect(
      parseOrigins(' https://association.example/ \r\n\n https://aide.example\nhttps://association.example\n'),
    ).toEqual(['https://association.example', 'https://aide.example']);
  });

  it('shows origins one per line and sends the intake questions back unchanged', () => {
    const withOrigins: Settings = {
      ...settings,
      intake: {
        enabled: true,
        questions: [
          {
            id: 'danger',
            label: { fr: 'En danger ?', en: 'In danger?' },
            options: [
              { id: 'yes', label: { fr: 'Oui', en: 'Yes' }, urgent: true },
              { id: 'no', label: { fr: 'Non', en: 'No' }, urgent: false },
            ],
          },
        ],
      },
      visitorPage: { ...settings.visitorPage, embedOrigins: ['https://a.example', 'https://b.example'] },
    };
    const form = toSettingsForm(withOrigins);
    expect(form.embedOrigins).toBe('https://a.example\nhttps://b.example');
    const sent = fromSettingsForm({ ...form, intakeEnabled: false, paused: true, pageTitle: '  Notes  ' });
    expect(sent.intake).toEqual({ ...withOrigins.intake, enabled: false });
    expect(sent.admission.paused).toBe(true);
    expect(sent.visitorPage.title).toBe('Notes');
  });
});
