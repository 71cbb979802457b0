import { z } from 'zod';
import { problemSchema } from '../problems/problem';
import { successCodes } from '../problems/problem-codes';
import { certificateSummarySchema } from '../tls/certificate-summary';

/**
 * The layers the connection doctor walks, in order. It stops at the first failure; the steps
 * after it are reported as skipped, so the user sees how far the connection got.
 */
export const verificationStepIds = [
  'url',
  'key',
  'proxy',
  'dns',
  'tcp',
  'tls',
  'http',
  'auth',
  'permission',
  'identity',
] as const;
export type VerificationStepId = (typeof verificationStepIds)[number];

/** What each step checks, in the words the UI and the CLI print. */
export const verificationStepLabels: Record<VerificationStepId, string> = {
  url: 'Instance address',
  key: 'API key format',
  proxy: 'Proxy',
  dns: 'Finding the server',
  tcp: 'Network connection',
  tls: 'Secure connection (TLS)',
  http: 'Veza answers',
  auth: 'Key accepted',
  permission: 'Permissions',
  identity: 'Who the key acts as',
};

export const stepStatusSchema = z.enum(['pending', 'running', 'passed', 'failed', 'skipped']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const verificationStepSchema = z.object({
  id: z.enum(verificationStepIds),
  status: stepStatusSchema,
  /** How long the step took; absent until it ran. */
  ms: z.number().nonnegative().optional(),
  /** One short line on what was found, e.g. "127.0.0.1" or "direct" or "Let's Encrypt R3". */
  note: z.string().optional(),
});
export type VerificationStep = z.infer<typeof verificationStepSchema>;

export const keyKindSchema = z.enum(['personal', 'team']);
export type KeyKind = z.infer<typeof keyKindSchema>;

export const identitySchema = z.object({
  /** The user's or the team key's display name. */
  name: z.string(),
  email: z.string().optional(),
  team: z.string().optional(),
  roles: z.array(z.string()),
  /** The id of the key itself, when Veza says (users/self `api_key.id`); not a secret. */
  keyId: z.string().max(200).optional(),
});
export type Identity = z.infer<typeof identitySchema>;

export const verificationResultSchema = z.object({
  ok: z.boolean(),
  /** OK_PERSONAL_KEY / OK_TEAM_KEY on success; the problem's code otherwise. */
  outcome: z.union([z.enum(successCodes), problemSchema.shape.code]),
  url: z.string(),
  keyKind: keyKindSchema.optional(),
  identity: identitySchema.optional(),
  /** What the key reaches, e.g. { providers: 42 } or { customProviderTemplates: 3 }. */
  reach: z.record(z.string(), z.number()).optional(),
  /** The instance's answer time for the identity call, ms. */
  latencyMs: z.number().nonnegative().optional(),
  route: z.string().optional(),
  steps: z.array(verificationStepSchema),
  problem: problemSchema.optional(),
  /** The server's certificate when the secure connection failed (shown before "Trust it"). */
  certificate: certificateSummarySchema.optional(),
  finishedAt: z.string(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;
