import { create } from 'zustand';
import type { EventPayload } from '../../../shared/ipc/contract';
import {
  verificationStepIds,
  type VerificationResult,
  type VerificationStep,
} from '../../../shared/doctor/verification';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';
import { cancelCall, newCallId, wasCancelled } from './long-calls';

/** One "check all instances" run, as the dashboard shows it. */
export interface CheckAllRun {
  running: boolean;
  done: number;
  total: number;
  /** The instances whose verdict has landed in this run, in the order they landed. */
  checked: string[];
  /** The run itself could not start or finish (not one instance's problem). */
  problem?: Problem;
  /** The id it runs under, for Cancel; gone when it has ended. */
  callId?: string;
  /** The user stopped it: the instances not in `checked` were not checked. */
  cancelled?: boolean;
}

interface DoctorStore {
  /** The latest verdict per instance in this session; the profile keeps a summary for later. */
  results: Record<string, VerificationResult>;
  /** The steps of a Verify in progress, per instance; present only while it runs. */
  live: Record<string, VerificationStep[]>;
  /** The call id of each Verify in progress, for Cancel. */
  verifyCalls: Record<string, string>;
  /** A Verify that could not run at all (e.g. the instance was deleted meanwhile). */
  failures: Record<string, Problem>;
  /** The last Verify of these instances was cancelled (their last verdict still stands). */
  cancelled: Record<string, true>;
  checkAll: CheckAllRun | null;
  verify: (profileId: string) => Promise<void>;
  cancelVerify: (profileId: string) => void;
  checkAllInstances: (total: number) => Promise<void>;
  cancelCheckAll: () => void;
  applyProgress: (payload: EventPayload<'doctor.progress'>) => void;
  applyChecked: (payload: EventPayload<'doctor.checked'>) => void;
}

const pendingSteps = (): VerificationStep[] =>
  verificationStepIds.map((id) => ({ id, status: 'pending' }));

const without = <T>(record: Record<string, T>, id: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));

/**
 * The connection doctor as the window sees it: live steps from `doctor.progress`, verdicts
 * from `doctor.verify` and `doctor.checked`. Holds no key: no result carries one.
 */
export const useDoctorStore = create<DoctorStore>((set, get) => ({
  results: {},
  live: {},
  verifyCalls: {},
  failures: {},
  cancelled: {},
  checkAll: null,

  verify: async (profileId) => {
    if (get().live[profileId]) return;
    const callId = newCallId();
    set((state) => ({
      live: { ...state.live, [profileId]: pendingSteps() },
      verifyCalls: { ...state.verifyCalls, [profileId]: callId },
      failures: without(state.failures, profileId),
      cancelled: without(state.cancelled, profileId),
    }));
    const answer = await veza.invoke('doctor.verify', { id: profileId, callId });
    set((state) => ({
      live: without(state.live, profileId),
      verifyCalls: without(state.verifyCalls, profileId),
      ...(answer.ok
        ? { results: { ...state.results, [profileId]: answer.value } }
        : wasCancelled(answer.problem)
          ? { cancelled: { ...state.cancelled, [profileId]: true as const } }
          : { failures: { ...state.failures, [profileId]: answer.problem } }),
    }));
  },

  cancelVerify: (profileId) => {
    const callId = get().verifyCalls[profileId];
    if (callId) cancelCall(callId);
  },

  checkAllInstances: async (total) => {
    if (get().checkAll?.running) return;
    const callId = newCallId();
    set({ checkAll: { running: true, done: 0, total, checked: [], callId } });
    const answer = await veza.invoke('doctor.checkAll', { callId });
    set((state) => {
      if (!answer.ok) {
        return {
          checkAll: {
            ...(state.checkAll as CheckAllRun),
            running: false,
            callId: undefined,
            problem: answer.problem,
          },
        };
      }
      // The answer has every verdict, including any whose event has not been delivered yet.
      const results = { ...state.results };
      for (const { profileId, result } of answer.value.results) results[profileId] = result;
      const count = answer.value.results.length;
      const checked = answer.value.results.map((entry) => entry.profileId);
      if (answer.value.cancelled) {
        const total = state.checkAll?.total ?? count;
        return {
          results,
          checkAll: { running: false, done: count, total, checked, cancelled: true },
        };
      }
      return { results, checkAll: { running: false, done: count, total: count, checked } };
    });
  },

  cancelCheckAll: () => {
    const callId = get().checkAll?.callId;
    if (callId) cancelCall(callId);
  },

  applyProgress: ({ profileId, steps }) =>
    set((state) =>
      // Only while that Verify runs: a late event must not bring back a finished list.
      state.live[profileId] ? { live: { ...state.live, [profileId]: steps } } : {},
    ),

  applyChecked: ({ profileId, result, done, total }) =>
    set((state) => {
      const run = state.checkAll;
      if (!run?.running) return {};
      return {
        results: { ...state.results, [profileId]: result },
        checkAll: {
          ...run,
          done: Math.max(run.done, done),
          total,
          checked: run.checked.includes(profileId) ? run.checked : [...run.checked, profileId],
        },
      };
    }),
}));
