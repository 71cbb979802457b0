import { useId } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile } from '../../../shared/profiles/profile';
import { formatProblemForSupport } from '../../../shared/problems/format-for-support';
import { CopyButton } from '../components/CopyButton';
import { Fact } from '../components/Fact';
import { ProblemActions } from './ProblemActions';
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
  /** The saved instance it happened on: the card then offers the buttons that do the fix. */
  instance?: Profile;
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
  instance,
}: ProblemCardProps) {
  const titleId = useId();
  const { detail } = problem;
  const [first, ...more] = problem.fix;
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
      {first !== undefined && (
        <>
          <h4 className="problem-fix-heading">What to do</h4>
          {/* The likeliest step first; the others folded, so a card stays short. */}
          <ol className="problem-fix">
            <li>{first}</li>
          </ol>
          {more.length > 0 && (
            <details className="problem-more-steps">
              <summary>
                {more.length === 1 ? 'One more thing to try' : `${more.length} more things to try`}
              </summary>
              <ol className="problem-fix" start={2}>
                {more.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
      {instance && <ProblemActions problem={problem} instance={instance} />}
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
