import packageJson from '../../../../package.json';
import {
  gitHubRepositoryOf,
  latestReleaseApiUrl,
  type GitHubRepository,
} from '../../../shared/updates/github-repository';

/**
 * The repository Veza Desk's releases come from: package.json's `repository`, read when the app
 * is built (the one place it is written; electron-builder's `publish` names the same one).
 * A package.json without a GitHub repository fails the build's tests, not a user's check.
 */
function releaseRepositoryOf(manifest: { repository?: unknown }): GitHubRepository {
  const { repository } = manifest;
  const address =
    typeof repository === 'string'
      ? repository
      : (repository as { url?: unknown } | undefined)?.url;
  const found = typeof address === 'string' ? gitHubRepositoryOf(address) : undefined;
  if (!found) throw new Error('package.json names no GitHub repository ("repository").');
  return found;
}

export const releaseRepository: GitHubRepository = releaseRepositoryOf(packageJson);

/** GitHub's answer about the latest published release (not a draft, not a prerelease). */
export const releasesUrl: string = latestReleaseApiUrl(releaseRepository);
