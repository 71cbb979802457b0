import { useUiStore } from '../data/ui-store';
import { CheckAllDashboard } from '../doctor/check-all/CheckAllDashboard';
import { LazyFailingAcrossView } from './lazy-views';
import { RotationRecoveredNotices } from '../keys/RotationRecoveredNotices';
import { ProblemCard } from '../problems/ProblemCard';
import { InstanceView } from './InstanceView';
import { useActiveProfile, useProfilesStore } from '../data/profiles-store';
import { Welcome } from './Welcome';

/** The active instance, the "check all" dashboard, the failing integrations across instances, or the welcome page when there is none. */
export function MainArea() {
  const profile = useActiveProfile();
  const loadProblem = useProfilesStore((state) => state.loadProblem);
  const problem = useProfilesStore((state) => state.problem);
  const notice = useProfilesStore((state) => state.notice);
  const showProblem = useProfilesStore((state) => state.showProblem);
  const showNotice = useProfilesStore((state) => state.showNotice);
  const checkAllOpen = useUiStore((state) => state.checkAllOpen);
  const failingAcrossOpen = useUiStore((state) => state.failingAcrossOpen);
  const inInstance = profile !== undefined && !checkAllOpen && !failingAcrossOpen;
  // In an instance a failed action's card sits under its name and buttons: after the heading
  // it belongs to (heading order), and clear of the production band at the top.
  const problemCard = problem && (
    <ProblemCard problem={problem} onDismiss={() => showProblem(null)} />
  );
  return (
    <main
      className={`main-area${profile?.production ? ' is-production' : ''}`}
      aria-label={
        checkAllOpen
          ? 'Check all instances'
          : failingAcrossOpen
            ? 'Failing integrations'
            : profile
              ? `Instance ${profile.name}`
              : 'Welcome'
      }
    >
      {loadProblem && <ProblemCard problem={loadProblem} role="status" />}
      {!inInstance && problemCard}
      {/* Always here, so it is the same live region whichever instance is open. */}
      <div role="status" className="notice-line">
        {notice && (
          <>
            {notice}{' '}
            <button type="button" className="link-button" onClick={() => showNotice(null)}>
              Dismiss
            </button>
          </>
        )}
        <RotationRecoveredNotices />
      </div>
      {checkAllOpen ? (
        <CheckAllDashboard />
      ) : failingAcrossOpen ? (
        <LazyFailingAcrossView />
      ) : profile ? (
        <InstanceView key={profile.id} profile={profile} notices={problemCard} />
      ) : (
        <Welcome />
      )}
    </main>
  );
}
