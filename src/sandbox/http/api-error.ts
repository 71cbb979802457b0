import type { ErrorSpec } from './error-envelope';

/** Thrown by handlers and the auth layer; the request pipeline turns it into Veza's envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly spec: ErrorSpec,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(spec.message);
  }
}

export function invalidArgument(
  fieldViolations: { field: string; description: string }[],
): ApiError {
  return new ApiError(400, {
    code: 'InvalidArgument',
    message: 'Invalid Arguments',
    fieldViolations,
    info: {
      reason: 'INVALID_ARGUMENTS',
      message: 'Request includes invalid arguments.',
      resolution: 'Reference error details for the exact field violations.',
    },
  });
}

export function notFound(resourceType: string, resource: string): ApiError {
  return new ApiError(404, {
    code: 'NotFound',
    message: `${resourceType} not found`,
    resource: { resource_type: resourceType, resource },
    info: {
      reason: 'RESOURCE_NOT_FOUND',
      message: `The requested ${resourceType} does not exist.`,
      resolution: 'Check the id in the request; the resource may have been deleted.',
    },
  });
}

export function permissionDenied(
  status: number,
  reason: string,
  message: string,
  resolution: string,
): ApiError {
  return new ApiError(status, {
    code: 'PermissionDenied',
    message: 'Permission denied',
    info: { reason, message, resolution },
  });
}

/** Veza's documented support message for Internal errors (veza-api.md). */
export const internalErrorMessage =
  'Internal Server Error, please retry and if the error persists contact support at support@veza.com';

export function internalError(): ApiError {
  return new ApiError(500, {
    code: 'Internal',
    message: internalErrorMessage,
    info: {
      reason: 'INTERNAL',
      message: 'Something went wrong on the server.',
      resolution:
        'Retry the request; if it keeps failing, contact Veza support with the request_id.',
    },
  });
}
