import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../protocol/schemas.ts';
import { defaultSettings } from './default-settings.ts';
import { withDefaults } from './settings.ts';

describe('settings stored by an older version', () => {
  it('keep what the admins chose and take the defaults of what came after, one level down too', () => {
    const { contactTypes, dangerLevels, heardFrom, areas, ...olderClosingForm } = defaultSettings.closingForm;
    const mine = [{ id: 'mine', label: { fr: 'Les miens', en: 'Mine' } }];
    const { presence, ...older } = { ...defaultSettings, retentionDays: 7 };
    const stored = { ...older, closingForm: { ...olderClosingForm, violenceTypes: mine } };

    const settings = settingsSchema.parse(withDefaults(stored));
    expect(settings.retentionDays).toBe(7);
    expect(settings.closingForm.violenceTypes).toEqual(mine);
    expect(settings.closingForm.contactTypes).toEqual(contactTypes);
    expect(settings.closingForm.areas).toEqual(areas);
    expect(settings.presence).toEqual(presence);
    expect([dangerLevels, heardFrom].every((list) => list.length > 0)).toBe(true);
  });

  it('take every default when nothing readable is stored', () => {
    expect(settingsSchema.parse(withDefaults(undefined))).toEqual(defaultSettings);
    expect(settingsSchema.parse(withDefaults('garbage'))).toEqual(defaultSettings);
  });
});
