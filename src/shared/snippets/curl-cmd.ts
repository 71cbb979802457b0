import type { RequestSpec } from '../requests/request-spec';
import { buildRequestTarget } from '../requests/build-request-url';
import { effectiveHeaders, hasBody } from '../requests/effective-headers';
import { tokenVariable, urlVariable } from './environment-variables';

/** A piece of a cmd argument: `variable` is written as %NAME% to expand, `text` literally. */
export type CmdPart = { variable: string } | { text: string };

/**
 * curl.exe reads its arguments with the Microsoft C runtime rules: a quote inside an argument
 * is \", and backslashes are doubled only where they come before a quote (or the end).
 */
function escapeForCRuntime(text: string): string {
  return text.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1');
}

/**
 * Two layers read a cmd command line: cmd.exe itself (%VAR% expansion, ^ escapes, & | < >
 * outside quotes), then curl.exe's C runtime. When the text has no quote, percent sign or
 * line break, plain double quotes are enough: cmd leaves everything else inside them alone.
 * Otherwise we use the caret form Chrome's "Copy as cURL (cmd)" uses: quotes written ^" so cmd
 * does not see them as quotes, every unusual sign escaped with ^, %^ so no %NAME% pair can
 * expand, and a line break as ^ + two line breaks.
 */
export function cmdArgument(parts: readonly CmdPart[]): string {
  const texts = parts.map((part) => ('text' in part ? part.text : ''));
  const simple = texts.every((text) => !/["%\r\n]/.test(text));
  if (simple) {
    const inner = parts.map((part) => ('text' in part ? part.text : `%${part.variable}%`)).join('');
    return `"${inner.replace(/(\\+)$/, '$1$1')}"`;
  }
  const escaped = parts.map((part, index) => {
    if (!('text' in part)) return `%${part.variable}%`;
    const crt =
      index === parts.length - 1
        ? escapeForCRuntime(part.text)
        : part.text.replace(/(\\*)"/g, '$1$1\\"');
    return crt
      .replace(/[^a-zA-Z0-9 \t_\-:=+~'/.,?;()*`\r\n]/g, '^$&')
      .replace(/%(?=[a-zA-Z0-9_])/g, '%^')
      .replace(/\r?\n/g, '^\n\n');
  });
  return `^"${escaped.join('')}^"`;
}

/** curl.exe for the Windows Command Prompt, reading %VEZA_URL% and %VEZA_TOKEN%. */
export function curlCmdSnippet(spec: RequestSpec): string {
  const lines = [
    `curl.exe -X ${spec.method} ${cmdArgument([{ variable: urlVariable }, { text: buildRequestTarget(spec) }])}`,
    `-H ${cmdArgument([{ text: 'Authorization: Bearer ' }, { variable: tokenVariable }])}`,
    ...effectiveHeaders(spec).map(
      (row) => `-H ${cmdArgument([{ text: `${row.name.trim()}: ${row.value}` }])}`,
    ),
  ];
  if (hasBody(spec)) lines.push(`--data-raw ${cmdArgument([{ text: spec.body }])}`);
  return lines.join(' ^\n  ');
}
