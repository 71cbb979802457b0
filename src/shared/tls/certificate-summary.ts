import { z } from 'zod';

/** What the UI shows about a server's certificate, e.g. before the user pins it. */
export const certificateSummarySchema = z.object({
  /** "CN (O)" of the certificate, e.g. "acme.vezacloud.com" or "Zscaler Root CA (Zscaler Inc.)". */
  subject: z.string(),
  issuer: z.string(),
  /** Host names and addresses it is valid for. */
  altNames: z.array(z.string()),
  validFrom: z.string(),
  validTo: z.string(),
  /** SHA-256 fingerprint, AA:BB:... as browsers print it. */
  sha256: z.string(),
  selfSigned: z.boolean(),
});
export type CertificateSummary = z.infer<typeof certificateSummarySchema>;
