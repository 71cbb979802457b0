/** Veza's error body (google.rpc.Status style), read tolerantly. */
export interface VezaErrorEnvelope {
  /** The status name, e.g. "InvalidArgument", "NotFound" (a numeric gRPC code is named). */
  code?: string;
  message?: string;
  requestId?: string;
  timestamp?: string;
  /** From google.rpc.BadRequest: which field is wrong and why. */
  fieldViolations: Array<{ field: string; description: string }>;
  /** From errorstatus.v1.UserFacingErrorInfo: Veza's own words for people. */
  userFacing?: { reason?: string; message?: string; resolution?: string };
  /** From errorstatus.v1.ResourceInfo: what was not found. */
  resource?: { type?: string; name?: string };
}

// google.rpc.Code numbers, for gateways that send `code: 3` instead of a name.
const grpcCodeNames = [
  'OK',
  'Cancelled',
  'Unknown',
  'InvalidArgument',
  'DeadlineExceeded',
  'NotFound',
  'AlreadyExists',
  'PermissionDenied',
  'ResourceExhausted',
  'FailedPrecondition',
  'Aborted',
  'OutOfRange',
  'Unimplemented',
  'Internal',
  'Unavailable',
  'DataLoss',
  'Unauthenticated',
];

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

function parseMaybe(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  // Error bodies are small; a huge text is not an error envelope and is not parsed here.
  if (body.length > 1_000_000 || !/^\s*\{/.test(body)) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function readDetails(details: unknown, envelope: VezaErrorEnvelope): void {
  if (!Array.isArray(details)) return;
  for (const detail of details) {
    if (!isObject(detail)) continue;
    const type = text(detail['@type']) ?? '';
    if (type.endsWith('google.rpc.BadRequest') && Array.isArray(detail.field_violations)) {
      for (const violation of detail.field_violations) {
        if (!isObject(violation)) continue;
        const description = text(violation.description);
        if (description)
          envelope.fieldViolations.push({ field: text(violation.field) ?? '', description });
      }
    } else if (type.endsWith('UserFacingErrorInfo')) {
      envelope.userFacing = {
        reason: text(detail.reason),
        message: text(detail.message),
        resolution: text(detail.resolution),
      };
    } else if (type.endsWith('ResourceInfo')) {
      envelope.resource = { type: text(detail.resource_type), name: text(detail.resource) };
    }
  }
}

/**
 * Reads Veza's error envelope from a body (JSON text or already parsed). Answers undefined
 * when the body is not one: an HTML page, a proxy's text, an unrelated JSON shape.
 */
export function readVezaError(body: unknown): VezaErrorEnvelope | undefined {
  const parsed = parseMaybe(body);
  if (!isObject(parsed)) return undefined;
  const rawCode = parsed.code;
  const code =
    typeof rawCode === 'number' ? (grpcCodeNames[rawCode] ?? String(rawCode)) : text(rawCode);
  const requestId = text(parsed.request_id);
  const message = text(parsed.message) ?? text(parsed.error);
  if (!(code && message) && !requestId) return undefined;
  const envelope: VezaErrorEnvelope = {
    code,
    message,
    requestId,
    timestamp: text(parsed.timestamp),
    fieldViolations: [],
  };
  readDetails(parsed.details, envelope);
  return envelope;
}
