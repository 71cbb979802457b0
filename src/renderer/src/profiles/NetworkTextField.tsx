import { useId } from 'react';

interface NetworkTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint: string;
  /** What to fix, shown once the user tried to save. */
  error?: string;
  inputMode?: 'url' | 'decimal';
  placeholder?: string;
}

/** One labelled text field of the network settings, with its hint and its error. */
export function NetworkTextField({
  label,
  value,
  onChange,
  hint,
  error,
  inputMode,
  placeholder,
}: NetworkTextFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error !== undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
