// What a server's TLS alert says about this computer's client certificate. The alert comes
// during the handshake in TLS 1.2 and just after it in TLS 1.3; Node names it by its code.

/** TLS 1.3's "certificate required" (116): the server wants one and none was shown. */
export const certificateRequiredAlert = 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED';

const refusals: Record<string, string> = {
  ERR_SSL_TLSV1_ALERT_UNKNOWN_CA: 'it was not issued by an authority the server trusts',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED: 'it has expired',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED: 'it has been withdrawn (revoked)',
  ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE: 'the server would not accept it',
  ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN: 'the server would not accept it',
  ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE:
    'the server does not accept this kind of certificate',
};

/** Why the server turned the client certificate down, in words; undefined for other alerts. */
export function clientCertificateRefusal(code: string): string | undefined {
  return refusals[code];
}
