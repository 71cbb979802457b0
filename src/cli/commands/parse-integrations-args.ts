import { parseArgs } from 'node:util';
import { defaultStaleHours } from '../../shared/integrations/integration-health';
import {
  instanceOptions,
  readInstanceArgs,
  readTarget,
  type CheckTarget,
  type InstanceArgs,
} from './parse-check-args';

export interface IntegrationsArgs extends InstanceArgs {
  target: CheckTarget;
  json: boolean;
  /** --failing: show only the data sources that fail or are stale. */
  failing: boolean;
  /** --stale-hours: a data source not synced for longer than this is stale. */
  staleHours: number;
}

export const integrationsUsage = `Usage: veza-desk integrations (--profile NAME | --all | --url URL) [options]

Shows every provider and data source of an instance: working, waiting, failing or switched
off, when each last synced, and why a failing one fails, in Veza's words and plain ones.

  --profile NAME     one saved instance (its key comes from the keychain)
  --all              every saved instance
  --url URL          an address, with a key from the environment or stdin
  --key-env NAME     environment variable holding the key (default: VEZA_TOKEN, then VEZA_API_KEY)
  --key-stdin        read the key from standard input
  --failing          show only the data sources that fail or are stale
  --stale-hours N    a data source not synced for more than N hours is stale (default ${defaultStaleHours})
  --ca-file PATH     trust the certificate authorities in this PEM file
  --proxy URL        use this proxy (http://host:port)
  --timeout MS       give up on a request after this many milliseconds
  --client-cert FILE show this client certificate to a server that asks for one (PEM, or .p12/.pfx)
  --client-key FILE  the PEM private key of --client-cert (passphrase: VEZA_CLIENT_CERT_PASSPHRASE)
  --json             print JSON: one object per instance (a list with --all)

Exit status: 0 all well, 1 a data source fails or is stale (or an instance could not be read),
2 usage error.
`;

/** Parses `veza-desk integrations` arguments; a string answer is the usage error to print. */
export function parseIntegrationsArgs(argv: readonly string[]): IntegrationsArgs | string {
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
        failing: { type: 'boolean', default: false },
        'stale-hours': { type: 'string' },
      },
    }));
  } catch (error) {
    return (error as Error).message;
  }
  const target = readTarget(values);
  if (typeof target === 'string') return target;
  const instance = readInstanceArgs(values);
  if (typeof instance === 'string') return instance;
  let staleHours = defaultStaleHours;
  if (values['stale-hours'] !== undefined) {
    staleHours = Number(values['stale-hours']);
    if (!/^\d+(\.\d+)?$/.test(values['stale-hours']) || staleHours <= 0 || staleHours > 8760)
      return '--stale-hours takes a number of hours above 0 and at most 8760 (a year).';
  }
  return { target, ...instance, json: values.json, failing: values.failing, staleHours };
}
