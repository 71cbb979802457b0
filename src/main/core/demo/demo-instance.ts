import { z } from 'zod';
import type { Profile } from '../../../shared/profiles/profile';
import { startSandbox, type Sandbox } from '../../../sandbox/start-sandbox';
import type { DocumentFormat } from '../persistence/document-file';
import { openDocumentStore } from '../persistence/document-store';
import type { ProfileService } from '../profiles/profile-service';
import { nextFreeName } from '../profiles/unique-name';

/** demo.json: which saved instance is the demo (so it is refreshed, not made twice). */
const demoFormat: DocumentFormat<{ profileId?: string }> = {
  fileName: 'demo.json',
  version: 1,
  empty: () => ({}),
  read: (data) => {
    const parsed = z.object({ profileId: z.uuid() }).safeParse(data);
    return parsed.success ? { document: parsed.data, leftOut: 0 } : undefined;
  },
  write: (note) => ({ ...note }),
};

const demoName = 'Demo (simulated Veza)';
const demoNotes =
  'A simulated Veza instance built into Veza Desk. It runs on this computer only, while the app is open; nothing in it is real. Try Verify, requests and API keys here first.';

/**
 * "Try the demo instance": the simulated Veza on 127.0.0.1 (a random port, plain http, which
 * the address rules allow on this computer only) and a clearly labelled profile whose key is
 * kept in the keychain like any other. The port and the keys are new at every start, so the
 * profile is brought up to date whenever the sandbox starts.
 */
export function createDemoInstance(deps: { folder: string; profiles: ProfileService }) {
  const note = openDocumentStore(deps.folder, demoFormat);
  let sandbox: Sandbox | undefined;

  // No demo yet, or the note was damaged (set aside): a new demo profile is made.
  const savedProfileId = async (): Promise<string | undefined> => {
    const { profileId } = (await note).current();
    return profileId && deps.profiles.get(profileId) ? profileId : undefined;
  };

  const start = async (): Promise<Profile> => {
    sandbox ??= await startSandbox({ host: '127.0.0.1' });
    const key = { apiKey: sandbox.keys.admin, acceptAsIs: false };
    const existing = await savedProfileId();
    if (existing) {
      const current = deps.profiles.get(existing) as Profile;
      await deps.profiles.update(existing, {
        name: current.name,
        address: sandbox.url,
        colour: current.colour,
        production: false,
        notes: current.notes,
        network: current.network,
      });
      return deps.profiles.setKey(existing, key);
    }
    const profile = await deps.profiles.create(
      {
        name: nextFreeName(demoName, deps.profiles.state().profiles),
        address: sandbox.url,
        colour: '#0e7c86', // teal: distinct from production red
        production: false,
        notes: demoNotes,
      },
      key,
    );
    await (await note).commit(() => ({ document: { profileId: profile.id }, value: undefined }));
    return profile;
  };

  return {
    start,
    /** At app start: a demo made earlier comes back to life (new port, new key). */
    resumeIfPresent: async (): Promise<void> => {
      if (await savedProfileId()) await start();
    },
    stop: async (): Promise<void> => {
      await sandbox?.close();
      sandbox = undefined;
    },
  };
}

export type DemoInstance = ReturnType<typeof createDemoInstance>;
