import { clipIntegrations } from '../../../shared/integrations/integrations-schema';
import type { IntegrationsService } from '../integrations/integrations-service';
import type { CallHandlers } from './dispatcher';

type IntegrationsCalls = Extract<keyof CallHandlers, `integrations.${string}`>;

/** Integration health of one instance; Veza's texts are clipped to the contract's bounds. */
export function createIntegrationsHandlers(deps: {
  integrations: IntegrationsService;
}): Pick<CallHandlers, IntegrationsCalls> {
  return {
    'integrations.read': async ({ profileId, staleHours }) =>
      clipIntegrations(await deps.integrations.read(profileId, { staleHours })),
  };
}
