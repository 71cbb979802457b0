import type { ProfilesState } from '../../../shared/profiles/profile';
import type { SecretStore } from '../secrets/secret-store';
import { createProfileService, type ProfileService } from './profile-service';
import { openProfileStore } from './profile-store';

/** Loads the profiles in `folder` and joins them to the keychain: what the app and tests use. */
export async function openProfileService(options: {
  folder: string;
  secrets: SecretStore;
  onChange?: (state: ProfilesState) => void;
}): Promise<ProfileService> {
  const store = await openProfileStore(options.folder);
  return createProfileService({
    store,
    secrets: options.secrets,
    ...(options.onChange ? { onChange: options.onChange } : {}),
  });
}
