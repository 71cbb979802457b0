/** The GitHub repository Veza Desk's releases are published in (package.json's `repository`). */
export interface GitHubRepository {
  owner: string;
  repo: string;
}

/** GitHub's rules for owner and repository names: letters, digits, `-`, `_` and `.`. */
const namePart = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * The owner and name of a GitHub repository from its address as package.json writes it
 * (`https://github.com/owner/repo.git`, `git+https://…`, `github:owner/repo`, `owner/repo`);
 * undefined when it is not one.
 */
export function gitHubRepositoryOf(address: string): GitHubRepository | undefined {
  const text = address.trim();
  const short = /^(?:github:)?([^/:@\s]+)\/([^/:@\s]+)$/.exec(text);
  let owner: string | undefined;
  let repo: string | undefined;
  if (short) {
    [, owner, repo] = short;
  } else {
    let url: URL;
    try {
      url = new URL(text.replace(/^git\+/, ''));
    } catch {
      return undefined;
    }
    if (url.protocol !== 'https:' || url.hostname !== 'github.com' || url.port !== '')
      return undefined;
    if (url.username || url.password || url.search || url.hash) return undefined;
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length !== 2) return undefined;
    [owner, repo] = parts;
  }
  repo = repo?.replace(/\.git$/, '');
  if (!owner || !repo || !namePart.test(owner) || !namePart.test(repo)) return undefined;
  if (repo === '.' || repo === '..') return undefined;
  return { owner, repo };
}

/** Where GitHub's API answers with the repository's latest published release. */
export function latestReleaseApiUrl({ owner, repo }: GitHubRepository): string {
  return `https://api.github.com/repos/${owner}/${repo}/releases/latest`;
}

/** Longer addresses are refused: a release page's is short. */
const maxPageUrlLength = 2048;

/**
 * The address of one of the repository's release pages (`https://github.com/<owner>/<repo>/
 * releases/…`), as the URL parser wrote it, or undefined when `link` is anything else: another
 * repository, another host, http, a user name or password in it, a path that climbs out with
 * `..` (the parser has resolved those already, so the check is on what would be opened).
 * Owner and repository compare without case, as GitHub's do. Nothing is looked up.
 */
export function releasePageOf(link: string, repository: GitHubRepository): string | undefined {
  if (link.length > maxPageUrlLength) return undefined;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.host !== 'github.com') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  const [owner, repo, releases, ...rest] = url.pathname.split('/').slice(1);
  const same = (a: string | undefined, b: string) => a?.toLowerCase() === b.toLowerCase();
  if (!same(owner, repository.owner) || !same(repo, repository.repo)) return undefined;
  if (releases !== 'releases' || rest.length === 0 || rest.every((part) => part === ''))
    return undefined;
  return url.href;
}
