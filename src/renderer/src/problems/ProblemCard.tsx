import { useId } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { formatProblemForSupport } from '../../../shared/problems/format-for-support';
import { CopyButton } from '../components/CopyButton';
import './problem-card.css';

/**
 * A failure in words: what happened, why, what to do (numbered), and the technical details
 * folded away for whoever helps. "Copy for support" copies the redacted details.
 */
export function ProblemCard({
  problem,
  heading = 'h3',
}: {
  problem: Problem;
  heading?: 'h2' | 'h3';
}) {
  const titleId = useId();
  const Heading = heading;
  const { detail } = problem;
  return (
    <section className="problem-card" role="alert" aria-labelledby={titleId}>
      <Heading id={titleId} className="problem-title">
        {problem.title}
      </Heading>
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
      <details className="problem-details">
        <summary>Technical details</summary>
        <dl className="facts">
          <dt>Code</dt>
          <dd>{problem.code}</dd>
          {detail.status !== undefined && (
            <>
              <dt>HTTP status</dt>
              <dd>{detail.status}</dd>
            </>
          )}
          {detail.requestId && (
            <>
              <dt>Veza request_id</dt>
              <dd>{detail.requestId}</dd>
            </>
          )}
          {detail.serverMessage && (
            <>
              <dt>Veza said</dt>
              <dd>{detail.serverMessage}</dd>
            </>
          )}
          {detail.errorCode && (
            <>
              <dt>Error code</dt>
              <dd>{detail.errorCode}</dd>
            </>
          )}
          {detail.raw && (
            <>
              <dt>Raw error</dt>
              <dd className="mono">{detail.raw}</dd>
            </>
          )}
        </dl>
      </details>
      <CopyButton text={formatProblemForSupport(problem)} label="Copy for support" />
    </section>
  );
}
