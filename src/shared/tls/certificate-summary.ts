import { z } from 'zod';
import { bounds } from '../ipc/bounds';

/** Bounds of a certificate as the window sees it (main's summarizeCertificate clips to them). */
export const certificateLimits = { name: 1000, altNames: 1000 } as const;
const certificateName = z.string().max(certificateLimits.name);

/** What the UI shows about a server's certificate, e.g. before the user pins it. */
export const certificateSummarySchema = z.object({
  /** "CN (O)" of the certificate, e.g. "acme.vezacloud.com" or "Zscaler Root CA (Zscaler Inc.)". */
  subject: certificateName,
  issuer: certificateName,
  /** Host names and addresses it is valid for. */
  altNames: z.array(certificateName).max(certificateLimits.altNames),
  validFrom: z.string().max(bounds.timestamp),
  validTo: z.string().max(bounds.timestamp),
  /** SHA-256 fingerprint, AA:BB:... as browsers print it. */
  sha256: z.string().max(128),
  selfSigned: z.boolean(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
