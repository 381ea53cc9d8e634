import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../src/protocol/audit.ts';
import { auditActionText } from './admin-audit.tsx';
import { consoleTranslator } from './messages.ts';
import { throttleText } from './security-text.ts';

const fr = consoleTranslator('fr');
const en = consoleTranslator('en');

describe('throttled login', () => {
  it('says how long to wait, in seconds under a minute and in whole minutes above', () => {
    expect(throttleText(fr, 'fr', 30)).toBe('Trop de tentatives. Pour votre sécurité, réessayez dans 30 secondes.');
    expect(throttleText(fr, 'fr', 61)).toBe('Trop de tentatives. Pour votre sécurité, réessayez dans 2 minutes.');
    expect(throttleText(en, 'en', 60)).toBe('Too many attempts. For your safety, try again in 1 minute.');
  });
});

describe('audit actions in words', () => {
  const entry = (action: AuditEntryView['action'], details: AuditEntryView['details'] = {}): AuditEntryView => ({
    id: '1',
    at: '2026-12-02T13:30:00.000Z',
    actorId: null,
    actorName: null,
    action,
    targetType: 'staff',
    targetId: null,
    details,
  });

  it('names every recorded action, with the detail that changes its meaning', () => {
    expect(auditActionText(fr, entry('staff.login', { second_factor: 'recovery_code' }))).toBe(
      'Connexion (avec code de secours)',
    );
    expect(auditActionText(fr, entry('staff.login', { second_factor: 'none' }))).toBe('Connexion');
    expect(auditActionText(en, entry('totp.disabled', { by: 'admin' }))).toBe(
      'Two-factor authentication turned off (by an admin)',
    );
    expect(auditActionText(en, entry('staff.updated', { role: 'admin' }))).toBe('Account changed');
  });
});
