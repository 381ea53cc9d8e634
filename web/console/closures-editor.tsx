// Dated closures (public holidays, team days): a date and an optional reason per row.
import { useLocale } from './locale-context.ts';
import { type ClosureRow, nextRowKey } from './settings-form.ts';

interface ClosuresEditorProps {
  closures: ClosureRow[];
  onChange: (closures: ClosureRow[]) => void;
}

export function ClosuresEditor({ closures, onChange }: ClosuresEditorProps) {
  const { t } = useLocale();
  const update = (key: number, change: Partial<ClosureRow>) =>
    onChange(closures.map((closure) => (closure.key === key ? { ...closure, ...change } : closure)));

  return (
    <fieldset class="rows">
      <legend>{t('settings.closures')}</legend>
      {closures.length === 0 && <p class="hint">{t('settings.noClosures')}</p>}
      {closures.map((closure) => (
        <div class="row" key={closure.key}>
          <div class="field">
            <label for={`closure-date-${closure.key}`}>{t('settings.date')}</label>
            <input
              id={`closure-date-${closure.key}`}
              type="date"
              value={closure.date}
              onInput={(event) => update(closure.key, { date: event.currentTarget.value })}
            />
          </div>
          <div class="field field-wide">
            <label for={`closure-label-${closure.key}`}>{t('settings.closureLabel')}</label>
            <input
              id={`closure-label-${closure.key}`}
              type="text"
              maxLength={200}
              value={closure.label}
              onInput={(event) => update(closure.key, { label: event.currentTarget.value })}
            />
          </div>
          <button
            type="button"
            class="button button-quiet button-small"
            onClick={() => onChange(closures.filter((other) => other.key !== closure.key))}
          >
            {t('settings.removeClosure')}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="button button-secondary button-small"
        onClick={() => onChange([...closures, { key: nextRowKey(), date: '', label: '' }])}
      >
        {t('settings.addClosure')}
      </button>
    </fieldset>
  );
}
