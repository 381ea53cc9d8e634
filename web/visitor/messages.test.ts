import { describe, expect, it } from 'vitest';
import { placeholders } from '../ui/i18n.ts';
import { fr } from './messages.ts';
import { en } from './messages-en.ts';

describe('visitor catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('have no empty text', () => {
    for (const catalogue of [fr, en]) {
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(placeholders(en[key as keyof typeof fr]), key).toEqual(placeholders(text));
    }
  });

  it('give plural keys both forms', () => {
    const bases = Object.keys(fr)
      .filter((key) => key.endsWith('.one') || key.endsWith('.other'))
      .map((key) => key.replace(/\.(one|other)$/, ''));
    for (const base of bases) {
      expect(Object.keys(fr), base).toContain(`${base}.one`);
      expect(Object.keys(fr), base).toContain(`${base}.other`);
    }
  });

  it('keep the accessible names tests rely on', () => {
    expect([fr['home.start'], fr['chat.send'], fr['chat.end'], fr['chat.label']]).toEqual([
      'Commencer une conversation',
      'Envoyer',
      'Terminer la conversation',
      'Votre message',
    ]);
    expect([fr['intake.join'], fr['intake.skip'], fr['erase.button']]).toEqual([
      'Rejoindre la file d’attente',
      'Passer les questions',
      'Effacer cette conversation de cet appareil',
    ]);
    expect(en['erase.button']).toBe('Erase this conversation from this device');
    expect([en['home.start'], en['chat.send'], en['chat.end'], en['chat.label']]).toEqual([
      'Start a conversation',
      'Send',
      'End the conversation',
      'Your message',
    ]);
  });

  it('keep the page title neutral', () => {
    for (const catalogue of [fr, en]) {
      expect(catalogue['app.titleAttention']).not.toMatch(/violence|abus|abuse|victim/i);
    }
  });
});
