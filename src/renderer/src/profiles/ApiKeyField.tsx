import { useId, useMemo, useRef } from 'react';
import { lintApiKey } from '../../../shared/profiles/lint-api-key';
import { ProblemCard } from '../problems/ProblemCard';

interface ApiKeyFieldProps {
  onChange: (value: string) => void;
  value: string;
  acceptAsIs: boolean;
  onAcceptAsIsChange: (accept: boolean) => void;
  label?: string;
  hint: string;
}

/** Whether the form may send this key: clean, or only the base64 warning and the user accepts it. */
export function isKeySendable(value: string, acceptAsIs: boolean): boolean {
  const { problems } = lintApiKey(value);
  return problems.every((problem) => acceptAsIs && problem.code === 'KEY_NOT_BASE64');
}

/**
 * The API key input. Uncontrolled on purpose: a controlled React input mirrors its value into
 * the DOM's value attribute, and the key must not sit in the page's HTML. What the user typed
 * lives only in the form's state until it is sent to main once, and goes with the form.
 */
export function ApiKeyField({
  onChange,
  value,
  acceptAsIs,
  onAcceptAsIsChange,
  label = 'API key',
  hint,
}: ApiKeyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const lint = useMemo(() => (value === '' ? { problems: [] } : lintApiKey(value)), [value]);
  const onlyBase64Warning =
    lint.problems.length > 0 && lint.problems.every((p) => p.code === 'KEY_NOT_BASE64');
  const useSuggestion = () => {
    if (lint.suggestion === undefined || !input.current) return;
    input.current.value = lint.suggestion;
    onChange(lint.suggestion);
    input.current.focus();
  };
  const [firstProblem, ...otherProblems] = lint.problems;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        aria-invalid={lint.problems.length > 0}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {lint.problems.length > 0 && (
        <div className="key-problems" role="alert">
          {/* One card, the first cause; the others are named, and the cleaned key fixes all. */}
          {firstProblem && <ProblemCard problem={firstProblem} role="none" withDetails={false} />}
          {otherProblems.length > 0 && (
            <>
              <p>Also wrong with the pasted text:</p>
              <ul aria-label="Also wrong">
                {otherProblems.map((problem) => (
                  <li key={problem.code}>{problem.title}</li>
                ))}
              </ul>
            </>
          )}
          {lint.suggestion !== undefined && (
            <p>
              Veza Desk can remove what does not belong to the key. The cleaned key has{' '}
              {lint.suggestion.length} characters.{' '}
              <button type="button" className="primary" onClick={useSuggestion}>
                Use the cleaned key
              </button>
            </p>
          )}
          {onlyBase64Warning && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={acceptAsIs}
                onChange={(event) => onAcceptAsIsChange(event.currentTarget.checked)}
              />
              I am sure: save this key exactly as entered
            </label>
          )}
        </div>
      )}
    </div>
  );
}
