import { isIP } from 'node:net';
import type { ProblemCode } from '../../../shared/problems/problem-codes';
import type { CertificateSummary } from './tls/certificate-summary';
import {
  certificateRequiredAlert,
  clientCertificateRefusal,
} from './tls/client-certificate-alerts';
import { looksLikeTlsInspection } from './tls/inspection-vendors';

export interface TlsVerdict {
  code: ProblemCode;
  facts: Record<string, string>;
}

const NOT_TLS =
  /wrong version number|packet length too long|unknown protocol|http request|ERR_SSL_WRONG_VERSION_NUMBER/i;

/**
 * Names a certificate or handshake failure from OpenSSL's verification code and the chain the
 * server sent (leaf first). Returns undefined when the code is not about TLS.
 */
export function classifyTlsFailure(
  codes: readonly string[],
  messages: readonly string[],
  chain: readonly CertificateSummary[],
  /** The host name asked for, to tell a certificate for another site from a near miss. */
  host?: string,
): TlsVerdict | undefined {
  const leaf = chain[0];
  const top = chain[chain.length - 1];
  const leafFacts: Record<string, string> = leaf
    ? {
        subject: leaf.subject,
        issuer: leaf.issuer,
        validFrom: leaf.validFrom,
        validTo: leaf.validTo,
      }
    : {};
  const has = (code: string) => codes.includes(code);
  // The authority nobody here trusts: the issuer named by the last certificate sent.
  const unknownIssuer = top
    ? { ...leafFacts, issuer: top.selfSigned ? top.subject : top.issuer }
    : leafFacts;

  if (has('VEZA_PIN_MISMATCH')) return { code: 'TLS_PIN_MISMATCH', facts: leafFacts };
  // TLS 1.3's own alert (116) for a server that accepts only clients with a certificate.
  if (has(certificateRequiredAlert)) return { code: 'TLS_CLIENT_CERT_REQUIRED', facts: leafFacts };
  // The server's word on the client certificate shown (TLS 1.2 says it in the handshake).
  const refusal = codes.map(clientCertificateRefusal).find((reason) => reason !== undefined);
  if (refusal) return { code: 'TLS_CLIENT_CERT_REFUSED', facts: { ...leafFacts, reason: refusal } };
  if (has('CERT_HAS_EXPIRED')) {
    const expired = chain.find((cert) => Date.parse(cert.validTo) < Date.now()) ?? leaf;
    return {
      code: 'TLS_CERT_EXPIRED',
      facts: { ...leafFacts, ...(expired && { validTo: expired.validTo }) },
    };
  }
  if (has('CERT_NOT_YET_VALID')) {
    const future = chain.find((cert) => Date.parse(cert.validFrom) > Date.now()) ?? leaf;
    return {
      code: 'TLS_CERT_NOT_YET_VALID',
      facts: { ...leafFacts, ...(future && { validFrom: future.validFrom }) },
    };
  }
  if (has('ERR_TLS_CERT_ALTNAME_INVALID')) {
    const names = leaf?.altNames.length ? leaf.altNames.join(', ') : leaf?.subject;
    return {
      // A certificate for a name of another site altogether is what a network's sign-in page
      // (hotel, airport, guest Wi-Fi) shows for every address until the user signs in.
      code:
        leaf && host && unrelatedNames(host, leaf) ? 'NETWORK_SIGN_IN' : 'TLS_HOSTNAME_MISMATCH',
      facts: { ...leafFacts, ...(names && { subject: names }) },
    };
  }
  if (has('DEPTH_ZERO_SELF_SIGNED_CERT')) return { code: 'TLS_SELF_SIGNED', facts: leafFacts };
  if (
    has('SELF_SIGNED_CERT_IN_CHAIN') ||
    has('UNABLE_TO_GET_ISSUER_CERT_LOCALLY') ||
    has('UNABLE_TO_GET_ISSUER_CERT')
  ) {
    return { code: 'TLS_UNTRUSTED_ROOT', facts: unknownIssuer };
  }
  if (has('UNABLE_TO_VERIFY_LEAF_SIGNATURE')) {
    // The leaf's issuer is nowhere: neither sent nor trusted. A public server that forgot its
    // intermediate looks the same as an inspection box that signs leaves with its own root;
    // the issuer's name tells them apart well enough to give the right advice.
    const issuerSent = chain.slice(1).some((cert) => cert.subject === leaf?.issuer);
    const inspection = leaf && looksLikeTlsInspection(leaf.issuer);
    return {
      code: inspection || issuerSent ? 'TLS_UNTRUSTED_ROOT' : 'TLS_INCOMPLETE_CHAIN',
      facts: leafFacts,
    };
  }
  if (
    codes.some((code) => /^(CERT_|UNABLE_TO_|INVALID_CA|PATH_LENGTH|HOSTNAME_MISMATCH)/.test(code))
  ) {
    return { code: 'TLS_UNTRUSTED_ROOT', facts: unknownIssuer };
  }
  if (messages.some((message) => NOT_TLS.test(message)) || has('ERR_SSL_WRONG_VERSION_NUMBER')) {
    return { code: 'TLS_NOT_TLS', facts: {} };
  }
  if (codes.some((code) => code.startsWith('ERR_SSL_') || code === 'EPROTO')) {
    return { code: 'TLS_HANDSHAKE_FAILED', facts: {} };
  }
  return undefined;
}

/** The last two labels of a name: "acme.vezacloud.com" and "*.vezacloud.com" are one site. */
const siteOf = (name: string) =>
  name.replace(/^\*\./, '').toLowerCase().split('.').slice(-2).join('.');

/**
 * None of the certificate's names belongs to the host's site (a name, not an IP address: for
 * an address there is no site to compare).
 */
function unrelatedNames(host: string, leaf: CertificateSummary): boolean {
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) return false;
  const names = leaf.altNames.length ? leaf.altNames : [leaf.subject.split(' (')[0] ?? ''];
  return !names.some((name) => isIP(name) === 0 && siteOf(name) === siteOf(host));
}
