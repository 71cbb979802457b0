import { describe, expect, it } from 'vitest';
import { vezaEndpoints } from '../../../../src/shared/catalog/veza-endpoints';
import { problemCatalog } from '../../../../src/shared/problems/catalog';

// Veza's words for integrations reach the screen in problem cards and in the composer's help.
// An admin who is not a developer reads plain words first; the technical word stays in
// brackets, so it can be found in Veza's own screens and docs.

const all = [
  ...Object.entries(problemCatalog).map(([code, entry]) => ({
    where: `problem ${code}`,
    texts: [entry.title, entry.explanation, ...entry.fix],
  })),
  ...vezaEndpoints.map((endpoint) => ({
    where: `endpoint ${endpoint.id}`,
    texts: [endpoint.title, endpoint.description],
  })),
];
const sayingOaa = all.filter(({ texts }) => texts.some((text) => /\bOAA\b/.test(text)));
const sayingOaaPush = all.filter(({ texts }) => texts.some((text) => text.includes('oaa_push')));

describe('integration jargon in what users read', () => {
  it('is there to check (the team key card and the custom providers help use it)', () => {
    expect(sayingOaa.map(({ where }) => where)).toEqual(
      expect.arrayContaining(['problem FORBIDDEN_TEAM_KEY', 'endpoint customProviders.list']),
    );
    expect(sayingOaaPush.map(({ where }) => where)).toContain('problem FORBIDDEN_TEAM_KEY');
  });

  it.each(sayingOaa)('$where: OAA is spelled out where it is used', ({ texts }) => {
    expect(texts.join(' ')).toContain('Open Authorization API (OAA)');
  });

  it.each(sayingOaaPush)('$where: oaa_push comes after plain words, in brackets', ({ texts }) => {
    for (const text of texts)
      for (const match of text.matchAll(/oaa_push/g))
        expect(text.slice(0, match.index), text).toMatch(/integration data \(role $/);
  });
});
