import { useState } from 'react';
import type { VerificationResult } from '../../../shared/doctor/verification';
import type { CreatedTeamKey } from '../../../shared/keys/team-keys';
import { useAction } from '../data/use-action';
import { SuccessCard } from '../doctor/SuccessCard';
import { ProblemCard } from '../problems/ProblemCard';
import { useProfilesStore } from '../data/profiles-store';

/** Where the new key went, and a one-click check that it works there. */
export function CreatedKeyNotice({ created }: { created: CreatedTeamKey }) {
  const select = useProfilesStore((state) => state.select);
  const holderKeySavedAt = useProfilesStore(
    (state) => state.profiles.find((p) => p.id === created.savedTo?.profileId)?.key?.savedAt,
  );
  const { run, pending: checking, problem } = useAction('doctor.verify');
  // The verdict with the key it was about: after a rotation (a new key saved) it is stale.
  const [checked, setChecked] = useState<{ result: VerificationResult; keySavedAt?: string }>();
  const verdict = checked && checked.keySavedAt === holderKeySavedAt ? checked.result : null;
  const { savedTo } = created;
  const check = () => {
    if (!savedTo) return;
    void run({ id: savedTo.profileId }, (result) =>
      setChecked({ result, keySavedAt: holderKeySavedAt }),
    );
  };
  return (
    <section className="card keys-created" aria-label="New team key">
      <p role="status">
        Team key “{created.key.name}” created.
        {savedTo &&
          ` It is saved in the keychain as the key of the instance “${savedTo.profileName}”.`}
        {created.copied &&
          ' It is on the clipboard: paste it now. Veza will not show it again, and Veza Desk clears the clipboard after a minute.'}
      </p>
      {savedTo && (
        <div className="button-row">
          <button type="button" disabled={checking} onClick={check}>
            {checking ? 'Checking…' : 'Check the new key works'}
          </button>
          <button type="button" onClick={() => select(savedTo.profileId)}>
            Open {savedTo.profileName}
          </button>
        </div>
      )}
      {verdict?.ok && <SuccessCard result={verdict} />}
      {verdict && !verdict.ok && verdict.problem && <ProblemCard problem={verdict.problem} />}
      {problem && <ProblemCard problem={problem} />}
    </section>
  );
}
