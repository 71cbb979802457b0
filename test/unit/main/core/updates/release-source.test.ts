import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  releaseRepository,
  releasesUrl,
} from '../../../../../src/main/core/updates/release-source';
import {
  updateCheckNetwork,
  updateCheckTimeouts,
} from '../../../../../src/main/core/updates/update-network';

describe('where the update check asks (issue 19)', () => {
  it("is GitHub's latest-release API of the repository package.json names", () => {
    const manifest = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../../../package.json'), 'utf8'),
    ) as { repository: { type: string; url: string } };
    expect(manifest.repository).toEqual({
      type: 'git',
      url: 'https://github.com/veza-desk/veza-desk.git',
    });
    expect(releaseRepository).toEqual({ owner: 'veza-desk', repo: 'veza-desk' });
    expect(releasesUrl).toBe('https://api.github.com/repos/veza-desk/veza-desk/releases/latest');
  });
});

describe("the update check's network", () => {
  it("is this computer's proxy and trust, with nothing of an instance's", () => {
    expect(updateCheckNetwork({})).toEqual({
      proxy: { mode: 'system' },
      timeouts: updateCheckTimeouts,
    });
  });

  it('trusts the file NODE_EXTRA_CA_CERTS names as well', () => {
    const network = updateCheckNetwork({ NODE_EXTRA_CA_CERTS: ' /etc/company/root.pem ' });
    expect(network.caFile).toBe('/etc/company/root.pem');
    expect(network).not.toHaveProperty('clientCertificate');
    expect(network).not.toHaveProperty('pinnedCertSha256');
  });
});
