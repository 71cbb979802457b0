import semver from 'semver';
import { clipText } from '../../../shared/ipc/bounds';
import { releasePageOf, type GitHubRepository } from '../../../shared/updates/github-repository';

/** The release notes shown in the message box: the start of them. */
export const maxNotesLength = 1200;

/** What a published release answer says, once checked; or why it is not one. */
export type ReadRelease =
  | {
      ok: true;
      version: string;
      prerelease: boolean;
      pageUrl: string;
      publishedAt?: string;
      notes: string;
    }
  | { ok: false; why: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Release notes as plain lines: no control characters but line breaks, at most maxNotesLength. */
export function clipNotes(text: string): string {
  const plain = text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (plain.length <= maxNotesLength) return plain;
  // At the last space before the limit, so no word is cut in half.
  const space = plain.lastIndexOf(' ', maxNotesLength - 1);
  if (space > maxNotesLength / 2) return `${plain.slice(0, space).trimEnd()}…`;
  return clipText(plain, maxNotesLength);
}

/**
 * Reads GitHub's "latest release" object (docs.github.com/en/rest/releases/releases): a
 * `tag_name` that is a version (`v1.4.0` or `1.4.0`), an `html_url` on this repository's
 * release pages, `draft: false`. Anything else is not a release this app may offer.
 */
export function readRelease(value: unknown, repository: GitHubRepository): ReadRelease {
  if (!isRecord(value)) return { ok: false, why: 'The answer is not a release object.' };
  const { tag_name: tag, html_url: page, draft, prerelease, published_at: published, body } = value;
  if (typeof tag !== 'string' || typeof page !== 'string')
    return { ok: false, why: 'The answer has no tag_name or html_url: it is not a release.' };
  if (draft !== false)
    return { ok: false, why: 'The answer is a draft or does not say it is published (draft).' };
  const pageUrl = releasePageOf(page, repository);
  if (!pageUrl)
    return {
      ok: false,
      why: `The release page it names is not one of github.com/${repository.owner}/${repository.repo}'s.`,
    };
  const version = semver.valid(semver.clean(tag));
  if (!version) return { ok: false, why: 'The release tag is not a version number.' };
  return {
    ok: true,
    version,
    prerelease: prerelease === true || semver.prerelease(version) !== null,
    pageUrl,
    ...(typeof published === 'string' && !Number.isNaN(Date.parse(published))
      ? { publishedAt: new Date(published).toISOString() }
      : {}),
    notes: typeof body === 'string' ? clipNotes(body) : '',
  };
}
