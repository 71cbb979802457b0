import type { LookupAddress, LookupAllOptions } from 'node:dns';
import type { CertificateSummary } from './tls/certificate-summary';
import type { ConnectionTimings } from './connect/connection-timings';

/**
 * How one call reaches the network. The profiles store keeps the same shape under
 * `profile.network` (minus the proxy password, which lives in the keychain); callers pass it
 * as it is. Every field is optional: an empty object means "system proxy, bundled + system
 * roots, default timeouts".
 */
export interface TransportNetwork {
  proxy?: {
    /** system: the OS/PAC answer, then HTTPS_PROXY/HTTP_PROXY/NO_PROXY; none: always direct. */
    mode: 'system' | 'none' | 'manual';
    /** For manual: http://[user@]host:port (or https://). The password is never in it. */
    url?: string;
  };
  /** A PEM file with one or more extra CA certificates to trust (company root, lab CA). */
  caFile?: string;
  /** "Trust this certificate": accept only a leaf with this SHA-256 (hex, colons optional). */
  pinnedCertSha256?: string;
  /** A certificate this computer shows to a server that asks for one (mutual TLS). */
  clientCertificate?: ClientCertificate;
  timeouts?: Partial<TransportTimeouts>;
}

/** A client certificate from files: a PEM certificate and its PEM key, or one PKCS#12 file. */
export interface ClientCertificate {
  /** The PEM certificate (its chain may follow), or a PKCS#12 (.p12, .pfx) file with the key in it. */
  certFile: string;
  /** The PEM private key; none with a PKCS#12 file. */
  keyFile?: string;
  /** The PEM private key's text instead of keyFile (a saved instance's, from the keychain). */
  keyPem?: string;
  /** The private key's or PKCS#12 file's passphrase, when it has one (never stored in a profile). */
  passphrase?: string;
  /** SHA-256 (hex) of certFile's bytes when it was chosen: other bytes are TLS_CLIENT_CERT_INVALID. */
  certSha256?: string;
  /**
   * The key text or passphrase, read when a call needs them (a saved instance's, from the
   * keychain); throws TLS_CLIENT_CERT_INVALID when there is none.
   */
  readSecret?: () => Promise<{ keyPem?: string; passphrase?: string }>;
}

/** Every limit in milliseconds. */
export interface TransportTimeouts {
  /** DNS + TCP + proxy tunnel + TLS handshake. */
  connectMs: number;
  /** From sending the request to the response headers. */
  firstByteMs: number;
  /** Longest silence between two body chunks. */
  idleMs: number;
  /** The whole call, redirects and body included. */
  totalMs: number;
}

export interface TransportLimits {
  /** Bodies larger than this (decoded) stop with HTTP_BODY_TOO_LARGE. */
  maxBodyBytes: number;
  /** Bodies up to this size stay in memory; larger ones go to a temp file. */
  memoryThresholdBytes: number;
  maxRedirects: number;
}

export interface TransportRequest {
  method: string;
  /** Absolute http(s) URL. */
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  signal?: AbortSignal;
}

export interface SendOptions {
  network?: TransportNetwork;
  /** Added as `Authorization` only while the request URL's origin equals `origin`. */
  credentials?: { origin: string; authorization: string };
  limits?: Partial<TransportLimits>;
  /** false: hand 3xx answers back as they are. */
  followRedirects?: boolean;
}

export interface RedirectHop {
  url: string;
  status: number;
  /** Whether this hop's request carried the credentials. */
  authorizationSent: boolean;
}

export type ResponseBody = { kind: 'memory'; bytes: Buffer } | { kind: 'file'; path: string };

export interface StageTimings extends ConnectionTimings {
  firstByte: number;
  download: number;
  total: number;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | string[]>;
  /** The URL that answered, after redirects. */
  url: string;
  /** "direct" or "proxy http://host:port" (never with credentials). */
  route: string;
  /** Every answered request before the final one, in order. */
  redirects: RedirectHop[];
  /** True when credentials were given but withheld from at least one request. */
  authorizationDropped: boolean;
  body: ResponseBody;
  /** Decoded body size in bytes. */
  size: number;
  timings: StageTimings;
  /** The final server's certificate (https only; absent on a reused connection's summary loss). */
  peerCertificate?: CertificateSummary;
  /** Removes the temp file of a large body; harmless for bodies in memory. */
  release(): Promise<void>;
}

/** dns.lookup asked for every address, or any function of that shape (tests resolve fake names). */
export type LookupFunction = (
  hostname: string,
  options: LookupAllOptions,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** Electron's session.resolveProxy: a PAC answer such as "PROXY proxy:8080; DIRECT". */
export type ResolveSystemProxy = (url: string) => Promise<string>;

/** The keychain's answer for a proxy user's password; undefined when none is saved. */
export type ProxyPasswordLookup = (proxy: {
  origin: string;
  username: string;
}) => Promise<string | undefined>;

export interface TransportDeps {
  lookup?: LookupFunction;
  resolveSystemProxy?: ResolveSystemProxy;
  proxyPassword?: ProxyPasswordLookup;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY in either case; process.env by default. */
  env?: Record<string, string | undefined>;
  /** Where large bodies go; a folder under os.tmpdir() by default. */
  tempDir?: string;
  defaults?: { timeouts?: Partial<TransportTimeouts>; limits?: Partial<TransportLimits> };
}
