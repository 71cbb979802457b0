import { useId } from 'react';
import type { Problem } from '../../../shared/problems/problem';

/** A Veza error shown as its problem: what happened, in plain words, with Veza's own words. */
export function ProblemBanner({ problem }: { problem: Problem }) {
  const titleId = useId();
  const { detail } = problem;
  return (
    <section className="rv-problem" aria-labelledby={titleId}>
      <h3 id={titleId}>{problem.title}</h3>
      <p>{problem.explanation}</p>
      {detail.serverMessage && (
        <p>
          <strong>Veza says:</strong> {detail.serverMessage}
        </p>
      )}
      {detail.serverResolution && (
        <p>
          <strong>Veza&apos;s advice:</strong> {detail.serverResolution}
        </p>
      )}
      <ol>
        {problem.fix.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {detail.requestId && (
        <p className="rv-request-id">
          Request ID (Veza support asks for it): <code>{detail.requestId}</code>
        </p>
      )}
    </section>
  );
}
