import { describe, expect, it } from 'vitest';
import { emergencyContacts } from './emergency.ts';

describe('emergency numbers', () => {
  it('list 17, 112, 114, 3919 and 119 as phone or text links', () => {
    expect(emergencyContacts.map((contact) => contact.number)).toEqual(['17', '112', '114', '3919', '119']);
    for (const contact of emergencyContacts) {
      expect(contact.href).toBe(`${contact.number === '114' ? 'sms' : 'tel'}:${contact.number}`);
      expect(contact.name.fr && contact.name.en && contact.detail.fr && contact.detail.en).toBeTruthy();
    }
  });
});
