import type { ReactNode } from 'react';

/** One term/value pair of a <dl className="facts">; renders nothing when there is no value. */
export function Fact({
  term,
  children,
  mono = false,
}: {
  term: string;
  children: ReactNode;
  mono?: boolean;
}) {
  if (children === undefined || children === null || children === '') return null;
  return (
    <div className="facts-row">
      <dt>{term}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}
