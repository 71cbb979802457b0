import { create } from 'zustand';
import type { Problem } from '../../../shared/problems/problem';
import type { SentResponse } from '../../../shared/requests/request-records';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import type { ClearedRows } from './composer-call';

/** What the viewer shows: an answer with its body, read from main. */
export interface ShownResponse {
  answer: Pick<SentResponse, 'historyId' | 'status' | 'headers' | 'timings' | 'size' | 'paging'> &
    Partial<Pick<SentResponse, 'authorizationDropped' | 'route' | 'problem'>>;
  /** A large body as a Blob the viewer's worker reads; a small one as bytes. */
  body: Blob | Uint8Array;
  /** The request this is the answer to, as it was sent: "GET /api/v1/roles?page_size=10". */
  sentAs: string;
  /** Which call that request was (composer-call.ts), to tell when another call is picked. */
  call: string;
}

export interface Workspace {
  spec: RequestSpec;
  /** A request or page walk in flight: its id, to cancel it. */
  running?: { requestId: string; paging: boolean; pages?: number; items?: number };
  response?: ShownResponse;
  problem?: Problem;
  /** Why the request cannot be sent as it is (the composer's own check), in plain words. */
  invalid?: string;
  /** What a change of call cleared from the composer, to put back. */
  cleared?: ClearedRows;
  /**
   * The body of a history entry that kept only its first part (requestBodyCut), as it was put
   * in the composer. While the composer's body is still this, it says so and Send refuses it
   * unless `accepted` (the user ticked that the cut body is meant). See cut-body.ts.
   */
  cutBody?: { body: string; accepted: boolean };
}

export const emptySpec: RequestSpec = {
  method: 'GET',
  path: '/api/v1/users/self',
  query: [],
  headers: [],
};

interface RequestsStore {
  /** One composer per instance, kept while the app runs (switching tabs keeps it). */
  byProfile: Record<string, Workspace>;
  update: (profileId: string, change: Partial<Workspace>) => void;
}

export const useRequestsStore = create<RequestsStore>((set) => ({
  byProfile: {},
  update: (profileId, change) =>
    set((state) => ({
      byProfile: {
        ...state.byProfile,
        [profileId]: { spec: emptySpec, ...state.byProfile[profileId], ...change },
      },
    })),
}));

export function useWorkspace(profileId: string): Workspace {
  return useRequestsStore((state) => state.byProfile[profileId]) ?? { spec: emptySpec };
}
