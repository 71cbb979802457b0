import { permissionDenied } from '../http/api-error';
import type { Route } from '../http/route-table';
import type { SandboxState } from '../sandbox-state';
import type { Principal } from './principal';

// Scopes. A team key (role oaa_push) reaches only the documented OAA operations; the status
// for anything else is unknown in Veza (assume 403, tolerate 401), so it is a setting. A
// personal key acts with its owner's roles: a read-only owner is refused writes.

export function authorize(route: Route, principal: Principal, state: SandboxState): void {
  if (principal.kind === 'team') {
    if (route.teamKey) return;
    throw permissionDenied(
      state.settings.teamKeyRefusalStatus,
      'TEAM_API_KEY_NOT_ALLOWED',
      'Team API keys (role oaa_push) can only be used for Open Authorization API (OAA) operations.',
      'Use a personal API key for this call, or limit the integration to OAA data source operations.',
    );
  }
  if (route.access === 'read') {
    // A user with no role at all (only a team member) may ask who they are, nothing else. Veza
    // does not document this case; refusing is the likelier answer for a role-based product.
    if (principal.roles.length > 0 || route.pattern === '/api/v1/users/self') return;
    throw permissionDenied(
      403,
      'NO_ROLE',
      'Your user has no role in Veza, so this key can read nothing but its own user.',
      'Ask a Veza administrator to give your user a role, or use a key of a user who has one.',
    );
  }
  const allowed = route.writeRoles ?? ['admin', 'operator'];
  if (principal.roles.some((role) => allowed.includes(role))) return;
  throw permissionDenied(
    403,
    'INSUFFICIENT_ROLE',
    `Your role (${principal.roles.join(', ') || 'none'}) does not allow this action; it needs ${allowed.join(' or ')}.`,
    'Ask a Veza administrator for a role that allows it, or use a key of a user who has one.',
  );
}
