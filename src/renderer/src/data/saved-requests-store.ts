import { create } from 'zustand';
import type { Problem } from '../../../shared/problems/problem';
import type { SavedRequest } from '../../../shared/requests/request-records';

interface SavedRequestsStore {
  loaded: boolean;
  requests: SavedRequest[];
  /** saved.list failed at start; the list shows nothing until an event brings it. */
  loadProblem: Problem | null;
  apply: (requests: SavedRequest[]) => void;
  failed: (problem: Problem) => void;
}

/** The saved requests as main reports them (saved.list, then the savedRequests.changed event). */
export const useSavedRequestsStore = create<SavedRequestsStore>((set) => ({
  loaded: false,
  requests: [],
  loadProblem: null,
  apply: (requests) => set({ loaded: true, requests, loadProblem: null }),
  failed: (loadProblem) => set({ loadProblem }),
}));
