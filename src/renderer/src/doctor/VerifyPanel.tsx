import { useEffect, useRef, type RefObject } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { useProfilesStore } from '../data/profiles-store';
import { ProblemCard } from '../problems/ProblemCard';
import { StepList } from './StepList';
import { TrustedCertificateNote } from './TrustedCertificateNote';
import { VerificationOutcome } from './VerificationOutcome';
import { useDoctorStore } from '../data/doctor-store';
import { isCurrentResult } from './is-current-result';
import { verifyShortcutText } from './use-verify-shortcut';
import './verify.css';

/**
 * The Verify tab: the live steps of a check; when it ends, its verdict first (in view even in a
 * small window) and the steps below it. The verdict takes focus when the check ends, unless
 * the user has moved on since asking for it.
 */
export function VerifyPanel({
  profile,
  startedFrom,
}: {
  profile: Profile;
  /** Where focus was when the check was asked for. */
  startedFrom?: RefObject<Element | null>;
}) {
  const live = useDoctorStore((state) => state.live[profile.id]);
  const latest = useDoctorStore((state) => state.results[profile.id]);
  const failure = useDoctorStore((state) => state.failures[profile.id]);
  const cancelled = useDoctorStore((state) => state.cancelled[profile.id] === true);
  const cancelVerify = useDoctorStore((state) => state.cancelVerify);
  const readOnly = useProfilesStore((state) => state.readOnly);
  const result = isCurrentResult(profile, latest, readOnly) ? latest : undefined;
  const last = profile.lastVerification;
  const steps = live ?? result?.steps;
  const running = live !== undefined;
  const verdict = useRef<HTMLDivElement>(null);
  const wasRunning = useRef(running);
  useEffect(() => {
    const ended = wasRunning.current && !running;
    wasRunning.current = running;
    if (!ended || !verdict.current) return;
    const now = document.activeElement;
    const from = startedFrom?.current;
    const stayed =
      now === null ||
      now === document.body ||
      now === from ||
      (now instanceof HTMLButtonElement && now.disabled);
    if (stayed) verdict.current.focus();
  }, [running, startedFrom]);
  return (
    <div className="verify-panel">
      <p className="muted">
        Verify checks, step by step, that Veza Desk reaches this instance and that its API key
        works. Shortcut: {verifyShortcutText}.
      </p>
      <div className="verify-running">
        <p role="status" className="verify-status">
          {live
            ? 'Checking the connection…'
            : cancelled
              ? 'Check cancelled.'
              : result
                ? 'Check finished.'
                : ''}
        </p>
        {live && (
          <button type="button" onClick={() => cancelVerify(profile.id)}>
            Cancel check
          </button>
        )}
      </div>
      {!steps && !failure && !cancelled && (
        <p>
          {last
            ? `Last check ${new Date(last.at).toLocaleString()}: ${last.summary}. Press Verify to check again and see the details.`
            : 'Not verified yet. Press Verify to check this instance.'}
        </p>
      )}
      {!live && (failure || result || cancelled) && (
        <div ref={verdict} tabIndex={-1} className="verify-verdict">
          {cancelled && (
            <p className="verify-cancelled">
              You cancelled the check before it finished, so nothing new was learnt or saved.
              {result || last ? ' The last result still stands.' : ''} Press Verify to check again.
            </p>
          )}
          {failure && <ProblemCard problem={failure} />}
          {result && <VerificationOutcome profile={profile} result={result} />}
        </div>
      )}
      {steps && <StepList steps={steps} />}
      {profile.network?.pinnedCertSha256 && (
        <TrustedCertificateNote profileId={profile.id} sha256={profile.network.pinnedCertSha256} />
      )}
    </div>
  );
}
