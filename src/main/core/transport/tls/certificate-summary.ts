import type { PeerCertificate, DetailedPeerCertificate } from 'node:tls';

import { clipText } from '../../../../shared/ipc/bounds';
import {
  certificateLimits,
  type CertificateSummary,
} from '../../../../shared/tls/certificate-summary';

export type { CertificateSummary };

type Name = PeerCertificate['subject'] | undefined;

/** Flattens an X.509 name into the short form people recognise: common name, then organisation. */
export function describeName(name: Name): string {
  const pick = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const cn = pick(name?.CN);
  const org = pick(name?.O);
  if (cn && org && cn !== org) return `${cn} (${org})`;
  return cn ?? org ?? '(unnamed)';
}

function sameName(a: Name, b: Name): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** A certificate as the window sees it; a server's odd certificate is cut to the schema's bounds. */
export function summarizeCertificate(cert: PeerCertificate): CertificateSummary {
  const name = (text: string) => clipText(text, certificateLimits.name);
  return {
    subject: name(describeName(cert.subject)),
    issuer: name(describeName(cert.issuer)),
    altNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((altName) => name(altName.trim().replace(/^(DNS|IP Address):/, '')))
      .filter(Boolean)
      .slice(0, certificateLimits.altNames),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: new Date(cert.valid_to).toISOString(),
    sha256: cert.fingerprint256,
    selfSigned: sameName(cert.subject, cert.issuer),
  };
}

/**
 * The chain as the server sent it, leaf first. Node links each certificate to its issuer
 * through issuerCertificate and a self-signed one points at itself, which ends the walk.
 */
export function chainOf(leaf: DetailedPeerCertificate): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert?.fingerprint256 && !seen.has(cert.fingerprint256) && chain.length < 10) {
    seen.add(cert.fingerprint256);
    chain.push(summarizeCertificate(cert));
    cert = cert.issuerCertificate;
  }
  return chain;
}

/** Uppercase hex without separators, so "aa:bb" and "AABB" compare equal. */
export function normalizeFingerprint(fingerprint: string): string {
  return fingerprint.replace(/[^0-9a-f]/gi, '').toUpperCase();
}
