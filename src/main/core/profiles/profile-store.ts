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
  let queue: Promise<unknown> = Promise.resolve();

  return {
    folder,
    state: () => ({
      profiles: [...profiles],
      readOnly: loaded.readOnly,
      ...(loadProblem ? { loadProblem } : {}),
    }),
    get: (id) => profiles.find((profile) => profile.id === id),
    commit<T>(change: (current: readonly Profile[]) => { profiles: Profile[]; value: T }) {
      const run = async (): Promise<T> => {
        if (readOnly) {
          throw loadProblem ? new ProblemError(loadProblem) : ProblemError.of('INTERNAL_ERROR');
        }
        const next = change(profiles);
        try {
          await writeProfilesFile(folder, next.profiles);
        } catch (error) {
          throw ProblemError.of('FILE_UNWRITABLE', {
            errorCode: (error as NodeJS.ErrnoException).code,
            facts: { file: path.join(folder, profilesFileName) },
          });
        }
        profiles = next.profiles;
        return next.value;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => {});
      return result;
    },
  };
}
