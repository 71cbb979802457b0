import type { GitHubRepository } from '../../../shared/updates/github-repository';
import { createTransport, type TransportDeps, type TransportTimeouts } from '../transport';
import { checkForUpdate, type UpdateCheckResult } from './check-for-update';
import { releaseRepository, releasesUrl } from './release-source';
import { updateCheckNetwork } from './update-network';

export interface UpdateCheckerOptions {
  currentVersion: string;
  /**
   * The app's transport dependencies: Electron's system proxy resolver, the proxy passwords in
   * the keychain, the temp folder. HTTPS_PROXY / NO_PROXY and NODE_EXTRA_CA_CERTS come from `env`.
   */
  transportDeps: TransportDeps;
  env: Readonly<Record<string, string | undefined>>;
  /** Tests: their own server and repository; the app: package.json's (release-source.ts). */
  releasesUrl?: string;
  repository?: GitHubRepository;
  timeouts?: Partial<TransportTimeouts>;
}

export interface UpdateChecker {
  /** One check at a time: asking again while one runs answers that one. */
  check(): Promise<UpdateCheckResult>;
}

/**
 * Help > Check for updates… as main/core sees it: a transport of its own per check (closed
 * after), on this computer's network, with nothing of any instance.
 */
export function createUpdateChecker(options: UpdateCheckerOptions): UpdateChecker {
  let running: Promise<UpdateCheckResult> | undefined;
  const run = async (): Promise<UpdateCheckResult> => {
    const transport = createTransport({ env: { ...options.env }, ...options.transportDeps });
    try {
      return await checkForUpdate({
        currentVersion: options.currentVersion,
        repository: options.repository ?? releaseRepository,
        releasesUrl: options.releasesUrl ?? releasesUrl,
        transport,
        network: updateCheckNetwork(options.env, options.timeouts),
      });
    } finally {
      await transport.close().catch(() => {});
    }
  };
  return {
    check: () => {
      running ??= run().finally(() => (running = undefined));
      return running;
    },
  };
}
