import type { RequestSpec } from '../requests/request-spec';
import { buildRequestTarget } from '../requests/build-request-url';
import { effectiveHeaders, hasBody } from '../requests/effective-headers';
import { tokenVariable, urlVariable } from './environment-variables';

const pythonEscapes: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** One character as Python source: invisible ones, line separators and lone surrogates escaped. */
function pythonCharacter(character: string): string {
  const escape = pythonEscapes[character];
  if (escape) return escape;
  const code = character.codePointAt(0) ?? 0;
  const invisible = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
  const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
  if (!invisible && !loneSurrogate) return character;
  return code > 0xff
    ? `\\u${code.toString(16).padStart(4, '0')}`
    : `\\x${code.toString(16).padStart(2, '0')}`;
}

/** A Python 3 string literal: backslash escapes for quotes, backslashes and invisible signs. */
export function pythonQuote(text: string): string {
  return `'${Array.from(text, pythonCharacter).join('')}'`;
}

/** Python's http.client sends str header values as Latin-1; other text goes as UTF-8 bytes, like curl. */
function pythonHeaderValue(value: string): string {
  return /[\u0080-\uFFFF]/.test(value)
    ? `${pythonQuote(value)}.encode('utf-8')`
    : pythonQuote(value);
}

/** A multi-line body as one literal per line, joined by Python, so JSON stays readable. */
function pythonBody(body: string): string {
  const lines = body.split(/(?<=\n)/);
  if (lines.length === 1) return pythonQuote(body);
  return `(\n${lines.map((line) => `    ${pythonQuote(line)}`).join('\n')}\n)`;
}

/**
 * Python with requests, reading os.environ['VEZA_URL'] and os.environ['VEZA_TOKEN']. The body
 * is sent as UTF-8 bytes (requests would encode a str body as Latin-1 and fail on other text).
 */
export function pythonRequestsSnippet(spec: RequestSpec): string {
  const headerLines = [
    `    'Authorization': 'Bearer ' + os.environ['${tokenVariable}'],`,
    ...effectiveHeaders(spec).map(
      (row) => `    ${pythonQuote(row.name.trim())}: ${pythonHeaderValue(row.value)},`,
    ),
  ];
  const lines = [
    'import os',
    '',
    'import requests',
    '',
    `url = os.environ['${urlVariable}'] + ${pythonQuote(buildRequestTarget(spec))}`,
    'headers = {',
    ...headerLines,
    '}',
  ];
  const call = [`'${spec.method}'`, 'url', 'headers=headers'];
  if (hasBody(spec)) {
    lines.push(`body = ${pythonBody(spec.body)}`);
    call.push("data=body.encode('utf-8')");
  }
  lines.push(
    '',
    `response = requests.request(${call.join(', ')})`,
    'print(response.status_code)',
    'print(response.text)',
  );
  return lines.join('\n') + '\n';
}
