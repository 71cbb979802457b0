import { useId } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { useAction } from '../data/use-action';
import { ProblemCard } from '../problems/ProblemCard';
import { useProfilesStore } from '../data/profiles-store';

/**
 * A proxy or CA file that came with an imported file waits here until the user accepts it:
 * a shared file must not decide, unseen, who may read the instance's key.
 */
export function ImportedNetworkNotice({ profile }: { profile: Profile }) {
  const titleId = useId();
  const readOnly = useProfilesStore((state) => state.readOnly);
  const { run, problem } = useAction('profiles.settleImportedNetwork');
  const imported = profile.importedNetwork;
  if (!imported) return null;
  const settle = (accept: boolean) => void run({ id: profile.id, accept });
  return (
    <section className="card imported-network" aria-labelledby={titleId}>
      <h3 id={titleId}>Network settings from an imported file are not in use</h3>
      {problem && <ProblemCard problem={problem} />}
      <p>
        <strong>{imported.source}</strong> also named these settings for {profile.name}:
      </p>
      <ul>
        {imported.proxyUrl && <li>the proxy {imported.proxyUrl}</li>}
        {imported.caFile && <li>the company root certificate (CA file) {imported.caFile}</li>}
      </ul>
      <p>
        Everything this instance sends, its API key included, would go through them. Use them only
        if your IT team gave you this file and says these are your company&apos;s settings.
      </p>
      <div className="button-row">
        <button type="button" disabled={readOnly} onClick={() => settle(false)}>
          Don&apos;t use them
        </button>
        <button type="button" disabled={readOnly} onClick={() => settle(true)}>
          Use these settings
        </button>
      </div>
    </section>
  );
}
