import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe("Veza's error envelope", () => {
  it('matches the documented InvalidArgument example field for field', async () => {
    const answer = await call(sandbox, 'POST', '/api/v1/providers/custom', {
      body: { name: 'HR Portal', custom_template: 'hris' },
    });
    expect(answer.status).toBe(400);
    const { request_id, timestamp, ...rest } = answer.json;
    expect(Object.keys(answer.json)).toEqual([
      'code',
      'message',
      'request_id',
      'timestamp',
      'details',
    ]);
    expect(request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(rest).toEqual({
      code: 'InvalidArgument',
      message: 'Invalid Arguments',
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
  });

  it('gives every error its own request_id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i += 1)
      ids.add((await call(sandbox, 'GET', '/api/v1/teams/nope')).json.request_id);
    expect(ids.size).toBe(5);
  });

  it('answers NotFound with a ResourceInfo detail', async () => {
    const answer = await call(sandbox, 'GET', '/api/v1/teams/no-such-team');
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe('NotFound');
    expect(answer.json.details[0]).toEqual({
      '@type': 'type.googleapis.com/errorstatus.v1.ResourceInfo',
      resource_type: 'team',
      resource: 'no-such-team',
    });
  });

  it('turns body schema problems into field violations', async () => {
    const answer = await call(sandbox, 'POST', '/api/v1/providers/custom', {
      body: { custom_template: 'spaceship' },
    });
    expect(answer.status).toBe(400);
    const fields = answer.json.details[0].field_violations.map((v: { field: string }) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'custom_template']));
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await call(sandbox, 'POST', '/api/v1/teams', {
      headers: { 'content-type': 'application/json' },
      body: undefined,
      key: sandbox.keys.admin,
    });
    expect(answer.status).toBe(400); // an empty body parses as {} and misses `name`
    const raw = await fetch(`${sandbox.url}/api/v1/teams`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.keys.admin}`,
        'content-type': 'application/json',
      },
      body: '{"name": ',
    });
    expect(raw.status).toBe(400);
    expect(
      ((await raw.json()) as { details: { field_violations: { field: string }[] }[] }).details[0]
        ?.field_violations[0]?.field,
    ).toBe('body');
  });

  it('answers unknown API paths 404 and wrong methods 405, in the envelope', async () => {
    const missing = await call(sandbox, 'GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json.code).toBe('NotFound');
    const wrong = await call(sandbox, 'PUT', '/api/v1/users/self');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
  });

  it('serves HTML, not JSON, outside /api (the web app’s place)', async () => {
    const page = await call(sandbox, 'GET', '/', { key: null });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });
});
