import type { Problem } from '../../../shared/problems/problem';
import { problemActions, type ProblemAction } from '../../../shared/problems/problem-actions';
import type { Profile } from '../../../shared/profiles/profile';
import { useUiStore } from '../data/ui-store';

/** The buttons that do the fix a problem's steps describe, for the instance it happened on. */
export function ProblemActions({ problem, instance }: { problem: Problem; instance: Profile }) {
  const openDialog = useUiStore((state) => state.openDialog);
  const actions = problemActions(problem.code);
  if (actions.length === 0) return null;
  const labels: Record<ProblemAction, string> = {
    'replace-key': instance.key ? 'Replace key' : 'Add key',
    'edit-address': 'Edit address',
    'network-settings': 'Network settings',
  };
  const run = (action: ProblemAction) => {
    if (action === 'replace-key') openDialog({ kind: 'replace-key', profileId: instance.id });
    else
      openDialog({
        kind: 'profile-form',
        profileId: instance.id,
        ...(action === 'network-settings' ? { section: 'network' as const } : {}),
      });
  };
  return (
    <div className="button-row problem-actions" role="group" aria-label="Fix it">
      {actions.map((action) => (
        <button key={action} type="button" onClick={() => run(action)}>
          {labels[action]}
        </button>
      ))}
    </div>
  );
}
