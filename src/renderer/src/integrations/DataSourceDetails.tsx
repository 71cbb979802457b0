import { useId } from 'react';
import { explainIntegrationError } from '../../../shared/integrations/explain-integration-error';
import type { IntegrationEvent } from '../../../shared/integrations/integration-health';
import { formatTimeAgo } from '../../../shared/time/format-time-ago';
import { CopyButton } from '../components/CopyButton';
import {
  statusIcon,
  statusLabel,
  type IntegrationRow,
} from '../../../shared/integrations/integration-rows';
import { syncedInWords } from './IntegrationsList';

const exactTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : undefined);

/** One INTEGRATIONS event: Veza's words, what they mean, what to do, who can, the request id. */
function EventCard({ event, now }: { event: IntegrationEvent; now: Date }) {
  const titleId = useId();
  const { error } = event;
  const words = error ? explainIntegrationError(error) : undefined;
  const said = error ? [error.reason, error.message].filter(Boolean).join(': ') : event.message;
  return (
    <article className="ih-event" aria-labelledby={titleId}>
      <h6 id={titleId}>
        {event.name || 'Event'},{' '}
        <time dateTime={event.timestamp}>{formatTimeAgo(event.timestamp, now)}</time>
        {event.severity && <span className="ih-severity"> ({event.severity.toLowerCase()})</span>}
      </h6>
      <dl className="ih-facts">
        <dt>Veza says</dt>
        <dd>{said || 'Nothing more than that it failed.'}</dd>
        {words && (
          <>
            <dt>What it means</dt>
            <dd>{words.meaning}</dd>
            <dt>What to do</dt>
            <dd>{words.whatToDo}</dd>
            <dt>Who can do it</dt>
            <dd>{words.whoCanDo}</dd>
          </>
        )}
        {error?.requestId && (
          <>
            <dt>Veza request id (for Veza support)</dt>
            <dd className="ih-request-id">
              <code>{error.requestId}</code>{' '}
              <CopyButton text={error.requestId} label="Copy request id" />
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}

/** The chosen data source: its status, times, and for a failing one why it fails. */
export function DataSourceDetails({
  row,
  staleHours,
  now,
}: {
  row: IntegrationRow;
  staleHours: number;
  now: Date;
}) {
  const titleId = useId();
  const { source, provider } = row;
  const veza = [source.veza.status, source.veza.state, source.veza.effectiveState]
    .filter(Boolean)
    .join(', ');
  return (
    <section className="card ih-details" aria-labelledby={titleId}>
      <h4 id={titleId}>{source.name}</h4>
      <dl className="ih-facts">
        <dt>Status</dt>
        <dd className={`ih-status-${source.status.replace(' ', '-')}`}>
          <span className="ih-icon" aria-hidden="true">
            {statusIcon[source.status]}
          </span>{' '}
          {statusLabel(source.status)}
          {veza && <span className="ih-veza-words"> (Veza: {veza})</span>}
        </dd>
        {source.stale && (
          <>
            <dt>Stale</dt>
            <dd className="ih-stale">
              Yes: not synced for over {staleHours} hours
              {source.status === 'working' ? ', even though Veza says it works' : ''}.
            </dd>
          </>
        )}
        <dt>Provider</dt>
        <dd>
          {provider.name}
          {provider.type && ` (${provider.type})`}
        </dd>
        {source.type && (
          <>
            <dt>Type</dt>
            <dd>{source.type}</dd>
          </>
        )}
        <dt>Last synced</dt>
        <dd title={exactTime(source.syncedAt)}>{syncedInWords(source.syncedAt, now)}</dd>
        <dt>Last parsed</dt>
        <dd title={exactTime(source.parsedAt)}>{syncedInWords(source.parsedAt, now)}</dd>
      </dl>
      {source.status === 'failing' && (
        <section className="ih-why" aria-label="Why it fails">
          <h5>Why it fails</h5>
          {source.events.length === 0 ? (
            <p>
              Veza recorded no reason for it in the last 7 days. Open the data source in Veza to see
              its last run.
            </p>
          ) : (
            source.events.map((event, index) => (
              <EventCard key={`${index}:${event.id}`} event={event} now={now} />
            ))
          )}
        </section>
      )}
    </section>
  );
}
