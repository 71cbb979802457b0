import { isCredentialHeader, type RequestRow, type RequestSpec } from './request-spec';

// Row names that carry a secret by their name alone. page_token is Veza's paging cursor, not a
// secret, and is kept.
const secretName =
  /^(x-)?(api[-_]?key|api[-_]?token|access[-_]?token|auth[-_]?token|token|secret|client[-_]?secret|password|x-veza-token)$/i;

export function isSecretRowName(name: string): boolean {
  return isCredentialHeader(name) || secretName.test(name.trim());
}

/**
 * A request made fit to keep in a file that may travel (saved requests, their export): no
 * credential headers, no header or query row named like a secret. Answers what it removed, in
 * plain words.
 */
export function stripSecrets(spec: RequestSpec): { spec: RequestSpec; removed: string[] } {
  const removed: string[] = [];
  const keep = (where: string) => (row: RequestRow) => {
    if (!isSecretRowName(row.name)) return true;
    removed.push(`${where} "${row.name}"`);
    return false;
  };
  return {
    spec: {
      ...spec,
      headers: spec.headers.filter(keep('header')),
      query: spec.query.filter(keep('query parameter')),
    },
    removed,
  };
}

/** Whether any of `keys` appears anywhere in the request: path, rows or body. */
export function specContainsKey(spec: RequestSpec, keys: readonly string[]): boolean {
  const text = JSON.stringify(spec);
  // JSON escaping could hide a key with quotes or backslashes; check the raw parts too.
  const parts = [
    spec.path,
    spec.body ?? '',
    ...[...spec.query, ...spec.headers].flatMap((r) => [r.name, r.value]),
  ];
  return keys.some(
    (key) => key.length > 0 && (text.includes(key) || parts.some((part) => part.includes(key))),
  );
}
