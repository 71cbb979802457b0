import type { ProfilesState } from '../../../shared/profiles/profile';
import type { SecretStore } from '../secrets/secret-store';
import { createProfileService, type ProfileService } from './profile-service';
import { openProfileStore } from './profile-store';

/** Loads the profiles in `folder` and joins them to the keychain: what the app and tests use. */
export async function openProfileService(options: {
  folder: string;
  secrets: SecretStore;
  /** Every change: this process's own, and (with `followOtherProcesses`) others' too. */
  onChange?: (state: ProfilesState) => void;
  /** Watch profiles.json for changes another process makes (the app, not the CLI). */
  followOtherProcesses?: boolean;
}): Promise<ProfileService> {
  const { onChange } = options;
  const store = await openProfileStore(options.folder, {
    ...(options.followOtherProcesses && onChange ? { onExternalChange: onChange } : {}),
  });
  return createProfileService({
    store,
    secrets: options.secrets,
    ...(onChange ? { onChange } : {}),
  });
}
