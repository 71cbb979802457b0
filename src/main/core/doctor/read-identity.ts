import {
  identityRolesMax,
  identityTextMax,
  type Identity,
} from '../../../shared/doctor/verification';

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim().slice(0, identityTextMax)
    : undefined;

function roleNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((role) => (typeof role === 'string' ? text(role) : text((role as Json | null)?.name)))
    .filter((role): role is string => role !== undefined)
    .slice(0, identityRolesMax);
}

/**
 * Reads who a key acts as from `GET /api/v1/users/self`. Veza documents the call ("get user")
 * but not its fields, so this accepts the likely spellings and falls back to the id.
 */
export function readIdentity(body: unknown): Identity | undefined {
  const value = (body as Json | null)?.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const user = value as Json;
  const team = user.team as Json | string | undefined;
  const name =
    text(user.name) ??
    text(user.display_name) ??
    text(user.username) ??
    text(user.email) ??
    text(user.id);
  if (!name) return undefined;
  const apiKey = user.api_key as Json | undefined;
  const keyId = text(apiKey?.id);
  return {
    ...(keyId ? { keyId } : {}),
    name,
    email: text(user.email),
    team: typeof team === 'string' ? text(team) : (text(team?.name) ?? text(user.team_name)),
    roles: roleNames(user.roles),
  };
}
