// Child process for problem-codes-input.test.ts: verify() reading the key from the real
// keychain (keytar), started in whatever environment the parent chose. Prints the verdict.
import { verify } from '../../../../src/main/core/doctor/verify';
import { createKeytarSecretStore } from '../../../../src/main/core/secrets/keytar-secret-store';
import { loopbackTransport } from '../support/loopback-transport';

async function main(): Promise<void> {
  const [address = '', profileId = ''] = process.argv.slice(2);
  const secrets = createKeytarSecretStore();
  const result = await verify(
    { address, readKey: () => secrets.get(profileId) },
    { openTransport: loopbackTransport() },
  );
  process.stdout.write(JSON.stringify(result));
}

void main();
