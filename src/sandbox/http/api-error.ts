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

/**
 * Veza's 404, field for field as Veza's own client tests it (oaaclient-py tests/test_client.py,
 * test_api_delete_error): "Not Found", a ResourceInfo detail, and a UserFacingErrorInfo with
 * reason NOT_FOUND, "Requested resource was not found." and an empty resolution.
 */
export function notFound(resourceType: string, resource: string): ApiError {
  return new ApiError(404, {
    code: 'NotFound',
    message: 'Not Found',
    resource: { resource_type: resourceType, resource },
    info: notFoundInfo,
  });
}

export const notFoundInfo = {
  reason: 'NOT_FOUND',
  message: 'Requested resource was not found.',
  resolution: '',
};

/** A precondition of the instance is not met (e.g. VQL switched off). Guess: 400. */
export function failedPrecondition(message: string, resolution: string): ApiError {
  return new ApiError(400, {
    code: 'FailedPrecondition',
    message,
    info: { reason: 'FAILED_PRECONDITION', message, resolution },
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
    // As Veza's own client tests it (oaaclient-py tests/test_client.py, test_api_get_error).
    info: {
      reason: 'INTERNAL',
      message: 'Internal server error.',
      resolution: 'Please retry and if the error persists contact support at support@veza.com',
    },
  });
}
