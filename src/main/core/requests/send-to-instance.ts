import { methodWrites } from '../../../shared/http-protocol/http-method';
import type { Profile } from '../../../shared/profiles/profile';
import { buildRequestUrl } from '../../../shared/requests/build-request-url';
import { effectiveHeaders, hasBody } from '../../../shared/requests/effective-headers';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { ProblemError } from '../problem-error';
import { originOf, type TransportResponse } from '../transport';
import type { InstanceSession } from '../veza/instance-client';

export interface InstanceCall {
  profile: Profile;
  spec: RequestSpec;
  confirmedProduction: boolean;
  signal: AbortSignal;
}

/** The URL a request goes to; refuses one that would leave the instance's own origin. */
export function urlOnInstance(profile: Profile, spec: RequestSpec): string {
  const url = buildRequestUrl(profile.baseUrl, spec);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // "//host/x" stays on the instance when concatenated, but a URL resolver would read it as
  // another host: it is refused too (the schema already does; this is the second lock).
  if (
    !/^\/(?!\/)/.test(spec.path) ||
    !parsed ||
    originOf(parsed) !== originOf(profile.baseUrl) ||
    !url.startsWith(profile.baseUrl.replace(/\/+$/, '') + '/')
  ) {
    throw ProblemError.of('REQUEST_OUTSIDE_INSTANCE', {
      facts: { host: new URL(profile.baseUrl).host },
    });
  }
  return url;
}

/**
 * Sends one request of the composer to its instance through the instance session, which adds
 * the key for the instance's own origin only. A change on a production instance needs the
 * user's confirmation, checked here as well as in the window.
 */
export function sendToInstance(
  session: InstanceSession,
  call: InstanceCall,
): Promise<TransportResponse> {
  const { profile, spec } = call;
  if (profile.production && methodWrites(spec.method) && !call.confirmedProduction) {
    throw ProblemError.of('PRODUCTION_NOT_CONFIRMED', {
      facts: { host: new URL(profile.baseUrl).host },
    });
  }
  const url = urlOnInstance(profile, spec);
  const headers: Record<string, string> = {};
  for (const row of effectiveHeaders(spec)) headers[row.name.trim()] = row.value;
  return session.send({
    method: spec.method,
    url,
    headers,
    ...(hasBody(spec) ? { body: spec.body } : {}),
    signal: call.signal,
  });
}
