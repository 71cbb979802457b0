import { useEffect } from 'react';
import { create } from 'zustand';
import type { Problem } from '../../../shared/problems/problem';
import type { SavedRequest } from '../../../shared/requests/request-records';
import { veza } from '../bridge/veza';

interface SavedRequestsStore {
  /** saved.list was asked (once, when the list is first shown). */
  requested: boolean;
  requests: SavedRequest[];
  /** saved.list failed; the list shows nothing until an event brings it. */
  loadProblem: Problem | null;
  apply: (requests: SavedRequest[]) => void;
  load: () => Promise<void>;
}

/**
 * The saved requests as main reports them: saved.list when first shown, then every
 * savedRequests.changed event (use-window-data.ts follows it).
 */
export const useSavedRequestsStore = create<SavedRequestsStore>((set, get) => ({
  requested: false,
  requests: [],
  loadProblem: null,
  apply: (requests) => set({ requested: true, requests, loadProblem: null }),
  load: async () => {
    if (get().requested) return;
    set({ requested: true });
    const result = await veza.invoke('saved.list', undefined);
    if (!result.ok) set({ loadProblem: result.problem });
    else {
      get().apply(result.value.requests);
      // The file was damaged (set aside) or is newer: shown above the list until a reload.
      if (result.value.problem) set({ loadProblem: result.value.problem });
    }
  },
}));

/** The saved requests, loaded the first time a screen needs them. */
export function useSavedRequests(): { requests: SavedRequest[]; loadProblem: Problem | null } {
  const requests = useSavedRequestsStore((state) => state.requests);
  const loadProblem = useSavedRequestsStore((state) => state.loadProblem);
  const load = useSavedRequestsStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  return { requests, loadProblem };
}
