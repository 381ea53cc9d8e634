import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HavreError } from './errors.ts';
import { MAX_MESSAGE_LENGTH } from './limits.ts';
import { parsePayload, scheduleSchema, settingsSchema, visitorResumeSchema, visitorSendSchema } from './schemas.ts';
import { visitorPageSchema } from './settings-schema.ts';

const codeOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof HavreError ? error.code : 'NOT_A_HAVRE_ERROR';
  }
};

describe('message payloads', () => {
  const clientId = '0190c6e5-8a1b-7c3d-9e4f-0a1b2c3d4e5f';

  it('accepts any non-blank text up to the limit', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: MAX_MESSAGE_LENGTH }), (text) => {
        fc.pre(text.trim().length > 0);
        expect(parsePayload(visitorSendSchema, { clientId, text })).toEqual({ clientId, text });
      }),
    );
  });

  it('refuses a message one character over the limit with MESSAGE_TOO_LONG', () => {
    const text = 'é'.repeat(MAX_MESSAGE_LENGTH + 1);
    expect(codeOf(() => parsePayload(visitorSendSchema, { clientId, text }))).toBe('MESSAGE_TOO_LONG');
  });

  it('refuses anything that is not exactly the expected shape with INVALID_PAYLOAD', () => {
    fc.assert(
      fc.property(fc.anything(), (payload) => {
        const valid = visitorSendSchema.safeParse(payload).success;
        expect(codeOf(() => parsePayload(visitorSendSchema, payload))).toBe(valid ? null : 'INVALID_PAYLOAD');
      }),
    );
    expect(codeOf(() => parsePayload(visitorSendSchema, { clientId, text: 'hi', extra: 1 }))).toBe('INVALID_PAYLOAD');
    expect(codeOf(() => parsePayload(visitorSendSchema, { clientId: 'nope', text: 'hi' }))).toBe('INVALID_PAYLOAD');
  });

  it('accepts only well-formed resume tokens and non-negative sequence numbers', () => {
    const token = 'A'.repeat(43);
    expect(parsePayload(visitorResumeSchema, { token, afterSeq: 0 })).toEqual({ token, afterSeq: 0 });
    for (const bad of [
      { token, afterSeq: -1 },
      { token, afterSeq: 1.5 },
      { token: `${token}=`, afterSeq: 0 },
      { token: 'A'.repeat(42), afterSeq: 0 },
    ]) {
      expect(codeOf(() => parsePayload(visitorResumeSchema, bad))).toBe('INVALID_PAYLOAD');
    }
  });
});

describe('settings', () => {
  const schedule = { timeZone: 'Europe/Paris', slots: [{ day: 'mon', start: '15:00', end: '17:00' }], closures: [] };

  it('names the field at fault', () => {
    const run = () => parsePayload(settingsSchema, { schedule, maxConversationsPerCounselor: 0 });
    expect(run).toThrow('maxConversationsPerCounselor');
  });

  it('refuses impossible times, unknown zones and slots that end before they start', () => {
    for (const slot of [
      { day: 'mon', start: '24:00', end: '25:00' },
      { day: 'mon', start: '9:00', end: '10:00' },
      { day: 'mon', start: '17:00', end: '15:00' },
      { day: 'someday', start: '15:00', end: '17:00' },
    ]) {
      expect(scheduleSchema.safeParse({ ...schedule, slots: [slot] }).success).toBe(false);
    }
    expect(scheduleSchema.safeParse({ ...schedule, timeZone: 'Europe/Atlantis' }).success).toBe(false);
    expect(scheduleSchema.safeParse(schedule).success).toBe(true);
  });

  it('refuses closures on days that do not exist', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-04-31']) {
      expect(scheduleSchema.safeParse({ ...schedule, closures: [{ date }] }).success).toBe(false);
    }
    expect(scheduleSchema.safeParse({ ...schedule, closures: [{ date: '2028-02-29' }] }).success).toBe(true);
  });

  // Found by test/fuzz.test.ts: an embed origin that is not an address at all threw from the origin check
  // (a 500) instead of being refused.
  it('refuses embed origins that are not addresses with a clear error', () => {
    const visitorPage = { title: 'Messagerie', icon: 'leaf', quickExitUrl: 'https://meteofrance.com/' };
    for (const origin of ['d_v#HM', '', ' teVzZ', 'https://', 'https://a.example/path']) {
      const run = () => parsePayload(visitorPageSchema, { ...visitorPage, embedOrigins: [origin] });
      expect(codeOf(run)).toBe('INVALID_PAYLOAD');
    }
    expect(visitorPageSchema.safeParse({ ...visitorPage, embedOrigins: ['https://a.example'] }).success).toBe(true);
  });
});
