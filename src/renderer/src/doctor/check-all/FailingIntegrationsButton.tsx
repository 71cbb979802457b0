import { useMemo } from 'react';
import { sourcesNeedingCare } from '../../../../shared/integrations/failing-across-instances';
import { landedReads, useIntegrationsAcrossStore } from '../../data/integrations-across-store';
import { useUiStore } from '../../data/ui-store';

/** "Failing integrations (N)": opens the list of every failing or stale source read so far. */
export function FailingIntegrationsButton() {
  const entries = useIntegrationsAcrossStore((state) => state.entries);
  const open = useUiStore((state) => state.setFailingAcrossOpen);
  const count = useMemo(() => sourcesNeedingCare(landedReads(entries)).length, [entries]);
  if (Object.keys(entries).length === 0) return null;
  return (
    <button type="button" onClick={() => open(true)}>
      Failing integrations ({count})
    </button>
  );
}
