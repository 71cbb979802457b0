import { useId } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { formatProblemForSupport } from '../../../shared/problems/format-for-support';
import { CopyButton } from '../components/CopyButton';
import { Fact } from '../components/Fact';
import './problem-card.css';

interface ProblemCardProps {
  problem: Problem;
  /**
   * 'alert' interrupts a screen reader at once (what the user just did); 'status' waits its
   * turn; 'none' when the card sits inside a live region of its own.
   */
  role?: 'alert' | 'status' | 'none';
  /** Technical details and "Copy for support"; off for problems of what the user is typing. */
  withDetails?: boolean;
  onDismiss?: () => void;
}

/**
 * A failure in words: what happened, why, what to do (numbered), and the technical details
 * folded away for whoever helps. "Copy for support" copies the redacted details.
 */
export function ProblemCard({
  problem,
  role = 'alert',
  withDetails = true,
  onDismiss,
}: ProblemCardProps) {
  const titleId = useId();
  const { detail } = problem;
  return (
    <section
      className="card problem-card"
      role={role === 'none' ? undefined : role}
      aria-labelledby={titleId}
      data-code={problem.code}
    >
      <h3 id={titleId} className="problem-title">
        {problem.title}
      </h3>
      <p>{problem.explanation}</p>
      {detail.serverResolution && (
        <p className="problem-server-advice">
          <strong>Veza&apos;s advice:</strong> {detail.serverResolution}
        </p>
      )}
      {problem.fix.length > 0 && (
        <>
          <h4 className="problem-fix-heading">What to do</h4>
          <ol className="problem-fix">
            {problem.fix.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
      {withDetails && (
        <>
          <details className="problem-details">
            <summary>Technical details</summary>
            <dl className="facts">
              <Fact term="Code">{problem.code}</Fact>
              <Fact term="HTTP status">{detail.status}</Fact>
              <Fact term="Veza request_id">{detail.requestId}</Fact>
              <Fact term="Veza said">{detail.serverMessage}</Fact>
              <Fact term="Error code">{detail.errorCode}</Fact>
              <Fact term="Raw error" mono>
                {detail.raw}
              </Fact>
            </dl>
          </details>
          <CopyButton text={formatProblemForSupport(problem)} label="Copy for support" />
        </>
      )}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </section>
  );
}
