import { describe, expect, it } from 'vitest';
import { readVezaError } from '../../../../src/shared/veza/read-veza-error';
import {
  problemFromVezaResponse,
  retryAfterSeconds,
} from '../../../../src/shared/veza/problem-from-veza-response';

// The envelope veza-api.md quotes.
const invalidArgument = JSON.stringify({
  code: 'InvalidArgument',
  message: 'Invalid Arguments',
  request_id: '1091d23a67ad44a63723fc050280e5ae',
  timestamp: '2022-08-05T19:59:11.508388808Z',
  details: [
    {
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      field_violations: [
        { field: 'name', description: 'Provider with the same name already exists' },
      ],
    },
    {
      '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
      reason: 'INVALID_ARGUMENTS',
      metadata: {},
      message: 'Request includes invalid arguments.',
      resolution: 'Reference error details for the exact field violations.',
    },
  ],
});

describe('readVezaError', () => {
  it("reads the documented envelope's every part", () => {
    expect(readVezaError(invalidArgument)).toEqual({
      code: 'InvalidArgument',
      message: 'Invalid Arguments',
      requestId: '1091d23a67ad44a63723fc050280e5ae',
      timestamp: '2022-08-05T19:59:11.508388808Z',
      fieldViolations: [
        { field: 'name', description: 'Provider with the same name already exists' },
      ],
      userFacing: {
        reason: 'INVALID_ARGUMENTS',
        message: 'Request includes invalid arguments.',
        resolution: 'Reference error details for the exact field violations.',
      },
    });
  });

  it('reads a NotFound with its ResourceInfo, and a numeric gRPC code', () => {
    const notFound = readVezaError({
      code: 'NotFound',
      message: 'not found',
      request_id: 'r1',
      details: [
        {
          '@type': 'type.googleapis.com/errorstatus.v1.ResourceInfo',
          resource_type: 'Provider',
          resource: 'abc',
        },
      ],
    });
    expect(notFound?.resource).toEqual({ type: 'Provider', name: 'abc' });
    expect(readVezaError('{"code": 16, "message": "no"}')?.code).toBe('Unauthenticated');
  });

  it.each([
    ['an HTML login page', '<!doctype html><html><body>Sign in</body></html>'],
    ['a list answer', '{"values": [], "has_more": false}'],
    ['broken JSON', '{"code": "Internal", '],
    ['a number', 42],
    ['null', null],
    ['an array', '[{"code":"x","message":"y"}]'],
  ])('answers undefined for %s', (_name, body) => {
    expect(readVezaError(body)).toBeUndefined();
  });

  it('survives odd shapes inside an envelope', () => {
    const envelope = readVezaError({
      code: 'Internal',
      message: 'Internal Server Error',
      details: [
        'x',
        null,
        { '@type': 42 },
        { '@type': 'google.rpc.BadRequest', field_violations: [null, { field: 1 }] },
      ],
    });
    expect(envelope).toMatchObject({ code: 'Internal', fieldViolations: [] });
  });
});

describe('problemFromVezaResponse', () => {
  it("maps a 400 with Veza's words, advice and request_id", () => {
    const problem = problemFromVezaResponse({ status: 400, body: invalidArgument });
    expect(problem?.code).toBe('HTTP_BAD_REQUEST');
    expect(problem?.detail).toMatchObject({
      status: 400,
      requestId: '1091d23a67ad44a63723fc050280e5ae',
      serverCode: 'InvalidArgument',
      serverMessage: 'Invalid Arguments; name: Provider with the same name already exists',
      serverResolution: 'Reference error details for the exact field violations.',
    });
  });

  it('follows a generic message with the user-facing one that says why', () => {
    const problem = problemFromVezaResponse({
      status: 403,
      body: {
        code: 'PermissionDenied',
        message: 'Permission denied',
        details: [
          {
            '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
            reason: 'INSUFFICIENT_ROLE',
            message: 'Your role (viewer) does not allow this action; it needs admin or operator.',
            resolution: 'Ask a Veza administrator for a role that allows it.',
          },
        ],
      },
    });
    expect(problem?.code).toBe('FORBIDDEN_ROLE');
    expect(problem?.detail.serverMessage).toBe(
      'Permission denied; Your role (viewer) does not allow this action; it needs admin or operator.',
    );
    // The same words twice are said once.
    const same = problemFromVezaResponse({
      status: 401,
      body: {
        code: 'Unauthenticated',
        message: 'API key has been revoked (INACTIVE)',
        details: [
          {
            '@type': 'type.googleapis.com/errorstatus.v1.UserFacingErrorInfo',
            message: 'API key has been revoked (INACTIVE)',
          },
        ],
      },
    });
    expect(same?.detail.serverMessage).toBe('API key has been revoked (INACTIVE)');
  });

  it.each([
    [401, undefined, 'AUTH_INVALID_KEY'],
    [403, 'personal', 'FORBIDDEN_ROLE'],
    [403, undefined, 'FORBIDDEN_ROLE'],
    [403, 'team', 'FORBIDDEN_TEAM_KEY'],
    [404, undefined, 'HTTP_NOT_FOUND'],
    [409, undefined, 'HTTP_BAD_REQUEST'],
    [429, undefined, 'RATE_LIMITED'],
    [500, undefined, 'SERVER_ERROR'],
    [502, undefined, 'GATEWAY_UNAVAILABLE'],
    [503, undefined, 'SERVICE_UNAVAILABLE'],
    [504, undefined, 'GATEWAY_UNAVAILABLE'],
  ] as const)('maps %i (key kind %s) to %s, even without a Veza body', (status, keyKind, code) => {
    expect(problemFromVezaResponse({ status, keyKind, body: '<html>proxy</html>' })?.code).toBe(
      code,
    );
  });

  it('answers nothing for success', () => {
    expect(problemFromVezaResponse({ status: 200, body: '{"values":[]}' })).toBeUndefined();
    expect(problemFromVezaResponse({ status: 304 })).toBeUndefined();
  });

  it("tells Veza's documented malformed-key texts from a refused key", () => {
    const problem = problemFromVezaResponse({
      status: 401,
      body: {
        code: 'Unauthenticated',
        message: 'Malformed API key: Typically due to a copy and paste error',
      },
    });
    expect(problem?.code).toBe('AUTH_MALFORMED_KEY');
    // The same words for a key that passed Veza Desk's own format check: refused.
    const wellFormed = problemFromVezaResponse({
      status: 401,
      keyWellFormed: true,
      body: {
        code: 'Unauthenticated',
        message: 'Invalid API key: API key is not the correct format',
      },
    });
    expect(wellFormed?.code).toBe('AUTH_INVALID_KEY');
    expect(wellFormed?.detail.serverMessage).toContain('Invalid API key');
  });

  it('puts Retry-After into the wait the user reads', () => {
    const problem = problemFromVezaResponse({ status: 429, retryAfter: '17' });
    expect(problem?.detail.facts?.seconds).toBe('17');
    expect(problem?.explanation).toContain('wait 17 seconds');
    expect(problem?.fix[0]).toBe('Wait 17 seconds, then try again.');
  });

  it('fills the host and status into the explanation', () => {
    const problem = problemFromVezaResponse({ status: 502, host: 'acme.vezacloud.com' });
    expect(problem?.explanation).toContain('(502)');
    const refused = problemFromVezaResponse({ status: 401, host: 'acme.vezacloud.com' });
    expect(refused?.explanation).toContain('The instance (acme.vezacloud.com)');
  });
});

describe('retryAfterSeconds', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  it('reads seconds and HTTP dates, and waits at least a second', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds('0', now)).toBe(1);
    expect(retryAfterSeconds('Wed, 01 Jan 2025 00:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(1);
  });
  it('falls back to 30 seconds when Veza gives no usable value', () => {
    expect(retryAfterSeconds(undefined, now)).toBe(30);
    expect(retryAfterSeconds('soon', now)).toBe(30);
  });
});
