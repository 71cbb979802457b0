import { methodWrites } from '../../../shared/http-protocol/http-method';
import type { Profile } from '../../../shared/profiles/profile';
import { buildRequestUrl } from '../../../shared/requests/build-request-url';
import { effectiveHeaders, hasBody } from '../../../shared/requests/effective-headers';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { ProblemError } from '../problem-error';
import { toTransportNetwork } from '../profiles/profile-network';
import { originOf, type Transport, type TransportResponse } from '../transport';

export interface InstanceCall {
  profile: Profile;
  spec: RequestSpec;
  /** The key from the keychain, or undefined when none is saved (Veza will then say 401). */
  key: string | undefined;
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
 * Sends one request of the composer to its instance through the shared transport. The key
 * goes in as transport credentials, so it is sent only to the instance's own origin (never
 * after a redirect elsewhere); a change on a production instance needs the user's
 * confirmation, checked here as well as in the window.
 */
export function sendToInstance(
  transport: Transport,
  call: InstanceCall,
): Promise<TransportResponse> {
  const { profile, spec, key } = call;
  if (profile.production && methodWrites(spec.method) && !call.confirmedProduction) {
    throw ProblemError.of('PRODUCTION_NOT_CONFIRMED', {
      facts: { host: new URL(profile.baseUrl).host },
    });
  }
  const url = urlOnInstance(profile, spec);
  const headers: Record<string, string> = {};
  for (const row of effectiveHeaders(spec)) headers[row.name.trim()] = row.value;
  return transport.send(
    {
      method: spec.method,
      url,
      headers,
      ...(hasBody(spec) ? { body: spec.body } : {}),
      signal: call.signal,
    },
    {
      network: toTransportNetwork(profile.network),
      ...(key !== undefined
        ? { credentials: { origin: profile.baseUrl, authorization: `Bearer ${key}` } }
        : {}),
    },
  );
}
