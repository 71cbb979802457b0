import type { TeamKeysService } from '../keys/team-keys-service';
import type { CallHandlers } from './dispatcher';
import type { EventSink } from './event-sink';
import type { RunningCalls } from './running-calls';

type KeyCalls = Extract<keyof CallHandlers, `keys.${string}`>;

/** The API keys calls; rotation reports its steps live as `keys.rotationProgress`. */
export function createKeyHandlers(deps: {
  teamKeys: TeamKeysService;
  emit: EventSink;
  runningCalls: RunningCalls;
}): Pick<CallHandlers, KeyCalls> {
  const { teamKeys, emit, runningCalls } = deps;
  return {
    'keys.listTeamKeys': ({ profileId }) => teamKeys.listTeamKeys(profileId),
    'keys.listTeams': ({ profileId }) => teamKeys.listTeams(profileId),
    'keys.createTeamKey': (args) => teamKeys.createTeamKey(args),
    'keys.renameTeamKey': ({ profileId, keyId, name }) =>
      teamKeys.renameTeamKey(profileId, keyId, name),
    'keys.revokeTeamKey': ({ profileId, keyId }) => teamKeys.revokeTeamKey(profileId, keyId),
    'keys.reinstateTeamKey': ({ profileId, keyId }) => teamKeys.reinstateTeamKey(profileId, keyId),
    'keys.deleteTeamKey': ({ profileId, keyId }) => teamKeys.deleteTeamKey(profileId, keyId),
    'keys.rotateTeamKey': ({ callId, ...args }) =>
      runningCalls.run(callId, (signal) =>
        teamKeys.rotateTeamKey(
          args,
          (steps) =>
            emit('keys.rotationProgress', { profileId: args.profileId, keyId: args.keyId, steps }),
          signal,
        ),
      ),
  };
}
