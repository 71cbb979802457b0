import { create } from 'zustand';
import type { InstanceIntegrationsRead } from '../../../shared/integrations/failing-across-instances';
import type { Profile } from '../../../shared/profiles/profile';
import type { VerificationResult } from '../../../shared/doctor/verification';
import { veza } from '../bridge/veza';
import { useSettingsStore } from './settings-store';

/** An instance's integrations for Check all: being read, or read (with a problem if not). */
export type AcrossEntry = { reading: true } | { reading: false; read: InstanceIntegrationsRead };

interface IntegrationsAcrossStore {
  /** By instance id, for the instances Check all has verified in this window. */
  entries: Record<string, AcrossEntry>;
  /** Forget every entry (a new Check all run starts). */
  reset: () => void;
  /**
   * After an instance's check: read its integrations (the same `integrations.read` the tab
   * loads), a few at a time, so the checks still running keep the network. An instance whose
   * check failed is not read: its integrations could not be reached either.
   */
  follow: (profile: Pick<Profile, 'id' | 'name'>, result: VerificationResult) => void;
  /** Read every instance that has a key, without checking first (the list opened by itself). */
  readEvery: (profiles: readonly Pick<Profile, 'id' | 'name' | 'key'>[]) => void;
}

/** Reads at once; more would compete with the checks of Check all for the connection. */
const atOnce = 2;
const queue: Array<() => Promise<void>> = [];
let running = 0;
let generation = 0;

function pump(): void {
  while (running < atOnce && queue.length > 0) {
    const job = queue.shift() as () => Promise<void>;
    running += 1;
    void job().finally(() => {
      running -= 1;
      pump();
    });
  }
}

/**
 * The Integrations column of Check all and the list of failing data sources across instances:
 * one `integrations.read` per instance, started when its verdict lands.
 */
export const useIntegrationsAcrossStore = create<IntegrationsAcrossStore>((set, get) => {
  const read = (profile: Pick<Profile, 'id' | 'name'>) => {
    const mine = generation;
    set((state) => ({ entries: { ...state.entries, [profile.id]: { reading: true } } }));
    queue.push(async () => {
      const answer = await veza.invoke('integrations.read', {
        profileId: profile.id,
        staleHours: useSettingsStore.getState().settings.integrationsStaleHours,
      });
      if (mine !== generation) return;
      const landed: InstanceIntegrationsRead = answer.ok
        ? { profileId: profile.id, profileName: profile.name, integrations: answer.value }
        : { profileId: profile.id, profileName: profile.name, problem: answer.problem };
      set((state) => ({
        entries: { ...state.entries, [profile.id]: { reading: false, read: landed } },
      }));
    });
    pump();
  };
  return {
    entries: {},
    reset: () => {
      generation += 1;
      queue.length = 0;
      set({ entries: {} });
    },
    follow: (profile, result) => {
      const now = get().entries[profile.id];
      if (now) return;
      if (!result.ok) {
        const notRead: InstanceIntegrationsRead = {
          profileId: profile.id,
          profileName: profile.name,
          ...(result.problem ? { problem: result.problem } : {}),
        };
        set((state) => ({
          entries: { ...state.entries, [profile.id]: { reading: false, read: notRead } },
        }));
        return;
      }
      read(profile);
    },
    readEvery: (profiles) => {
      get().reset();
      for (const profile of profiles) if (profile.key) read(profile);
    },
  };
});

/** The reads that have landed, in no particular order. */
export const landedReads = (entries: Record<string, AcrossEntry>): InstanceIntegrationsRead[] =>
  Object.values(entries).flatMap((entry) => (entry.reading ? [] : [entry.read]));
