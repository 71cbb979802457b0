import type { KeyKind } from '../../../shared/doctor/verification';
import { fetchAllPages, type VezaPage } from '../../../shared/paging/fetch-all-pages';
import type { Problem } from '../../../shared/problems/problem';
import { problemFromVezaResponse } from '../../../shared/veza/problem-from-veza-response';
import type { JsonAnswer } from '../veza/read-json-answer';

export type VezaGet = (path: string) => Promise<JsonAnswer>;

export type ReachProbe =
  { ok: true; keyKind: KeyKind; reach: Record<string, number> } | { ok: false; problem: Problem };

const refused = (answer: JsonAnswer) => answer.status === 401 || answer.status === 403;
// Counting stops here: the point is "what it reaches", not a full inventory of a big tenant.
const maxCountPages = 10;

async function countAll(get: VezaGet, path: string, first: JsonAnswer): Promise<number> {
  const page = (answer: JsonAnswer) => (answer.json ?? { values: [] }) as VezaPage;
  let firstUsed = false;
  const all = await fetchAllPages<unknown>(
    async (token) => {
      if (!firstUsed) {
        firstUsed = true;
        return page(first);
      }
      const answer = await get(`${path}&page_token=${encodeURIComponent(token ?? '')}`);
      if (answer.status !== 200) throw new Error(`page answered ${answer.status}`);
      return page(answer);
    },
    { maxPages: maxCountPages },
  );
  return all.values.length;
}

/**
 * Tells a personal key from a team key by what it may do, as Veza documents it: a personal
 * key reaches /api/v1/providers; a team key (role oaa_push) is refused there but lists the
 * custom provider templates. A key refused both is a personal key without the roles.
 */
export async function probeKeyReach(get: VezaGet): Promise<ReachProbe> {
  const providersPath = '/api/v1/providers?page_size=100';
  const providers = await get(providersPath);
  if (providers.status === 200) {
    return {
      ok: true,
      keyKind: 'personal',
      reach: { providers: await countAll(get, providersPath, providers).catch(() => 0) },
    };
  }
  if (!refused(providers)) return { ok: false, problem: problemOf(providers, 'personal') };
  const templates = await get('/api/v1/providers/custom/templates');
  if (templates.status === 200) {
    const values = (templates.json as { values?: unknown[] } | undefined)?.values;
    return {
      ok: true,
      keyKind: 'team',
      reach: { customProviderTemplates: Array.isArray(values) ? values.length : 0 },
    };
  }
  return { ok: false, problem: problemOf(refused(templates) ? providers : templates, 'personal') };
}

function problemOf(answer: JsonAnswer, keyKind: KeyKind): Problem {
  const problem = problemFromVezaResponse({
    status: answer.status,
    body: answer.text,
    retryAfter: answer.retryAfter,
    keyKind,
    // Probed after the doctor's key step: the key passed our format check.
    keyWellFormed: true,
  });
  if (!problem) throw new Error(`No problem for status ${answer.status}`);
  return problem;
}
