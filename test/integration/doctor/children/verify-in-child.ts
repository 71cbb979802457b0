// Child process for the doctor tests: verify() in a process of its own, so the parent can give
// it an environment it cannot have itself (no Secret Service, a network namespace with no
// usable network). The key comes from the real keychain (--keychain PROFILE_ID) or from
// stdin (--key-stdin). VEZA_TEST_NETWORK (JSON) gives the instance's network settings, and
// VEZA_TEST_SYSTEM_RESOLVER=1 resolves names as the app does (the namespace's /etc/hosts)
// instead of the tests' loopback names. Prints the verdict as JSON.
import dns from 'node:dns';
import { verify } from '../../../../src/main/core/doctor/verify';
import { createKeytarSecretStore } from '../../../../src/main/core/secrets/keytar-secret-store';
import { loopbackTransport } from '../support/loopback-transport';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}

async function main(): Promise<void> {
  const [address = '', source = '', profileId = ''] = process.argv.slice(2);
  const readKey =
    source === '--keychain'
      ? () => createKeytarSecretStore().get(profileId)
      : async () => (await readStdin()) || undefined;
  const network = process.env.VEZA_TEST_NETWORK
    ? (JSON.parse(process.env.VEZA_TEST_NETWORK) as Record<string, unknown>)
    : undefined;
  const openTransport = loopbackTransport(
    process.env.VEZA_TEST_SYSTEM_RESOLVER === '1' ? { lookup: dns.lookup } : {},
  );
  const result = await verify({ address, readKey, ...(network && { network }) }, { openTransport });
  process.stdout.write(JSON.stringify(result));
}

void main();
