import { useId, useState } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../data/ui-store';
import { useAction } from '../data/use-action';
import { ProblemCard } from '../problems/ProblemCard';
import { KeyFollowsDialog, keyFollowsLabel } from '../profiles/KeyFollowsDialog';
import { useProfilesStore } from '../data/profiles-store';
import { useDoctorStore } from '../data/doctor-store';

/**
 * The two ways on when the saved key was made for another address (KEY_BOUND_ELSEWHERE):
 * carry the key over, after a confirmation naming both addresses, or paste a key for the new one.
 */
export function KeyBindingPanel({ profile, problem }: { profile: Profile; problem: Problem }) {
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const rebind = useAction('profiles.rebindKey');
  const readOnly = useProfilesStore((state) => state.readOnly);
  const openDialog = useUiStore((state) => state.openDialog);
  const verify = useDoctorStore((state) => state.verify);
  const facts = problem.detail.facts ?? {};
  const carryOver = async () => {
    const rebound = await rebind.run({ id: profile.id, address: profile.baseUrl });
    setConfirming(false);
    if (rebound) void verify(profile.id);
  };
  return (
    <section className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>What to do with the saved key</h3>
      {rebind.problem && <ProblemCard problem={rebind.problem} />}
      <div className="button-row">
        <button type="button" disabled={readOnly} onClick={() => setConfirming(true)}>
          {keyFollowsLabel(facts.savedFor !== facts.nowNames)}
        </button>
        <button
          type="button"
          disabled={readOnly}
          onClick={() => openDialog({ kind: 'replace-key', profileId: profile.id })}
        >
          Replace key
        </button>
      </div>
      {confirming && (
        <KeyFollowsDialog
          instanceName={profile.name}
          savedFor={facts.savedFor ?? ''}
          nowNames={facts.nowNames ?? profile.baseUrl}
          changed={facts.changed ?? 'the address'}
          onUse={() => void carryOver()}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
