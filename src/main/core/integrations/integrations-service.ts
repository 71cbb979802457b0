import type { InstanceIntegrationsRead } from '../../../shared/integrations/failing-across-instances';
import type { InstanceIntegrations } from '../../../shared/integrations/integration-health';
import { runWithConcurrency } from '../doctor/run-with-concurrency';
import { ProblemError } from '../problem-error';
import type { Transport } from '../transport';
import type { InstanceClient } from '../veza/instance-client';
import { readIntegrations, type ReadIntegrationsOptions } from './read-integrations';

export interface IntegrationsServiceDeps {
  instances: InstanceClient;
  openTransport: () => Transport;
  now?: () => Date;
}

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;

/**
 * Integration health of saved instances, each read with the instance's own key over a
 * transport of its own, closed afterwards (as the team keys service does).
 */
export function createIntegrationsService(deps: IntegrationsServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const read = async (
    profileId: string,
    options: Omit<ReadIntegrationsOptions, 'now'> = {},
  ): Promise<InstanceIntegrations> => {
    const transport = deps.openTransport();
    try {
      const { session } = await deps.instances.open(profileId, transport);
      return await readIntegrations(session.call, { ...options, now: now() });
    } finally {
      await transport.close();
    }
  };
  return {
    read,
    /**
     * Every instance at once (a few at a time: each mostly waits on its network), one that
     * cannot be read kept in the list with its problem rather than failing the rest.
     */
    readAll: (
      instances: readonly { profileId: string; profileName: string }[],
      options: Omit<ReadIntegrationsOptions, 'now'> = {},
    ): Promise<InstanceIntegrationsRead[]> =>
      runWithConcurrency(instances, 8, async (instance) => {
        try {
          return { ...instance, integrations: await read(instance.profileId, options) };
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          return { ...instance, problem: error.problem };
        }
      }),
  };
}
