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

/**
 * The base64 text of a secret wherever it sits inside a longer encoded blob ("Bearer <key>"
 * base64-encoded, a cookie, a token): at each of the three byte alignments, the characters
 * that depend on the secret's bytes alone. Plain and URL-safe alphabets.
 */
function base64Cores(secret: string): string[] {
  const bytes = Buffer.from(secret);
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = offset === 0 ? 0 : 4;
    const whole = Math.floor((offset + bytes.length) / 3) * 4;
    const core = encoded.slice(first, whole);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every form a secret can be echoed in: as is, URL-encoded, base64 (alone or inside a blob). */
export function secretForms(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString('base64'),
      ...base64Cores(secret),
    ]),
  ];
}

export function createRedactor(secrets: readonly (string | undefined)[] = []): Redactor {
  // Longest first, so a secret that contains another is masked whole. Very short values are
  // skipped: masking "a" everywhere would make texts unreadable and protect nothing.
  const values = [...new Set(secrets.filter((s): s is string => !!s && s.length >= 4))]
    .flatMap(secretForms)
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
