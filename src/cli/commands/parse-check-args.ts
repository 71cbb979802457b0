import { parseArgs } from 'node:util';

export type CheckTarget =
  { kind: 'profile'; name: string } | { kind: 'all' } | { kind: 'url'; url: string };

/** How a command reaches an instance (check, api): where a --url key comes from, the network. */
export interface InstanceArgs {
  /** With --url: where the key comes from. Profiles use their keychain entry. */
  keySource: { kind: 'env'; names: string[] } | { kind: 'stdin' };
  caFile?: string;
  proxy?: string;
  timeoutMs?: number;
  /** --client-cert / --client-key: files of a certificate to show a server that asks for one. */
  clientCert?: string;
  clientKey?: string;
}

export interface CheckArgs extends InstanceArgs {
  target: CheckTarget;
  json: boolean;
  /** --check-timeout: the limit for one whole check (each instance's own under --all). */
  checkMs?: number;
}

/** The flags that choose an instance and how to reach it, for node:util parseArgs. */
export const instanceOptions = {
  profile: { type: 'string' },
  url: { type: 'string' },
  'key-env': { type: 'string' },
  'key-stdin': { type: 'boolean', default: false },
  'ca-file': { type: 'string' },
  proxy: { type: 'string' },
  timeout: { type: 'string' },
  'client-cert': { type: 'string' },
  'client-key': { type: 'string' },
} as const;

/** What parseArgs answers for instanceOptions. */
export interface InstanceValues {
  profile?: string;
  url?: string;
  'key-env'?: string;
  'key-stdin'?: boolean;
  'ca-file'?: string;
  proxy?: string;
  timeout?: string;
  'client-cert'?: string;
  'client-key'?: string;
}

/** The key source and network flags, checked; a string answer is the usage error to print. */
export function readInstanceArgs(values: InstanceValues): InstanceArgs | string {
  if ((values['key-env'] !== undefined || values['key-stdin']) && values.url === undefined) {
    return '--key-env and --key-stdin go with --url; saved instances use their key from the keychain.';
  }
  if (values['key-env'] !== undefined && values['key-stdin'])
    return 'Use either --key-env or --key-stdin, not both.';
  if (values['client-key'] !== undefined && values['client-cert'] === undefined)
    return '--client-key goes with --client-cert (the certificate it is the key of).';
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
      return '--timeout takes a whole number of milliseconds between 100 and 600000.';
    }
  }
  return {
    keySource: values['key-stdin']
      ? { kind: 'stdin' }
      : {
          kind: 'env',
          names:
            values['key-env'] !== undefined ? [values['key-env']] : ['VEZA_TOKEN', 'VEZA_API_KEY'],
        },
    caFile: values['ca-file'],
    proxy: values.proxy,
    timeoutMs,
    ...(values['client-cert'] !== undefined && { clientCert: values['client-cert'] }),
    ...(values['client-key'] !== undefined && { clientKey: values['client-key'] }),
  };
}

export const checkUsage = `Usage: veza-desk check (--profile NAME | --all | --url URL) [options]

Checks that an instance answers and that its API key works, layer by layer.

  --profile NAME     check one saved instance (its key comes from the keychain)
  --all              check every saved instance
  --url URL          check an address with a key from the environment or stdin
  --key-env NAME     environment variable holding the key (default: VEZA_TOKEN, then VEZA_API_KEY)
  --key-stdin        read the key from standard input
  --ca-file PATH     trust the certificate authorities in this PEM file
  --proxy URL        use this proxy (http://host:port)
  --timeout MS       give up on a step after this many milliseconds
  --client-cert FILE show this client certificate to a server that asks for one (PEM, or .p12/.pfx)
  --client-key FILE  the PEM private key of --client-cert (passphrase: VEZA_CLIENT_CERT_PASSPHRASE)
  --check-timeout MS give up on a whole check after this many milliseconds (default 30000)
  --json             print one JSON object instead of text

Exit status: 0 the key works, 1 a problem was found, 2 usage error.
`;

/** The one instance or all of them (check, integrations); a string answer is the usage error. */
export function readTarget(values: InstanceValues & { all?: boolean }): CheckTarget | string {
  const targets = [values.profile !== undefined, values.all, values.url !== undefined].filter(
    Boolean,
  ).length;
  if (targets !== 1) return 'Give exactly one of --profile NAME, --all or --url URL.';
  return values.profile !== undefined
    ? { kind: 'profile', name: values.profile }
    : values.url !== undefined
      ? { kind: 'url', url: values.url }
      : { kind: 'all' };
}

/** Parses `veza-desk check` arguments; a string answer is the usage error to print. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        ...instanceOptions,
        all: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        'check-timeout': { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const target = readTarget(values);
  if (typeof target === 'string') return target;
  const instance = readInstanceArgs(values);
  if (typeof instance === 'string') return instance;
  let checkMs: number | undefined;
  if (values['check-timeout'] !== undefined) {
    checkMs = Number(values['check-timeout']);
    if (!Number.isInteger(checkMs) || checkMs < 1_000 || checkMs > 600_000)
      return '--check-timeout takes a whole number of milliseconds between 1000 and 600000.';
  }
  return { target, ...instance, json: values.json, ...(checkMs !== undefined && { checkMs }) };
}
