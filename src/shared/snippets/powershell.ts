import type { RequestSpec } from '../requests/request-spec';
import { buildRequestTarget } from '../requests/build-request-url';
import { effectiveHeaders, hasBody } from '../requests/effective-headers';
import { tokenVariable, urlVariable } from './environment-variables';

// PowerShell reads the typographic quotes ‘ ’ ‚ ‛ as single quotes and “ ” „ as double quotes.
const singleQuotes = /['\u2018\u2019\u201A\u201B]/g;
const specialInDoubleQuotes = /[$`"\u201C\u201D\u201E]/;

/** A single-quoted PowerShell string: nothing expands; each quote sign is doubled. */
export function powershellQuote(text: string): string {
  return `'${text.replace(singleQuotes, '$&$&')}'`;
}

/**
 * A verbatim here-string (@'...'@) keeps JSON readable with no escaping at all; it only ends
 * at a line starting with '@, so a body holding such a line gets a single-quoted string.
 */
function powershellBodyLiteral(body: string): string {
  const endsHereString = /(^|\n)['\u2018\u2019\u201A\u201B]@/.test(body);
  return endsHereString ? powershellQuote(body) : `@'\n${body}\n'@`;
}

function powershellUri(target: string): string {
  return specialInDoubleQuotes.test(target)
    ? `($env:${urlVariable} + ${powershellQuote(target)})`
    : `"$env:${urlVariable}${target}"`;
}

const methodNames: Record<RequestSpec['method'], string> = {
  GET: 'Get',
  POST: 'Post',
  PUT: 'Put',
  PATCH: 'Patch',
  DELETE: 'Delete',
};

/**
 * PowerShell's Invoke-RestMethod, reading $env:VEZA_URL and $env:VEZA_TOKEN. Content-Type goes
 * to -ContentType (Windows PowerShell refuses it in -Headers); with a non-ASCII body it names
 * UTF-8, which Windows PowerShell 5.1 would not use otherwise.
 */
export function powershellSnippet(spec: RequestSpec): string {
  const rows = effectiveHeaders(spec);
  const contentType = rows.find((row) => row.name.trim().toLowerCase() === 'content-type');
  const headerEntries = [
    `Authorization = "Bearer $env:${tokenVariable}"`,
    ...rows
      .filter((row) => row !== contentType)
      .map((row) => `${powershellQuote(row.name.trim())} = ${powershellQuote(row.value)}`),
  ];
  const lines = [
    `Invoke-RestMethod -Method ${methodNames[spec.method]} -Uri ${powershellUri(buildRequestTarget(spec))}`,
    `-Headers @{ ${headerEntries.join('; ')} }`,
  ];
  const prelude: string[] = [];
  if (contentType) {
    const needsCharset =
      hasBody(spec) && /[\u0080-\uFFFF]/.test(spec.body) && !/charset/i.test(contentType.value);
    lines.push(
      `-ContentType ${powershellQuote(contentType.value + (needsCharset ? '; charset=utf-8' : ''))}`,
    );
  }
  if (hasBody(spec)) {
    prelude.push(`$body = ${powershellBodyLiteral(spec.body)}`);
    lines.push('-Body $body');
  }
  return [...prelude, lines.join(' `\n  ')].join('\n');
}
