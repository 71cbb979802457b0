import { describe, expect, it } from 'vitest';
import {
  gitHubRepositoryOf,
  latestReleaseApiUrl,
  releasePageOf,
} from '../../../../src/shared/updates/github-repository';

const ours = { owner: 'veza-desk', repo: 'veza-desk' };

describe('the GitHub repository in package.json', () => {
  it.each([
    'https://github.com/veza-desk/veza-desk.git',
    'git+https://github.com/veza-desk/veza-desk.git',
    'https://github.com/veza-desk/veza-desk',
    'github:veza-desk/veza-desk',
    'veza-desk/veza-desk',
  ])('reads %s', (address) => {
    expect(gitHubRepositoryOf(address)).toEqual(ours);
  });

  it.each([
    'https://gitlab.com/veza-desk/veza-desk.git',
    'http://github.com/veza-desk/veza-desk.git',
    'https://github.com/veza-desk',
    'https://github.com/veza-desk/veza-desk/tree/main',
    'https://user@github.com/veza-desk/veza-desk.git',
    'https://github.com:8443/veza-desk/veza-desk.git',
    'git@github.com:veza-desk/veza-desk.git',
    'veza desk/veza-desk',
    '',
  ])('refuses %s', (address) => {
    expect(gitHubRepositoryOf(address)).toBeUndefined();
  });

  it('asks the releases API for the latest release', () => {
    expect(latestReleaseApiUrl(ours)).toBe(
      'https://api.github.com/repos/veza-desk/veza-desk/releases/latest',
    );
  });
});

describe("a release page of this repository's", () => {
  it.each([
    ['https://github.com/veza-desk/veza-desk/releases/tag/v1.4.0'],
    ['https://github.com/veza-desk/veza-desk/releases/latest'],
    ['https://github.com/VEZA-DESK/Veza-Desk/releases/tag/v1.4.0'],
  ])('is %s', (link) => {
    expect(releasePageOf(link, ours)).toBe(new URL(link).href);
  });

  it.each([
    'https://github.com/other/veza-desk/releases/tag/v1.4.0',
    'https://github.com/veza-desk/veza-desk/issues/1',
    'https://github.com/veza-desk/veza-desk/releases',
    'https://github.com/veza-desk/veza-desk/releases/',
    'https://github.com/veza-desk/veza-desk/releases/%2e%2e/%2e%2e/x/releases/tag/v1',
    'https://api.github.com/repos/veza-desk/veza-desk/releases/1',
    'https://github.com:444/veza-desk/veza-desk/releases/tag/v1',
    'https://github.com\\@evil.example/veza-desk/veza-desk/releases/tag/v1',
    `https://github.com/veza-desk/veza-desk/releases/tag/${'v'.repeat(3000)}`,
    'not a url',
  ])('is not %s', (link) => {
    expect(releasePageOf(link, ours)).toBeUndefined();
  });
});
