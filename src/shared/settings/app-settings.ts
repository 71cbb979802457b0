import { z } from 'zod';
import { defaultStaleHours } from '../integrations/integration-health';

/** Remind the user to rotate a key saved or created more than this many days ago. */
const keyRotationDays = z.number().int().min(1).max(3650);

/** A data source not synced for longer than this many hours is stale (the Integrations views). */
const integrationsStaleHours = z.number().int().min(1).max(8760);

/** The app's own settings (settings.json in the data folder). */
export const appSettingsSchema = z.object({ keyRotationDays, integrationsStaleHours });
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const defaultAppSettings: AppSettings = {
  keyRotationDays: 90,
  integrationsStaleHours: defaultStaleHours,
};

/**
 * What settings.update takes: only the fields to change. A field may be left out but not sent
 * as undefined (which would reach the store as "change it to nothing").
 */
export const appSettingsChangeSchema = z.object({
  keyRotationDays: keyRotationDays.exactOptional(),
  integrationsStaleHours: integrationsStaleHours.exactOptional(),
});
