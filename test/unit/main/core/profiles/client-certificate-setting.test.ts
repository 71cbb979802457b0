import { describe, expect, it } from 'vitest';
import { checkNetworkFromPage } from '../../../../../src/main/core/profiles/network-from-page';
import { toTransportNetwork } from '../../../../../src/main/core/profiles/profile-network';
import { ProblemError } from '../../../../../src/main/core/problem-error';
import { networkFormOf, networkFromForm } from '../../../../../src/shared/profiles/network-form';
import { networkSettingsSchema } from '../../../../../src/shared/profiles/profile';
import { problemActions } from '../../../../../src/shared/problems/problem-actions';

const certificate = { certFile: '/home/alice/laptop.pem', certSha256: 'ab'.repeat(32) };

describe("a profile's client certificate setting", () => {
  it('is a path and the hash of its bytes, bounded like the CA file; no key, no passphrase', () => {
    expect(networkSettingsSchema.parse({ clientCertificate: certificate })).toEqual({
      clientCertificate: certificate,
    });
    for (const bad of [
      { ...certificate, certFile: '' },
      { ...certificate, certFile: 'x'.repeat(4097) },
      { ...certificate, certSha256: 'AB'.repeat(32) },
      { ...certificate, certSha256: 'ab'.repeat(33) },
      { certFile: certificate.certFile },
    ]) {
      expect(networkSettingsSchema.safeParse({ clientCertificate: bad }).success).toBe(false);
    }
    // Anything more (a key, a passphrase) is not kept: the schema strips it.
    const parsed = networkSettingsSchema.parse({
      clientCertificate: { ...certificate, keyPem: 'PRIVATE', passphrase: 'secret' },
    });
    expect(JSON.stringify(parsed)).not.toMatch(/PRIVATE|secret/);
  });

  it('goes through the network form unchanged, and away when removed', () => {
    const form = networkFormOf({ clientCertificate: certificate });
    expect(networkFromForm(form).network).toEqual({ clientCertificate: certificate });
    expect(networkFromForm({ ...form, clientCertificate: undefined })).toEqual({ problems: [] });
  });

  it('the window may name only a certificate main chose, or keep the saved one', () => {
    const sent = { clientCertificate: certificate };
    const refused = () => checkNetworkFromPage(undefined, sent, () => false);
    expect(refused).toThrow(ProblemError);
    expect(() => checkNetworkFromPage(sent, sent, () => false)).not.toThrow();
    expect(() =>
      checkNetworkFromPage(
        undefined,
        sent,
        () => false,
        (chosen) => chosen === certificate,
      ),
    ).not.toThrow();
    // The same path with other bytes is another certificate.
    const other = { clientCertificate: { ...certificate, certSha256: 'cd'.repeat(32) } };
    expect(() => checkNetworkFromPage(sent, other, () => false)).toThrow(ProblemError);
  });

  it('reaches the transport with its hash, and its key only when read (TLS_CLIENT_CERT_INVALID without a keychain)', async () => {
    const network = toTransportNetwork({ clientCertificate: certificate });
    expect(network.clientCertificate).toMatchObject(certificate);
    expect(network.clientCertificate).not.toHaveProperty('keyPem');
    const missing = await network.clientCertificate
      ?.readSecret?.()
      .catch((error: unknown) => error);
    expect((missing as ProblemError).problem.code).toBe('TLS_CLIENT_CERT_INVALID');
    expect((missing as ProblemError).problem.fix[0]).toContain('Choose client certificate… again');
    const withKeychain = toTransportNetwork({ clientCertificate: certificate }, async () => ({
      keyPem: 'PEM',
    }));
    await expect(withKeychain.clientCertificate?.readSecret?.()).resolves.toEqual({
      keyPem: 'PEM',
    });
  });

  it('its problems offer the Network settings button, where the certificate is chosen', () => {
    expect(problemActions('TLS_CLIENT_CERT_REQUIRED')).toEqual(['network-settings']);
    expect(problemActions('TLS_CLIENT_CERT_INVALID')).toEqual(['network-settings']);
  });
});
