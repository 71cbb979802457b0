// Child process for rotation-crash.test.ts: opens the app's services on the data folder it is
// given and rotates a team key. Each time the rotation journal is written it prints
// "step <step>"; at the step named by ROTATION_PAUSE_AT it prints "paused <step>" and waits
// (the parent kills it there with SIGKILL). ROTATION_PAUSE_AT=settling pauses once the
// rotation is done, just before its journal is removed. Prints "done" if never paused.
import { readAppInfo } from '../../../../src/main/core/app-info';
import { openAppServices } from '../../../../src/main/core/open-app-services';
import { createKeytarSecretStore } from '../../../../src/main/core/secrets/keytar-secret-store';
import type { SecretStore } from '../../../../src/main/core/secrets/secret-store';
import { fakeLookup } from '../../../support/network/lookups';

const pauseAt = process.env.ROTATION_PAUSE_AT ?? '';
const forever = () => new Promise<never>(() => {});
const say = (line: string) => process.stdout.write(`${line}\n`);

/** The real keychain, watched: the journal's writes are the rotation's step boundaries. */
function watched(inner: SecretStore): SecretStore {
  return {
    get: (account) => inner.get(account),
    set: async (account, text) => {
      await inner.set(account, text);
      if (!account.startsWith('rotation:')) return;
      const { step, oldKeyBack } = JSON.parse(text) as { step: string; oldKeyBack?: boolean };
      const at = oldKeyBack ? `${step}+old-key-back` : step;
      say(`step ${at}`);
      if (at === pauseAt) {
        say(`paused ${at}`);
        await forever();
      }
    },
    delete: async (account) => {
      if (account.startsWith('rotation:') && pauseAt === 'settling') {
        say('paused settling');
        await forever();
      }
      return inner.delete(account);
    },
  };
}

async function main(): Promise<void> {
  const [home = '', adminId = '', holderId = '', keyId = ''] = process.argv.slice(2);
  const services = await openAppServices({
    appInfo: readAppInfo('Veza Desk', '0.0.0'),
    folder: home,
    secrets: watched(createKeytarSecretStore()),
    emit: () => {},
    dialogs: { chooseFileToOpen: async () => undefined, chooseFileToSave: async () => undefined },
    clipboard: { writeText: async () => {} },
    env: {},
    transportDeps: { env: {}, lookup: fakeLookup(['localhost']) },
  });
  const result = await services.teamKeys.rotateTeamKey({
    profileId: adminId,
    keyId,
    holderProfileId: holderId,
  });
  say(`done ${result.ok ? 'ok' : 'failed'}`);
  process.exit(0);
}

void main();
