import type { Profile, ProfilesState } from '../../../shared/profiles/profile';
import { openDocumentStore } from '../persistence/document-store';
import { profilesFormat } from './profiles-file';

export interface ProfileStore {
  readonly folder: string;
  state(): ProfilesState;
  get(id: string): Profile | undefined;
  /**
   * Applies one change to the list as it is on disk now (another process may have changed it)
   * and saves it. Changes run one at a time; the list in memory changes only once the file is
   * safely written, so a failed write changes nothing.
   */
  commit<T>(
    change: (profiles: readonly Profile[]) => { profiles: Profile[]; value: T },
  ): Promise<T>;
  /** Stops following the file. */
  close(): void;
}

/**
 * Opens the profiles in `folder` (created if needed): loads, recovers, reports. With
 * `onExternalChange`, a change another process makes (the CLI) is read and passed on.
 */
export async function openProfileStore(
  folder: string,
  options: { inspectOnly?: boolean; onExternalChange?: (state: ProfilesState) => void } = {},
): Promise<ProfileStore> {
  let state: () => ProfilesState = () => ({ profiles: [], readOnly: true });
  const store = await openDocumentStore(folder, profilesFormat, {
    inspectOnly: options.inspectOnly === true,
    problems: { damaged: 'PROFILES_FILE_DAMAGED', tooNew: 'PROFILES_FILE_TOO_NEW' },
    ...(options.onExternalChange
      ? { onExternalChange: () => options.onExternalChange?.(state()) }
      : {}),
  });
  state = () => {
    const { readOnly, problem } = store.status();
    return {
      profiles: [...store.current()],
      readOnly,
      ...(problem ? { loadProblem: problem } : {}),
    };
  };
  return {
    folder,
    state,
    get: (id) => store.current().find((profile) => profile.id === id),
    commit: (change) =>
      store.commit((profiles) => {
        const { profiles: next, value } = change(profiles);
        return { document: next, value };
      }),
    close: store.close,
  };
}
