import { ProblemError } from '../problem-error';
import { createRedactor } from './redact';

/** The absolute http(s) URL of a request, or URL_INVALID. */
export function parseTarget(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw ProblemError.of('URL_INVALID', {
      raw: 'Not an absolute URL.',
      facts: { url: createRedactor()(url) },
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw ProblemError.of('URL_INVALID', {
      raw: `Unsupported scheme ${parsed.protocol}`,
      facts: { url: parsed.origin },
    });
  }
  return parsed;
}
