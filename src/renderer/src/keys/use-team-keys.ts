import { useCallback } from 'react';
import { useCall } from '../data/use-call';

/** The team keys and teams Veza shows this instance's key, reloaded on request. */
export function useTeamKeys(profileId: string, enabled: boolean) {
  const args = enabled ? { profileId } : null;
  const keys = useCall('keys.listTeamKeys', args);
  const teams = useCall('keys.listTeams', args);
  const reloadKeys = keys.reload;
  const reloadTeams = teams.reload;
  const reload = useCallback(async () => {
    await Promise.all([reloadKeys(), reloadTeams()]);
  }, [reloadKeys, reloadTeams]);
  return {
    listing: keys.problem ? null : (keys.value ?? null),
    teams: teams.problem ? [] : (teams.value?.teams ?? []),
    problem: keys.problem,
    loading: keys.loading || teams.loading,
    reload,
  };
}
