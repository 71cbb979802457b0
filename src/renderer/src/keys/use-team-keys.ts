import { useCallback, useEffect, useState } from 'react';
import type { Team, TeamKeysListing } from '../../../shared/keys/team-keys';
import type { Problem } from '../../../shared/problems/problem';
import type { Result } from '../../../shared/result';
import { veza } from '../bridge/veza';

interface Answers {
  keys: Result<TeamKeysListing>;
  teams: Result<{ teams: Team[] }>;
}

async function loadTeamKeys(profileId: string): Promise<Answers> {
  const [keys, teams] = await Promise.all([
    veza.invoke('keys.listTeamKeys', { profileId }),
    veza.invoke('keys.listTeams', { profileId }),
  ]);
  return { keys, teams };
}

/** The team keys and teams Veza shows this instance's key, reloaded on request. */
export function useTeamKeys(profileId: string, enabled: boolean) {
  const [listing, setListing] = useState<TeamKeysListing | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loading, setLoading] = useState(enabled);
  const apply = useCallback((answers: Answers) => {
    setLoading(false);
    setListing(answers.keys.ok ? answers.keys.value : null);
    setProblem(answers.keys.ok ? null : answers.keys.problem);
    setTeams(answers.teams.ok ? answers.teams.value.teams : []);
  }, []);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void loadTeamKeys(profileId).then((answers) => {
      if (live) apply(answers);
    });
    return () => {
      live = false;
    };
  }, [enabled, profileId, apply]);
  const reload = useCallback(async () => {
    setLoading(true);
    apply(await loadTeamKeys(profileId));
  }, [profileId, apply]);
  return { listing, teams, problem, loading, reload };
}
