/** Where a pasted command sends its request: an address, an environment variable, or nothing. */
export type ImportedBase =
  | { kind: 'origin'; origin: string }
  | { kind: 'variable'; name: string }
  | { kind: 'placeholder'; text: string }
  | { kind: 'none' };

const variablePrefix = /^(?:\$\{(\w+)\}|\$env:(\w+)|\$(\w+)|%(\w+)%)/i;

/**
 * Splits a URL as written in a command into its base and its target (path + query). The base
 * may be a variable ($VEZA_URL, ${VEZA_URL}, %VEZA_URL%, $env:VEZA_URL) if the shell really
 * reads it, an origin, or a placeholder such as https://<url> from documentation.
 */
export function splitUrl(
  url: string,
  variables: readonly string[],
): { base: ImportedBase; target: string; userInfoDropped: boolean } {
  const variable = variablePrefix.exec(url);
  const name = variable && (variable[1] ?? variable[2] ?? variable[3] ?? variable[4]);
  if (variable && name && variables.includes(name)) {
    return {
      base: { kind: 'variable', name },
      target: url.slice(variable[0].length),
      userInfoDropped: false,
    };
  }
  if (url.startsWith('/')) return { base: { kind: 'none' }, target: url, userInfoDropped: false };

  // curl takes an address without a scheme as http://; Veza only speaks https.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`;
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(withScheme);
  const scheme = (match?.[1] ?? 'https').toLowerCase();
  const authority = match?.[2] ?? '';
  const at = authority.lastIndexOf('@');
  const host = at < 0 ? authority : authority.slice(at + 1);
  const origin = `${scheme}://${host}`;
  const base: ImportedBase = /[<>{}]/.test(host)
    ? { kind: 'placeholder', text: origin }
    : { kind: 'origin', origin: origin.toLowerCase() };
  return { base, target: match?.[3] ?? '', userInfoDropped: at >= 0 };
}
