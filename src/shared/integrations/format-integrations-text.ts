import { formatTimeAgo } from '../time/format-time-ago';
import { explainIntegrationError } from './explain-integration-error';
import {
  countHealth,
  onlyNeedingCare,
  type DataSourceHealth,
  type InstanceIntegrations,
} from './integration-health';

const when = (iso: string | null, now: Date) => (iso ? formatTimeAgo(iso, now) : 'never');

function sourceLines(source: DataSourceHealth, now: Date): string[] {
  const label =
    source.stale && source.status !== 'failing' ? `${source.status}, stale` : source.status;
  const lines = [`  - ${source.name}: ${label}, synced ${when(source.syncedAt, now)}`];
  if (source.status === 'failing' && source.lastError) {
    const error = source.lastError;
    const words = explainIntegrationError(error);
    lines.push(`      Veza says: ${[error.reason, error.message].filter(Boolean).join(': ')}`);
    lines.push(`      What it means: ${words.meaning}`);
    lines.push(`      What to do: ${words.whatToDo}`);
    lines.push(`      Who can do it: ${words.whoCanDo}`);
    if (error.requestId) lines.push(`      Veza request_id (for Veza support): ${error.requestId}`);
  } else if (source.status === 'failing') {
    lines.push('      Veza recorded no reason for it in the last days.');
  }
  return lines;
}

/**
 * One instance as `veza-desk integrations` prints it: a summary line, what the key could see,
 * then each provider's data sources (only those failing or stale with `failingOnly`).
 */
export function formatIntegrationsText(
  read: InstanceIntegrations,
  options: { failingOnly: boolean },
): string {
  const now = new Date(read.checkedAt);
  const counts = countHealth(read.providers);
  const lines = [
    `${counts.dataSources} data sources: ${counts.failing} failing, ${counts.stale} stale ` +
      `(over ${read.staleHours} h), ${counts.working} working, ${counts.waiting} waiting, ` +
      `${counts.switchedOff} switched off.`,
  ];
  if (read.reach.level !== 'full') lines.push(`Reach: ${read.reach.level}. ${read.reach.words}`);
  if (!read.complete) lines.push('The lists were too long and were cut: some may be missing.');
  const shown = options.failingOnly ? onlyNeedingCare(read.providers) : read.providers;
  for (const provider of shown) {
    if (provider.dataSources.length === 0) continue;
    lines.push(`${provider.name}${provider.type ? ` (${provider.type})` : ''}`);
    for (const source of provider.dataSources) lines.push(...sourceLines(source, now));
  }
  if (counts.failing === 0 && counts.stale === 0) lines.push('All well.');
  return lines.join('\n');
}
