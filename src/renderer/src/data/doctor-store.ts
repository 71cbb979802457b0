import { create } from 'zustand';
import type { EventPayload } from '../../../shared/ipc/contract';
import {
  verificationStepIds,
  type VerificationResult,
  type VerificationStep,
} from '../../../shared/doctor/verification';
import type { Problem } from '../../../shared/problems/problem';
import { veza } from '../bridge/veza';

/** One "check all instances" run, as the dashboard shows it. */
export interface CheckAllRun {
  running: boolean;
  done: number;
  total: number;
  /** The instances whose verdict has landed in this run, in the order they landed. */
  checked: string[];
  /** The run itself could not start or finish (not one instance's problem). */
  problem?: Problem;
}

interface DoctorStore {
  /** The latest verdict per instance in this session; the profile keeps a summary for later. */
  results: Record<string, VerificationResult>;
  /** The steps of a Verify in progress, per instance; present only while it runs. */
  live: Record<string, VerificationStep[]>;
  /** A Verify that could not run at all (e.g. the instance was deleted meanwhile). */
  failures: Record<string, Problem>;
  checkAll: CheckAllRun | null;
  verify: (profileId: string) => Promise<void>;
  checkAllInstances: (total: number) => Promise<void>;
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
  failures: {},
  checkAll: null,

  verify: async (profileId) => {
    if (get().live[profileId]) return;
    set((state) => ({
      live: { ...state.live, [profileId]: pendingSteps() },
      failures: without(state.failures, profileId),
    }));
    const answer = await veza.invoke('doctor.verify', { id: profileId });
    set((state) => ({
      live: without(state.live, profileId),
      ...(answer.ok
        ? { results: { ...state.results, [profileId]: answer.value } }
        : { failures: { ...state.failures, [profileId]: answer.problem } }),
    }));
  },

  checkAllInstances: async (total) => {
    if (get().checkAll?.running) return;
    set({ checkAll: { running: true, done: 0, total, checked: [] } });
    const answer = await veza.invoke('doctor.checkAll', undefined);
    set((state) => {
      if (!answer.ok) {
        return {
          checkAll: { ...(state.checkAll as CheckAllRun), running: false, problem: answer.problem },
        };
      }
      // The answer has every verdict, including any whose event has not been delivered yet.
      const results = { ...state.results };
      for (const { profileId, result } of answer.value.results) results[profileId] = result;
      const count = answer.value.results.length;
      return {
        results,
        checkAll: {
          running: false,
          done: count,
          total: count,
          checked: answer.value.results.map((entry) => entry.profileId),
        },
      };
    });
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
