// Weekly opening hours: one row per slot (day, start, end), added and removed freely.
import type { Weekday } from '../../src/protocol/schemas.ts';
import { useLocale } from './locale-context.ts';
import { newSlot, type SlotRow, weekdayOrder } from './settings-form.ts';

interface SlotsEditorProps {
  slots: SlotRow[];
  onChange: (slots: SlotRow[]) => void;
}

export function SlotsEditor({ slots, onChange }: SlotsEditorProps) {
  const { t } = useLocale();
  const update = (key: number, change: Partial<SlotRow>) =>
    onChange(slots.map((slot) => (slot.key === key ? { ...slot, ...change } : slot)));

  return (
    <fieldset class="rows">
      <legend>{t('settings.hours')}</legend>
      {slots.length === 0 && <p class="hint">{t('settings.noSlots')}</p>}
      {slots.map((slot) => (
        <div class="row" key={slot.key}>
          <div class="field">
            <label for={`slot-day-${slot.key}`}>{t('settings.day')}</label>
            <select
              id={`slot-day-${slot.key}`}
              value={slot.day}
              onChange={(event) => update(slot.key, { day: event.currentTarget.value as Weekday })}
            >
              {weekdayOrder.map((day) => (
                <option key={day} value={day}>
                  {t(`day.${day}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`slot-start-${slot.key}`}>{t('settings.start')}</label>
            <input
              id={`slot-start-${slot.key}`}
              type="time"
              value={slot.start}
              onInput={(event) => update(slot.key, { start: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`slot-end-${slot.key}`}>{t('settings.end')}</label>
            <input
              id={`slot-end-${slot.key}`}
              type="time"
              value={slot.end}
              onInput={(event) => update(slot.key, { end: event.currentTarget.value })}
            />
          </div>
          <button
            type="button"
            class="button button-quiet button-small"
            onClick={() => onChange(slots.filter((other) => other.key !== slot.key))}
          >
            {t('settings.removeSlot')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="button button-secondary button-small"
        onClick={() => onChange([...slots, newSlot(slots)])}
      >
        {t('settings.addSlot')}
      </button>
    </fieldset>
  );
}
