import { useId } from 'react';
import { normalizeInstanceUrl } from '../../../shared/profiles/normalize-instance-url';
import { ProblemCard } from '../problems/ProblemCard';

interface AddressFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** Show a refusal only once the user has left the field or tried to save. */
  showProblems: boolean;
  onBlur: () => void;
}

/** The instance address, with what Veza Desk will make of it shown as the user types. */
export function AddressField({ value, onChange, showProblems, onBlur }: AddressFieldProps) {
  const id = useId();
  const result = value.trim() === '' && !showProblems ? undefined : normalizeInstanceUrl(value);
  return (
    <div className="field">
      <label htmlFor={id}>Address</label>
      <input
        id={id}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://yourcompany.vezacloud.com"
        value={value}
        aria-describedby={`${id}-hint`}
        aria-invalid={showProblems && result?.ok === false}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
      />
      <p id={`${id}-hint`} className="hint">
        The address you open Veza at in your browser. Only the server part is kept.
      </p>
      {result?.ok && result.notices.length > 0 && (
        <div role="status" className="notice">
          {result.notices.map((notice) => (
            <p key={notice.code}>{notice.message}</p>
          ))}
          <p>
            Will be saved as <strong>{result.displayUrl}</strong>
          </p>
        </div>
      )}
      {result && !result.ok && showProblems && (
        <ProblemCard problem={result.problem} withDetails={false} />
      )}
    </div>
  );
}
