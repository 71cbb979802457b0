import type { InstanceIntegrations } from '../../../shared/integrations/integration-health';
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
  return {
    read: async (
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
    },
  };
}
