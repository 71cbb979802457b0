import { openProfileHarness, type ProfileHarness } from '../../../support/profile-harness';
import { makeDraft } from '../../../support/profile-fixtures';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/start-sandbox';
import type { CallName } from '../../../../src/shared/ipc/contract';

export interface KeysHarness {
  h: ProfileHarness;
  sandbox: Sandbox;
  /** Every answer main gave through the dispatcher, kept to search for keys. */
  answers: unknown[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read many result shapes
  call: (name: CallName, args?: unknown) => Promise<{ ok: boolean; value?: any; problem?: any }>;
  /** A saved instance of the sandbox with one of its demo keys (or any key). */
  addInstance: (name: string, key: string) => Promise<string>;
  close: () => Promise<void>;
}

/** The real main side (dispatcher, keychain, transport, doctor) and a simulated Veza. */
export async function openKeysHarness(): Promise<KeysHarness> {
  const h = await openProfileHarness();
  const sandbox = await startSandbox();
  const answers: unknown[] = [];
  const call: KeysHarness['call'] = async (name, args) => {
    const answer = await h.call(name, args);
    answers.push(answer);
    return answer;
  };
  return {
    h,
    sandbox,
    answers,
    call,
    addInstance: async (name, key) => {
      const profile = await h.profiles.create(
        makeDraft({ name, address: sandbox.url, colour: '#12805c' }),
        { apiKey: key, acceptAsIs: false },
      );
      return profile.id;
    },
    close: async () => {
      await sandbox.close();
      await h.close();
    },
  };
}
