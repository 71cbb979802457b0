import { randomBytes } from 'node:crypto';
import { nanoTimestamp } from '../clock';

// Veza's error body: google.rpc.Status with `code` as a string name, plus `request_id` and
// `timestamp`, and `details` typed by `@type` (veza-api.md's InvalidArgument example, field for
// field). Details come in the documented order: BadRequest / ResourceInfo, then the
// UserFacingErrorInfo that carries Veza's own advice.

export type StatusCodeName =
  | 'InvalidArgument'
  | 'Unauthenticated'
  | 'PermissionDenied'
  | 'NotFound'
  | 'FailedPrecondition'
  | 'ResourceExhausted'
  | 'Unimplemented'
  | 'Internal'
  | 'Unavailable';

export interface UserFacingInfo {
  reason: string;
  message: string;
  resolution: string;
  metadata?: Record<string, string>;
}

export interface ErrorSpec {
  code: StatusCodeName;
  message: string;
  info: UserFacingInfo;
  fieldViolations?: { field: string; description: string }[];
  resource?: { resource_type: string; resource: string };
}

export type ErrorDetail = Record<string, unknown> & { '@type': string };

export interface ErrorEnvelope {
  code: StatusCodeName;
  message: string;
  request_id: string;
  timestamp: string;
  details: ErrorDetail[];
}

/** Veza support asks for this id; 32 hex characters like the documented example. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export function buildErrorEnvelope(spec: ErrorSpec, requestId: string, now: Date): ErrorEnvelope {
  const details: ErrorDetail[] = [];
  if (spec.fieldViolations)
    details.push({
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      field_violations: spec.fieldViolations,
    });
  if (spec.resource)
    details.push({ '@type': 'type.googleapis.com/errorstatus.v1.ResourceInfo', ...spec.resource });
  details.push({
    '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
    reason: spec.info.reason,
    metadata: spec.info.metadata ?? {},
    message: spec.info.message,
    resolution: spec.info.resolution,
  });
  return {
    code: spec.code,
    message: spec.message,
    request_id: requestId,
    timestamp: nanoTimestamp(now),
    details,
  };
}
