import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile, ProfilesState } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import { makeProblem } from '../../../shared/problems/make-problem';
import {
  loadProfilesFile,
  type LoadedProfiles,
  profilesFileName,
  removeStaleTempFiles,
  writeProfilesFile,
} from './profiles-file';

export interface ProfileStore {
  readonly folder: string;
  state(): ProfilesState;
  get(id: string): Profile | undefined;
  /**
   * Applies one change and saves it. Changes run one at a time; the list in memory changes
   * only once the file is safely written, so a failed write changes nothing.
   */
  commit<T>(
    change: (profiles: readonly Profile[]) => { profiles: Profile[]; value: T },
  ): Promise<T>;
}

/** Opens the profiles in `folder` (created if needed): loads, recovers, reports. */
export async function openProfileStore(
  folder: string,
  options: { inspectOnly?: boolean } = {},
): Promise<ProfileStore> {
  let loaded: LoadedProfiles;
  try {
    if (!options.inspectOnly) {
      await mkdir(folder, { recursive: true });
      await removeStaleTempFiles(folder);
    }
    loaded = await loadProfilesFile(folder, options);
  } catch (error) {
    // The data folder cannot be made or used: say so, and keep the app usable read-only.
    loaded = {
      profiles: [],
      readOnly: true,
      problem: makeProblem('FILE_UNWRITABLE', {
        errorCode: (error as NodeJS.ErrnoException).code,
        facts: { file: path.join(folder, profilesFileName) },
      }),
    };
  }
  let profiles: readonly Profile[] = loaded.profiles;
  const loadProblem: Problem | undefined = loaded.problem;
  const readOnly = loaded.readOnly || options.inspectOnly === true;
  // Group commit: changes that arrive while a write is in flight are applied together and
  // saved in one write ("check all" records 50 verdicts at once). Each change still succeeds
  // or fails on its own, and none is acknowledged before the file holding it is written.
  type Pending = {
    change: (current: readonly Profile[]) => { profiles: Profile[]; value: unknown };
    resolve: (value: unknown) => void;
    reject: (error: unknown) => void;
  };
  let pending: Pending[] = [];
  let writing = false;

  const writeBatch = async (): Promise<void> => {
    writing = true;
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      let next = profiles;
      const applied: Array<{ entry: Pending; value: unknown }> = [];
      for (const entry of batch) {
        try {
          const result = entry.change(next);
          next = result.profiles;
          applied.push({ entry, value: result.value });
        } catch (error) {
          entry.reject(error);
        }
      }
      if (applied.length === 0) continue;
      try {
        await writeProfilesFile(folder, [...next]);
      } catch (error) {
        const problem = ProblemError.of('FILE_UNWRITABLE', {
          errorCode: (error as NodeJS.ErrnoException).code,
          facts: { file: path.join(folder, profilesFileName) },
        });
        for (const { entry } of applied) entry.reject(problem);
        continue;
      }
      profiles = next;
      for (const { entry, value } of applied) entry.resolve(value);
    }
    writing = false;
  };

  return {
    folder,
    state: () => ({
      profiles: [...profiles],
      readOnly: loaded.readOnly,
      ...(loadProblem ? { loadProblem } : {}),
    }),
    get: (id) => profiles.find((profile) => profile.id === id),
    commit<T>(change: (current: readonly Profile[]) => { profiles: Profile[]; value: T }) {
      if (readOnly) {
        return Promise.reject(
          loadProblem ? new ProblemError(loadProblem) : ProblemError.of('INTERNAL_ERROR'),
        );
      }
      return new Promise<T>((resolve, reject) => {
        pending.push({ change, resolve: resolve as (value: unknown) => void, reject });
        if (!writing) void writeBatch();
      });
    },
  };
}
