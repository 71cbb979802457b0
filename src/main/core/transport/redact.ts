/**
 * Removes secrets from any text that may reach a log, a Problem or the UI: the credential
 * values the transport knows about, any `Bearer`/`Basic` token, and passwords written into
 * URLs (proxy URLs from the environment carry them).
 */
export type Redactor = (text: string) => string;

const MASK = '[redacted]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  // Longest first, so a secret that contains another is masked whole. Very short values are
  // skipped: masking "a" everywhere would make texts unreadable and protect nothing.
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4))]
    .flatMap((s) => [s, encodeURIComponent(s), Buffer.from(s).toString('base64')])
    .sort((a, b) => b.length - a.length);
  const secretPattern = values.length
    ? new RegExp(values.map(escapeRegExp).join('|'), 'g')
    : undefined;
  return (text) => {
    let out = secretPattern ? text.replace(secretPattern, MASK) : text;
    out = out.replace(/\b(Bearer|Basic|NTLM|Negotiate)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${MASK}`);
    out = out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi, `$1:${MASK}@`);
    return out;
  };
}

/** Every string inside a value (a Problem, a verdict, a result) passed through the redactor. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]),
    ) as T;
  }
  return value;
}
