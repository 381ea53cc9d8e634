// A labelled checkbox and a labelled multi-line field, each with an optional hint, for the settings form.
import { useId } from 'preact/hooks';

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}

export function CheckboxField({ label, checked, onChange, hint }: CheckboxFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div class="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <div>
        <label for={id}>{label}</label>
        {hint && (
          <p class="hint" id={hintId}>
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

interface TextAreaFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  hint?: string;
  rows?: number;
}

export function TextAreaField({ label, value, onInput, hint, rows = 3 }: TextAreaFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div class="field field-wide">
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellcheck={false}
        autocapitalize="off"
        aria-describedby={hint ? hintId : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
