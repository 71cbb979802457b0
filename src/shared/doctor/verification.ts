import { z } from 'zod';
import { boundedRecord, bounds } from '../ipc/bounds';
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
  /**
   * One short line on what was found, e.g. "127.0.0.1" or "direct" or "Let's Encrypt R3"; a
   * failed step's note is its problem's title.
   */
  note: z.string().max(bounds.problemText).optional(),
});
export type VerificationStep = z.infer<typeof verificationStepSchema>;

export const keyKindSchema = z.enum(['personal', 'team']);
export type KeyKind = z.infer<typeof keyKindSchema>;

/** Bounds of what Veza's users/self answer may tell the window (read-identity.ts clips to them). */
export const identityTextMax = 200;
export const identityRolesMax = 50;

export const identitySchema = z.object({
  // read-identity.ts clips what Veza says to these.
  /** The user's or the team key's display name. */
  name: z.string().max(identityTextMax),
  email: z.string().max(identityTextMax).optional(),
  team: z.string().max(identityTextMax).optional(),
  roles: z.array(z.string().max(identityTextMax)).max(identityRolesMax),
  /** The id of the key itself, when Veza says (users/self `api_key.id`); not a secret. */
  keyId: z.string().max(200).optional(),
});
export type Identity = z.infer<typeof identitySchema>;

/** "direct" or "proxy http://host:port" (the proxy's origin, no password). */
export const routeMax = bounds.url + 100;

export const verificationResultSchema = z.object({
  ok: z.boolean(),
  /** OK_PERSONAL_KEY / OK_TEAM_KEY on success; the problem's code otherwise. */
  outcome: z.union([z.enum(successCodes), problemSchema.shape.code]),
  /** The instance's address (an origin), or the address as typed when it is not one. */
  url: z.string().max(2 * bounds.url),
  keyKind: keyKindSchema.optional(),
  identity: identitySchema.optional(),
  /** What the key reaches, e.g. { providers: 42 } or { customProviderTemplates: 3 }. */
  reach: boundedRecord(z.string().max(bounds.id), z.number(), 20).optional(),
  /** The instance's answer time for the identity call, ms. */
  latencyMs: z.number().nonnegative().optional(),
  route: z.string().max(routeMax).optional(),
  steps: z.array(verificationStepSchema).max(verificationStepIds.length),
  problem: problemSchema.optional(),
  /** The server's certificate when the secure connection failed (shown before "Trust it"). */
  certificate: certificateSummarySchema.optional(),
  finishedAt: z.string().max(bounds.timestamp),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;
