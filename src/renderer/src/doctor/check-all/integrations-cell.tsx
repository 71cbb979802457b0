import { integrationsVerdict } from '../../../../shared/integrations/failing-across-instances';
import type { AcrossEntry } from '../../data/integrations-across-store';

/** Each verdict in words with a sign beside it, so it never rests on colour alone. */
const cells = {
  failing: { icon: '✕', words: 'Failing' },
  stale: { icon: '◷', words: 'Stale' },
  'all well': { icon: '✓', words: 'All well' },
  'not visible': { icon: '○', words: 'Not visible to this key' },
  'not read': { icon: '–', words: 'Could not be read' },
} as const;

/** Check all's Integrations cell: being read, or the worst state of the instance's sources. */
export function IntegrationsCell({ entry }: { entry: AcrossEntry | undefined }) {
  if (!entry) return null;
  if (entry.reading) return <>Reading…</>;
  const verdict = integrationsVerdict(entry.read);
  const { icon, words } = cells[verdict];
  return (
    <span className={`ca-integrations ca-integrations-${verdict.replace(' ', '-')}`}>
      <span className="verdict-icon" aria-hidden="true">
        {icon}{' '}
      </span>
      {words}
    </span>
  );
}
