// Child process for the doctor tests: verify() in a process of its own, so the parent can give
// it an environment it cannot have itself (no Secret Service, a network namespace with no
// usable network). The key comes from the real keychain (--keychain PROFILE_ID) or from
// stdin (--key-stdin). Prints the verdict as JSON.
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
  const result = await verify({ address, readKey }, { openTransport: loopbackTransport() });
  process.stdout.write(JSON.stringify(result));
}

void main();
