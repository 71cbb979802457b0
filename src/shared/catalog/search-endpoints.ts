import { endpointAreas, type VezaEndpoint } from './endpoint';
import { matchPathTemplate } from './path-template';
import { vezaEndpoints } from './veza-endpoints';
import { httpMethods, type HttpMethod } from '../http-protocol/http-method';

/** Lower-case words of a text, split on anything that is not a letter or digit. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** How well one query word fits an endpoint: 0 means not at all. */
function wordScore(
  word: string,
  endpoint: VezaEndpoint,
  titleWords: string[],
  otherWords: string[],
): number {
  if (titleWords.some((titleWord) => titleWord === word)) return 4;
  if (titleWords.some((titleWord) => titleWord.startsWith(word))) return 3;
  if (endpoint.path.toLowerCase().includes(word)) return 2;
  if (otherWords.some((other) => other.startsWith(word))) return 1;
  return 0;
}

function searchByPath(query: string, catalogue: readonly VezaEndpoint[], method?: HttpMethod) {
  const path = query.split(/[?#]/)[0] ?? query;
  const byMethod = (endpoint: VezaEndpoint) => !method || endpoint.method === method;
  // A concrete path (IDs filled in) finds its template; a partial one finds what it begins.
  const exact = catalogue.filter(
    (endpoint) => byMethod(endpoint) && matchPathTemplate(endpoint.path, path),
  );
  const lowered = path.toLowerCase();
  const prefixed = catalogue.filter(
    (endpoint) =>
      byMethod(endpoint) &&
      !exact.includes(endpoint) &&
      endpoint.path.toLowerCase().startsWith(lowered),
  );
  return [...exact, ...prefixed.sort((a, b) => a.path.length - b.path.length)];
}

/**
 * The endpoints a composer should suggest for what the user typed: a path ("/api/v1/prov",
 * or a concrete one with IDs), an optional method first ("POST /api/..."), or plain words
 * ("list data sources", "team key"). Best first; an empty query lists the whole catalogue.
 */
export function searchEndpoints(
  query: string,
  catalogue: readonly VezaEndpoint[] = vezaEndpoints,
): VezaEndpoint[] {
  const trimmed = query.trim();
  if (!trimmed) return [...catalogue];
  const [first = '', ...rest] = trimmed.split(/\s+/);
  const method = httpMethods.find((candidate) => candidate === first.toUpperCase());
  const remainder = method ? rest.join(' ') : trimmed;
  if (remainder.startsWith('/')) return searchByPath(remainder, catalogue, method);

  const queryWords = wordsOf(remainder);
  const scored = catalogue
    .filter((endpoint) => !method || endpoint.method === method)
    .map((endpoint, order) => {
      const titleWords = wordsOf(endpoint.title);
      const otherWords = wordsOf(
        `${endpoint.description} ${endpointAreas[endpoint.area]} ${endpoint.method} ${endpoint.path}`,
      );
      const scores = queryWords.map((word) => wordScore(word, endpoint, titleWords, otherWords));
      const score = scores.every((value) => value > 0) ? scores.reduce((a, b) => a + b, 0) : 0;
      return { endpoint, score, order };
    })
    .filter((entry) => entry.score > 0);
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((entry) => entry.endpoint);
}

/** The catalogue entry a request is an instance of, for showing its help next to the composer. */
export function findEndpoint(
  method: HttpMethod,
  path: string,
  catalogue: readonly VezaEndpoint[] = vezaEndpoints,
): VezaEndpoint | undefined {
  const bare = path.split(/[?#]/)[0] ?? path;
  return catalogue.find(
    (endpoint) => endpoint.method === method && matchPathTemplate(endpoint.path, bare),
  );
}
