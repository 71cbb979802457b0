// Child process for crash.test.ts: adds profiles one after another and prints "ack <id>" once
// each is committed (the write has returned). The parent kills it at a random moment.
import { openProfileService } from '../../../../src/main/core/profiles/open-profile-service';
import { makeDraft } from '../../../support/profile-fixtures';

async function main(): Promise<void> {
  const [home = '', run = '0', count = '100'] = process.argv.slice(2);
  const profiles = await openProfileService({
    folder: home,
    // No key is written in this test: the keychain is not what is being crashed.
    secrets: {
      get: async () => undefined,
      set: async () => {},
      delete: async () => false,
    },
  });
  for (let i = 0; i < Number(count); i += 1) {
    const created = await profiles.create(
      makeDraft({ name: `run ${run} #${i}`, address: `r${run}-${i}.vezacloud.com` }),
    );
    process.stdout.write(`ack ${created.id}\n`);
  }
}

void main();
