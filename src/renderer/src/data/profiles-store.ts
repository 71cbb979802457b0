import { create } from 'zustand';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile, ProfilesState } from '../../../shared/profiles/profile';

interface ProfilesStore {
  loaded: boolean;
  profiles: Profile[];
  readOnly: boolean;
  loadProblem?: Problem;
  /** The instance shown in the main area. */
  activeId: string | null;
  /** The last failed action (duplicate, import, ...), shown until dismissed. */
  problem: Problem | null;
  /** A short confirmation of the last action ("Exported to ..."), read out politely. */
  notice: string | null;
  apply: (state: ProfilesState) => void;
  select: (id: string) => void;
  selectIndex: (index: number) => void;
  selectRelative: (delta: 1 | -1) => void;
  showProblem: (problem: Problem | null) => void;
  showNotice: (notice: string | null) => void;
}

/**
 * The instances as main reports them (profiles.list and the profiles.changed event). Holds no
 * key: main never sends one, and the add/replace forms keep what the user types to themselves.
 */
export const useProfilesStore = create<ProfilesStore>((set, get) => ({
  loaded: false,
  profiles: [],
  readOnly: false,
  activeId: null,
  problem: null,
  notice: null,
  apply: (state) =>
    set((current) => {
      const stillThere = state.profiles.some((p) => p.id === current.activeId);
      return {
        loaded: true,
        profiles: state.profiles,
        readOnly: state.readOnly,
        loadProblem: state.loadProblem,
        activeId: stillThere ? current.activeId : (state.profiles[0]?.id ?? null),
      };
    }),
  select: (id) => set({ activeId: id }),
  selectIndex: (index) => {
    const profile = get().profiles[index];
    if (profile) set({ activeId: profile.id });
  },
  selectRelative: (delta) => {
    const { profiles, activeId } = get();
    if (profiles.length === 0) return;
    const index = profiles.findIndex((p) => p.id === activeId);
    const next = (index + delta + profiles.length) % profiles.length;
    set({ activeId: profiles[next]?.id ?? null });
  },
  showProblem: (problem) => set({ problem, notice: null }),
  showNotice: (notice) => set({ notice, problem: null }),
}));

export const useActiveProfile = (): Profile | undefined =>
  useProfilesStore((state) => state.profiles.find((p) => p.id === state.activeId));
