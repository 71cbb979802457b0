import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../src/sandbox/faults/fault-rules';
import type { DemoKeyName } from '../../../src/sandbox/model/seed-identities';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox';
import { call } from './support/call-sandbox';
import { shapeDifference, valuesAt, type ShapeOptions } from './support/doc-shape';

// Every request and answer example taken from Veza's docs and Veza's own client
// (test/fixtures/veza-docs/*.json, each naming its source) against the simulated Veza over real
// HTTP on 127.0.0.1: the example request is accepted, and the answer has the documented shape
// (the same keys with the same value types; ids and times may differ). Placeholders such as
// {team_id} in a fixture stand for ids of this sandbox.

interface Fixture extends ShapeOptions {
  source: string;
  key?: DemoKeyName;
  fault?: FaultRule;
  request: { method: string; path: string; body?: unknown };
  response: { status: number; body: unknown };
  /** Keys the answer must not have at the top (e.g. has_more where the docs have none). */
  absentKeys?: string[];
  /** Paths whose values must equal the example's (Veza's fixed error texts). */
  sameValues?: string[];
  /** For each list key, fields every item must have with these values. */
  everyItem?: Record<string, Record<string, unknown>>;
}

const folder = path.resolve(__dirname, '../../fixtures/veza-docs');
const fixtures = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({
    name,
    fixture: JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Fixture,
  }));

let sandbox: Sandbox;
const ids: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startSandbox();
  ids.team_id = sandbox.demo.teams.platform;
  const queries = await call(sandbox, 'GET', '/api/v1/assessments/queries');
  ids.query_id = queries.json.values[0].id;
  const sources = await call(sandbox, 'GET', '/api/v1/providers/datasources');
  ids.datasource_id = sources.json.values[0].id;
  const providers = await call(sandbox, 'GET', '/api/v1/providers');
  ids.builtin_provider_id = providers.json.values[0].id;
  const custom = await call(sandbox, 'GET', '/api/v1/providers/custom?filter=name+eq+"HR+Portal"');
  ids.provider_id = custom.json.values[0].id;
  const oaa = await call(sandbox, 'GET', `/api/v1/providers/custom/${ids.provider_id}/datasources`);
  ids.oaa_datasource_id = oaa.json.values[0].id;
  ids.recent_time = new Date(sandbox.clock.now().getTime() - 3_600_000).toISOString();
});
afterAll(() => sandbox.close());

function fill<T>(value: T, more: Record<string, string>): T {
  const all = { ...ids, ...more };
  const text = JSON.stringify(value).replace(
    /\{(\w+)\}/g,
    (whole, name: string) => all[name] ?? whole,
  );
  return JSON.parse(text) as T;
}

describe('Veza’s documented examples against the simulator', () => {
  it('has the fixtures, each naming its source', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    for (const { name, fixture } of fixtures)
      expect(fixture.source, name).toMatch(/docs\.veza\.com\/4yItIzMvkpAvMVFAamTf\/|oaaclient-py/);
  });

  it.each(fixtures)('$name', async ({ fixture }) => {
    // A team key of its own for the calls that change one (rename, revoke, delete).
    const more: Record<string, string> = {};
    if (JSON.stringify(fixture.request).includes('{team_key_id}'))
      more.team_key_id = sandbox.control.createTeamKey({
        teamId: sandbox.demo.teams.platform,
        name: `doc example ${fixture.request.method}`,
      }).id;
    const request = fill(fixture.request, more);
    const faultId = fixture.fault ? sandbox.faults.add({ ...fixture.fault, times: 1 }) : undefined;
    try {
      const answer = await call(sandbox, request.method, request.path, {
        key: sandbox.keys[fixture.key ?? 'admin'],
        body: request.body,
      });
      const expected = fixture.response;
      if (expected.body === null) {
        // The docs show the request only: it must be accepted, with a JSON object.
        expect(answer.status, answer.text).toBeGreaterThanOrEqual(200);
        expect(answer.status, answer.text).toBeLessThan(300);
        expect(typeof answer.json).toBe('object');
        return;
      }
      expect(answer.status, answer.text).toBe(expected.status);
      expect(shapeDifference(expected.body, answer.json, fixture), answer.text).toBe(undefined);
      for (const key of fixture.absentKeys ?? []) expect(answer.json).not.toHaveProperty(key);
      for (const at of fixture.sameValues ?? [])
        expect(valuesAt(answer.json, at), at).toEqual(valuesAt(expected.body, at));
      for (const [list, fields] of Object.entries(fixture.everyItem ?? {})) {
        expect(answer.json[list].length).toBeGreaterThan(0);
        for (const item of answer.json[list]) expect(item).toMatchObject(fields);
      }
    } finally {
      if (faultId) sandbox.faults.remove(faultId);
    }
  });
});
