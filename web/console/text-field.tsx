// A labelled input with an optional hint, the building block of every console form.
import type { InputHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

interface TextFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password' | 'number' | 'date' | 'time';
  hint?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'url';
  required?: boolean;
  min?: number;
  max?: number;
  class?: string;
}

export function TextField({ label, value, onInput, type = 'text', hint, class: className, ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  // Preact types inputs as a union keyed by a literal `type`; ours is only known as a union, hence the assertion.
  const attributes = {
    id,
    type,
    value,
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
    'aria-describedby': hint ? hintId : undefined,
    autocomplete: rest.autoComplete,
    inputmode: rest.inputMode,
    required: rest.required,
    min: rest.min,
    max: rest.max,
  } as InputHTMLAttributes<HTMLInputElement>;
  return (
    <div class={className ? `field ${className}` : 'field'}>
      <label for={id}>{label}</label>
      <input {...attributes} />
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
