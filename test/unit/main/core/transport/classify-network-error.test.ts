import { describe, expect, it } from 'vitest';
import { classifyNetworkError } from '../../../../../src/main/core/transport';
import { ConnectFailure } from '../../../../../src/main/core/transport/connect/connect-failure';
import type { CertificateSummary } from '../../../../../src/main/core/transport/tls/certificate-summary';

// Errors as Node and undici raise them (codes on the error or behind `cause`), so the doctor
// can classify an error it met outside the transport the same way.
const url = 'https://acme.vezacloud.com/api/v1/providers';
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });
const classify = (error: unknown, extra = {}) => classifyNetworkError(error, { url, ...extra });

const cert = (subject: string, issuer: string): CertificateSummary => ({
  subject,
  issuer,
  altNames: [],
  validFrom: '2020-01-01T00:00:00.000Z',
  validTo: '2030-01-01T00:00:00.000Z',
  sha256: 'AA',
  selfSigned: subject === issuer,
});

describe('classifyNetworkError', () => {
  it.each([
    ['ENOTFOUND', 'DNS_NOT_FOUND', 'dns'],
    ['EAI_AGAIN', 'DNS_UNAVAILABLE', 'dns'],
    ['ECONNREFUSED', 'TCP_REFUSED', 'tcp'],
    ['UND_ERR_CONNECT_TIMEOUT', 'TCP_TIMEOUT', 'tcp'],
    ['ETIMEDOUT', 'TCP_TIMEOUT', 'tcp'],
    ['ECONNRESET', 'TCP_RESET', 'http'],
    ['ENETUNREACH', 'NETWORK_UNREACHABLE', 'tcp'],
    ['EHOSTUNREACH', 'NETWORK_UNREACHABLE', 'tcp'],
    ['CERT_HAS_EXPIRED', 'TLS_CERT_EXPIRED', 'tls'],
    ['CERT_NOT_YET_VALID', 'TLS_CERT_NOT_YET_VALID', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_HOSTNAME_MISMATCH', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_SELF_SIGNED', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'TLS_UNTRUSTED_ROOT', 'tls'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'TLS_UNTRUSTED_ROOT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_INCOMPLETE_CHAIN', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'TLS_NOT_TLS', 'tls'],
    ['ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'TLS_HANDSHAKE_FAILED', 'tls'],
    ['UND_ERR_HEADERS_TIMEOUT', 'HTTP_TIMEOUT', 'http'],
    ['UND_ERR_BODY_TIMEOUT', 'HTTP_TIMEOUT', 'http'],
    ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'HTTP_BODY_INCOMPLETE', 'http'],
    ['UND_ERR_ABORTED', 'REQUEST_CANCELLED', 'http'],
  ])('%s -> %s (%s)', (code, problem, stage) => {
    const result = classify(coded(code));
    expect(result.code).toBe(problem);
    expect(result.stage).toBe(stage);
    expect(result.detail.errorCode).toBe(code);
  });

  it('finds the code behind cause, as fetch() wraps it', () => {
    const error = new TypeError('fetch failed', {
      cause: coded('ENOTFOUND', 'getaddrinfo ENOTFOUND acme.vezacloud.com'),
    });
    const result = classify(error);
    expect(result.code).toBe('DNS_NOT_FOUND');
    expect(result.detail.raw).toContain('getaddrinfo ENOTFOUND');
    expect(result.detail.facts?.host).toBe('acme.vezacloud.com');
  });

  it('reads the EPROTO "wrong version number" text as plain HTTP on a TLS port', () => {
    expect(classify(coded('EPROTO', '...:ssl3_get_record:wrong version number')).code).toBe(
      'TLS_NOT_TLS',
    );
  });

  it('a reset after the response started is an incomplete body, before it a reset', () => {
    expect(
      classify(coded('UND_ERR_SOCKET', 'other side closed'), { responseStarted: true }).code,
    ).toBe('HTTP_BODY_INCOMPLETE');
    expect(classify(coded('UND_ERR_SOCKET', 'other side closed')).code).toBe('TCP_RESET');
  });

  it('anything failing at the proxy stage is the proxy, whatever the code', () => {
    const result = classify(new ConnectFailure('proxy', coded('ENOTFOUND')), {
      proxy: 'http://proxy.corp:8080',
    });
    expect(result.code).toBe('PROXY_UNREACHABLE');
    expect(result.detail.facts?.proxy).toBe('http://proxy.corp:8080');
  });

  it('an unverifiable leaf signed by a TLS-inspection product names it as an untrusted root', () => {
    const chain = [cert('acme.vezacloud.com', 'Zscaler Intermediate Root CA (Zscaler Inc.)')];
    const result = classify(
      new ConnectFailure('tls', coded('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), { chain }),
    );
    expect(result.code).toBe('TLS_UNTRUSTED_ROOT');
    expect(result.detail.facts?.issuer).toContain('Zscaler Inc.');
    expect(result.peerCertificate?.subject).toBe('acme.vezacloud.com');
  });

  it('names the root the server sent when it is not trusted', () => {
    const chain = [
      cert('acme.vezacloud.com', 'Corp Issuing CA'),
      cert('Corp Issuing CA', 'Corp Root'),
      cert('Corp Root', 'Corp Root'),
    ];
    const result = classify(
      new ConnectFailure('tls', coded('SELF_SIGNED_CERT_IN_CHAIN'), { chain }),
    );
    expect(result.code).toBe('TLS_UNTRUSTED_ROOT');
    expect(result.detail.facts?.issuer).toBe('Corp Root');
  });

  it('redacts the raw text and drops the query string from the URL', () => {
    const result = classifyNetworkError(coded('ECONNRESET', 'reset while sending Bearer abc123'), {
      url: `${url}?api_key=secret`,
    });
    expect(result.detail.raw).toBe('reset while sending Bearer [redacted]');
    expect(result.detail.url).toBe(url);
  });

  it('an error it cannot place is INTERNAL_ERROR with the raw text kept', () => {
    const result = classify(new Error('something odd'));
    expect(result.code).toBe('INTERNAL_ERROR');
    expect(result.detail.raw).toBe('something odd');
  });
});
