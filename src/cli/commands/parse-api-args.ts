import { parseArgs } from 'node:util';
import { httpMethods, type HttpMethod } from '../../shared/http-protocol/http-method';
import type { RequestRow } from '../../shared/requests/request-spec';
import { instanceOptions, readInstanceArgs, type InstanceArgs } from './parse-check-args';

export interface ApiArgs extends InstanceArgs {
  target: { kind: 'profile'; name: string } | { kind: 'url'; url: string };
  method: HttpMethod;
  /** The path as typed, with "/" added in front when missing (its query is split off). */
  path: string;
  query: RequestRow[];
  /** --data: the text itself, or the file to read it from (@file). */
  data?: { kind: 'text'; text: string } | { kind: 'file'; path: string };
  paginate: boolean;
  include: boolean;
  jsonErrors: boolean;
  /** A write to a production instance is sent only with --yes. */
  yes: boolean;
}

export const apiUsage = `Usage: veza-desk api PATH (--profile NAME | --url URL) [options]

Sends one request to Veza's API, as the app's request workspace does, and prints Veza's JSON
answer on stdout. PATH is the API path, e.g. /api/v1/providers (a ?query is allowed).

  --profile NAME        a saved instance (its key comes from the keychain)
  --url URL             an address that is not saved, with a key from the environment or stdin
  --key-env NAME        with --url: variable holding the key (default: VEZA_TOKEN, then VEZA_API_KEY)
  --key-stdin           with --url: read the key from standard input
  -X, --method METHOD   GET, POST, PUT, PATCH or DELETE (default: GET, or POST with --data)
  --data JSON           the request body; --data @FILE reads it from a file (@- from stdin)
  -q, --query NAME=VALUE  a query parameter (repeat for more; the value is sent encoded)
  --paginate            follow every page and print one document with the whole list
  --include             print the answer's status and headers on stderr
  --json-errors         print a failure as one JSON object on stderr instead of text
  --yes                 confirm a change (anything but GET) to an instance marked production
  --ca-file PATH        trust the certificate authorities in this PEM file
  --proxy URL           use this proxy (http://host:port)
  --timeout MS          give up waiting after this many milliseconds
  --client-cert FILE    show this client certificate to a server that asks for one (PEM, or .p12/.pfx)
  --client-key FILE     the PEM private key of --client-cert (passphrase: VEZA_CLIENT_CERT_PASSPHRASE)

Exit status: 0 Veza answered 2xx, 1 a problem (printed on stderr), 2 usage error.
`;

function queryRow(text: string): RequestRow | string {
  const at = text.indexOf('=');
  if (at <= 0) return `-q takes NAME=VALUE, e.g. -q page_size=100 (got "${text}").`;
  return { name: text.slice(0, at), value: text.slice(at + 1), enabled: true };
}

/** Parses `veza-desk api` arguments; a string answer is the usage error to print. */
export function parseApiArgs(argv: readonly string[]): ApiArgs | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        ...instanceOptions,
        method: { type: 'string', short: 'X' },
        data: { type: 'string' },
        query: { type: 'string', short: 'q', multiple: true, default: [] },
        paginate: { type: 'boolean', default: false },
        include: { type: 'boolean', default: false },
        'json-errors': { type: 'boolean', default: false },
        yes: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return 'Give exactly one API path, e.g. /api/v1/providers.';
  if ((values.profile === undefined) === (values.url === undefined))
    return 'Give exactly one of --profile NAME or --url URL.';
  const instance = readInstanceArgs(values);
  if (typeof instance === 'string') return instance;

  const typed = positionals[0] ?? '';
  const [rawPath = '', rawQuery] = typed.split(/\?(.*)/s);
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  const query: RequestRow[] = [];
  for (const [name, value] of new URLSearchParams(rawQuery ?? ''))
    query.push({ name, value, enabled: true });
  for (const text of values.query) {
    const row = queryRow(text);
    if (typeof row === 'string') return row;
    query.push(row);
  }

  const method = (values.method ?? (values.data !== undefined ? 'POST' : 'GET')).toUpperCase();
  if (!(httpMethods as readonly string[]).includes(method))
    return `-X takes one of ${httpMethods.join(', ')} (got "${values.method}").`;
  const data =
    values.data === undefined
      ? undefined
      : values.data.startsWith('@')
        ? ({ kind: 'file', path: values.data.slice(1) } as const)
        : ({ kind: 'text', text: values.data } as const);
  if (data?.kind === 'file' && data.path === '') return '--data @FILE needs a file name.';
  if (data?.kind === 'file' && data.path === '-' && instance.keySource.kind === 'stdin')
    return '--data @- and --key-stdin cannot both read standard input.';
  return {
    target:
      values.profile !== undefined
        ? { kind: 'profile', name: values.profile }
        : { kind: 'url', url: values.url ?? '' },
    ...instance,
    method: method as HttpMethod,
    path,
    query,
    ...(data ? { data } : {}),
    paginate: values.paginate,
    include: values.include,
    jsonErrors: values['json-errors'],
    yes: values.yes,
  };
}
