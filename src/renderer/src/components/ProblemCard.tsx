import type { Problem } from '../../../shared/problems/problem';

interface ProblemCardProps {
  problem: Problem;
  /**
   * 'alert' interrupts a screen reader at once (what the user just did); 'none' when the card
   * sits inside a live region of its own.
   */
  role?: 'alert' | 'status' | 'none';
  onDismiss?: () => void;
}

/** A problem in plain words: what happened, why, and the steps to fix it. */
export function ProblemCard({ problem, role = 'alert', onDismiss }: ProblemCardProps) {
  const { detail } = problem;
  const technical = [
    detail.raw,
    detail.errorCode,
    detail.status !== undefined ? `HTTP ${detail.status}` : undefined,
  ].filter(Boolean);
  return (
    <div
      className="problem-card"
      role={role === 'none' ? undefined : role}
      data-code={problem.code}
    >
      <p className="problem-title">{problem.title}</p>
      <p>{problem.explanation}</p>
      {problem.fix.length > 0 && (
        <ol className="problem-fix">
          {problem.fix.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      )}
      {technical.length > 0 && (
        <details>
          <summary>Technical details</summary>
          <p className="muted">
            {problem.code}: {technical.join(' · ')}
          </p>
        </details>
      )}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
