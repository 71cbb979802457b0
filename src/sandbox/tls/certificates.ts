// @peculiar/x509 resolves its services through tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata';
import { webcrypto, X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Certificates for the simulated Veza and for tests of the transport and the doctor: a private
// CA, intermediates, and server certificates with any host names and validity, all made in
// memory. Nothing here looks like, or is trusted as, a real certificate.

// x509's types name the DOM's Crypto; Node's webcrypto is the same API under another type.
type X509Crypto = Extract<Parameters<typeof x509.cryptoProvider.set>[0], object>;
x509.cryptoProvider.set(webcrypto as unknown as X509Crypto);

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const day = 24 * 60 * 60 * 1000;

export interface Issued {
  /** The certificate, PEM. */
  cert: string;
  /** Its private key, PKCS#8 PEM. */
  key: string;
  /** SHA-256 fingerprint as Node prints it (AA:BB:...). */
  fingerprint256: string;
  /** For issuing further certificates from this one (CAs only). */
  signer: { certificate: x509.X509Certificate; privateKey: webcrypto.CryptoKey };
}

export interface IssueOptions {
  /** Subject common name. */
  commonName: string;
  /** DNS names and IP addresses for the subjectAltName (leaf certificates). */
  hosts?: string[];
  /** A client certificate (mutual TLS) instead of a server's. */
  clientAuth?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  isCA?: boolean;
  /** Issuer; omitted = self-signed. */
  issuer?: Issued;
  /** Extra subject fields, e.g. "O=Zscaler Inc." to imitate a TLS-inspection root. */
  organization?: string;
}

function serialNumber(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(12));
  bytes[0] = (bytes[0] ?? 0) & 0x7f; // positive
  return Buffer.from(bytes).toString('hex');
}

function subjectName(options: IssueOptions): string {
  const cn = `CN=${options.commonName.replace(/[,=+]/g, ' ')}`;
  return options.organization ? `${cn}, O=${options.organization.replace(/[,=+]/g, ' ')}` : cn;
}

async function toPkcs8Pem(key: webcrypto.CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

/** Issues one certificate (self-signed when no issuer is given). */
export async function issueCertificate(options: IssueOptions): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const notBefore = options.notBefore ?? new Date(Date.now() - day);
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * day);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(options.isCA === true, options.isCA ? 2 : undefined, true),
    new x509.KeyUsagesExtension(
      options.isCA
        ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign
        : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (!options.isCA)
    extensions.push(
      new x509.ExtendedKeyUsageExtension([
        options.clientAuth ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth,
      ]),
    );
  if (options.hosts?.length) {
    extensions.push(
      new x509.SubjectAlternativeNameExtension(
        options.hosts.map((host) =>
          /^[\d.]+$|:/.test(host)
            ? { type: 'ip' as const, value: host }
            : { type: 'dns' as const, value: host },
        ),
      ),
    );
  }
  if (options.issuer) {
    extensions.push(
      await x509.AuthorityKeyIdentifierExtension.create(options.issuer.signer.certificate),
    );
  }
  const subject = subjectName(options);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject,
    issuer: options.issuer ? options.issuer.signer.certificate.subject : subject,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    publicKey: keys.publicKey,
    signingKey: options.issuer ? options.issuer.signer.privateKey : keys.privateKey,
    extensions,
  });
  const cert = `${certificate.toString('pem').trim()}\n`;
  return {
    cert,
    key: await toPkcs8Pem(keys.privateKey),
    fingerprint256: new X509Certificate(cert).fingerprint256,
    signer: { certificate, privateKey: keys.privateKey },
  };
}

/** A private CA and a server certificate it issued for this machine's loopback names. */
export async function makeLoopbackTls(
  hosts: string[] = ['localhost', '127.0.0.1', '::1'],
): Promise<{ ca: Issued; server: Issued }> {
  const ca = await issueCertificate({ commonName: 'Veza Desk Sandbox Test CA', isCA: true });
  const server = await issueCertificate({ commonName: hosts[0] ?? 'localhost', hosts, issuer: ca });
  return { ca, server };
}
