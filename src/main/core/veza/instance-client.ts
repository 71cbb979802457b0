import type { KeyKind } from '../../../shared/doctor/verification';
import { lintApiKey } from '../../../shared/profiles/lint-api-key';
import type { Profile } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import { toTransportNetwork, type ClientCertificateLookup } from '../profiles/profile-network';
import type { ProfileService } from '../profiles/profile-service';
import {
  createRedactor,
  sameOrigin,
  type Redactor,
  type SendOptions,
  type Transport,
  type TransportNetwork,
  type TransportRequest,
  type TransportResponse,
} from '../transport';
import { interpretAnswer } from './interpret-answer';
import { keyForms, maskKeyInBytes, maskKeyInFile } from './mask-key-bytes';
import { readJsonAnswer } from './read-json-answer';

/** One instance as a call reaches it: its origin, its key (main only) and its network settings. */
export interface InstanceTarget {
  baseUrl: string;
  /** Sent as `Authorization: Bearer` to this origin only; absent: the call goes without a key. */
  key?: string;
  network?: TransportNetwork;
  keyKind?: KeyKind;
}

/** A request to the instance: an absolute URL on its own origin. */
export type InstanceRequest = TransportRequest;

/** Talks to one instance over one transport; see createInstanceSession. */
export interface InstanceSession {
  readonly baseUrl: string;
  /**
   * Sends one request. The key goes only to the instance's own origin (never after a redirect
   * elsewhere), and the answer comes back with the key masked wherever a server echoed it:
   * headers, URL, the body in memory or on disk.
   */
  send(request: InstanceRequest, options?: Pick<SendOptions, 'limits'>): Promise<TransportResponse>;
  /** One JSON call: Veza's value, or a ProblemError with the problem the answer stands for. */
  call(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<unknown>;
  /** Masks this key (and any Bearer token) in a text the caller composes itself. */
  redact: Redactor;
  /** The key passes Veza Desk's own format check (what a refusal of it means, interpret-answer). */
  readonly keyWellFormed: boolean;
}

async function maskResponse(
  response: TransportResponse,
  redact: Redactor,
  forms: readonly Buffer[],
): Promise<TransportResponse> {
  const headers: TransportResponse['headers'] = {};
  for (const [name, value] of Object.entries(response.headers))
    headers[name] = Array.isArray(value) ? value.map(redact) : redact(value);
  let { body, size } = response;
  if (body.kind === 'memory') {
    const masked = maskKeyInBytes(body.bytes, forms);
    if (masked !== body.bytes) body = { kind: 'memory', bytes: masked };
    size = masked.length;
  } else {
    size = (await maskKeyInFile(body.path, forms)) ?? size;
  }
  return {
    ...response,
    headers,
    url: redact(response.url),
    redirects: response.redirects.map((hop) => ({ ...hop, url: redact(hop.url) })),
    body,
    size,
  };
}

/**
 * The only way Veza Desk sends anything to an instance: `Authorization: Bearer <key>` is built
 * here and nowhere else, and every answer is scrubbed of the key before anyone reads it.
 */
export function createInstanceSession(
  transport: Transport,
  target: InstanceTarget,
): InstanceSession {
  const { baseUrl, key } = target;
  const redact = createRedactor([key]);
  const forms = key && key.length >= 4 ? keyForms(key) : [];
  const credentials = key ? { origin: baseUrl, authorization: `Bearer ${key}` } : undefined;
  const keyWellFormed = key !== undefined && lintApiKey(key).problems.length === 0;

  const send: InstanceSession['send'] = async (request, options = {}) => {
    if (!sameOrigin(new URL(request.url), baseUrl)) {
      throw ProblemError.of('REQUEST_OUTSIDE_INSTANCE', {
        facts: { host: new URL(baseUrl).host },
      });
    }
    const response = await transport.send(request, {
      network: target.network,
      ...(credentials ? { credentials } : {}),
      ...options,
    });
    if (forms.length === 0) return response;
    try {
      return await maskResponse(response, redact, forms);
    } catch (error) {
      await response.release();
      throw error;
    }
  };

  return {
    baseUrl,
    send,
    redact,
    keyWellFormed,
    call: async (method, path, body, signal) => {
      const response = await send({
        method,
        url: `${baseUrl}${path}`,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal,
      });
      const reading = interpretAnswer(await readJsonAnswer(response), response, {
        keyKind: target.keyKind,
        keyWellFormed,
      });
      if (reading.ok) return reading.value;
      throw new ProblemError(reading.problem);
    },
  };
}

export interface InstanceClientDeps {
  profiles: ProfileService;
  /** Changes a profile's network settings for this run only (the CLI's --proxy, --ca-file). */
  adjustNetwork?: (network: TransportNetwork) => TransportNetwork;
  /** A saved client certificate's key or passphrase: the keychain's (client-certificate-secrets). */
  clientCertificates?: ClientCertificateLookup;
}

export type InstanceClient = ReturnType<typeof createInstanceClient>;

/**
 * Saved instances as calls reach them: finds the profile, reads its key from the keychain
 * (only for the address and trust settings it was saved for: KEY_BOUND_ELSEWHERE otherwise),
 * applies the instance's network settings. The doctor, requests, team keys, rotation and the
 * CLI call instances through it; it calls none of them.
 */
export function createInstanceClient(deps: InstanceClientDeps) {
  const adjust = deps.adjustNetwork ?? ((network: TransportNetwork) => network);
  const networkOf = (profile: Profile) =>
    adjust(toTransportNetwork(profile.network, deps.clientCertificates));

  return {
    networkOf,
    /** The key for this instance, checked against what it was saved for. */
    readKey: (profileId: string): Promise<string | undefined> => deps.profiles.readKey(profileId),

    /**
     * A session on a saved instance. `keyRequired: false` (the request workspace) sends without
     * a key when none is saved, and Veza answers 401 as it would to curl.
     */
    open: async (
      profileId: string,
      transport: Transport,
      options: { keyRequired?: boolean } = {},
    ): Promise<{ profile: Profile; session: InstanceSession }> => {
      const profile = deps.profiles.require(profileId);
      const key = await deps.profiles.readKey(profileId);
      if (!key && options.keyRequired !== false) throw ProblemError.of('KEY_MISSING');
      const session = createInstanceSession(transport, {
        baseUrl: profile.baseUrl,
        ...(key ? { key } : {}),
        network: networkOf(profile),
        ...(profile.key?.kind ? { keyKind: profile.key.kind } : {}),
      });
      return { profile, session };
    },
  };
}
