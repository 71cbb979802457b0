import type { RequestSpec } from '../requests/request-spec';
import { buildRequestTarget } from '../requests/build-request-url';
import { effectiveHeaders, hasBody } from '../requests/effective-headers';
import { tokenVariable, urlVariable } from './environment-variables';

/**
 * Quotes any text as one bash/zsh word. Inside single quotes nothing is special ($, `, \, !,
 * newlines, unicode all stay as they are); a single quote itself is closed, escaped, reopened.
 */
export function bashQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// Inside double quotes bash still expands $ ` \ and (interactively) ! history, and " ends it.
const plainInDoubleQuotes = /^[^$`\\"!]*$/;

/** "$VEZA_URL/path": the variable expands, the rest is taken as written. */
function bashUrl(target: string): string {
  return plainInDoubleQuotes.test(target)
    ? `"$${urlVariable}${target}"`
    : `"$${urlVariable}"${bashQuote(target)}`;
}

/** curl for bash or zsh (macOS, Linux, WSL, Git Bash), reading $VEZA_URL and $VEZA_TOKEN. */
export function curlBashSnippet(spec: RequestSpec): string {
  const lines = [
    `curl -X ${spec.method} ${bashUrl(buildRequestTarget(spec))}`,
    `-H "Authorization: Bearer $${tokenVariable}"`,
    ...effectiveHeaders(spec).map((row) => `-H ${bashQuote(`${row.name.trim()}: ${row.value}`)}`),
  ];
  if (hasBody(spec)) lines.push(`--data-raw ${bashQuote(spec.body)}`);
  return lines.join(' \\\n  ');
}
