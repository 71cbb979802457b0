import { ApiError } from '../http/api-error';
import type { KeyDeletionReason } from '../model/identity-types';
import type { SandboxState } from '../sandbox-state';
import { classifyKeyText } from './api-key-text';
import { rolesInTeam, type Principal } from './principal';

// Bearer parsing and key lookup. The wording of a bad-format key is Veza's documented text
// (seed, verbatim, labels as written). The status and wording for an unknown, revoked or deleted
// key are NOT documented: we answer 401 Unauthenticated (Veza's own client test expects 401 for
// a bad key), with `settings.authMessages` choosing 'specific' words (says revoked / deleted /
// owner removed) or 'generic' ones, and `settings.refusedKeyStatus` allowing 403 instead.

const newKeyAdvice =
  'Check the API key, or generate a new one in Veza under Administration > API Keys.';

function refuse(
  status: number,
  reason: string,
  message: string,
  resolution = newKeyAdvice,
): ApiError {
  return new ApiError(status, {
    code: status === 403 ? 'PermissionDenied' : 'Unauthenticated',
    message,
    info: { reason, message, resolution },
  });
}

type Refusal = 'unknown' | 'revoked' | KeyDeletionReason;

const specificRefusals: Record<Refusal, { reason: string; message: string; resolution?: string }> =
  {
    unknown: { reason: 'API_KEY_NOT_FOUND', message: 'API key not found' },
    revoked: {
      reason: 'API_KEY_INACTIVE',
      message: 'API key has been revoked (INACTIVE)',
      resolution:
        'Ask the key owner to reinstate it under Administration > API Keys, or use another key.',
    },
    deleted: { reason: 'API_KEY_DELETED', message: 'API key has been deleted' },
    'owner-removed-from-team': {
      reason: 'API_KEY_DELETED',
      message: "API key was deleted: its owner was removed from the key's team",
    },
    'owner-removed-from-platform': {
      reason: 'API_KEY_DELETED',
      message: 'API key was deleted: its owner was removed from the platform',
    },
  };

function refuseKey(state: SandboxState, refusal: Refusal): ApiError {
  const status = state.settings.refusedKeyStatus;
  if (state.settings.authMessages === 'generic')
    return refuse(status, 'UNAUTHENTICATED', 'Invalid or expired credentials');
  const specific = specificRefusals[refusal];
  return refuse(status, specific.reason, specific.message, specific.resolution);
}

/** The principal behind an Authorization header, or the ApiError Veza would answer. */
export function authenticate(header: string | undefined, state: SandboxState): Principal {
  if (!header) return fail(refuse(401, 'MISSING_CREDENTIALS', 'Authorization header is missing'));
  const match = /^Bearer +(\S.*)$/i.exec(header);
  if (!match?.[1])
    return fail(
      refuse(401, 'INVALID_AUTHORIZATION', 'Authorization header must be "Bearer <API key>"'),
    );
  const token = match[1];
  const shape = classifyKeyText(token);
  if (shape === 'not-base64')
    return fail(
      refuse(
        401,
        'INVALID_API_KEY',
        'Invalid API key: API key is not the correct format (not base64 encoded)',
      ),
    );
  if (shape === 'malformed')
    return fail(
      refuse(
        401,
        'MALFORMED_API_KEY',
        'Malformed API key: Typically due to a copy and paste error (correct format but invalid characters)',
      ),
    );
  const key = state.identities.findKey(token);
  if (!key || key.secret !== token) return fail(refuseKey(state, 'unknown'));
  if (key.deleted) return fail(refuseKey(state, key.deleted.reason));
  if (key.status !== 'ACTIVE') return fail(refuseKey(state, 'revoked'));
  const team = state.identities.team(key.teamId);
  key.lastAccessAt = state.clock.now();
  if (key.kind === 'team') return { kind: 'team', key, team };
  const user = state.identities.user(key.userId);
  if (user.removedAt) return fail(refuseKey(state, 'owner-removed-from-platform'));
  if (!user.teamIds.includes(team.id)) return fail(refuseKey(state, 'owner-removed-from-team'));
  return { kind: 'personal', key, user, team, roles: rolesInTeam(user, team) };
}

function fail(error: ApiError): never {
  throw error;
}
