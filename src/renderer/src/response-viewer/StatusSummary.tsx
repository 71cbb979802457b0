import { describeHttpStatus } from '../../../shared/http-protocol/describe-http-status';
import { formatDuration, formatSize } from '../../../shared/format/format-size';
import { routeInWords } from '../../../shared/http-protocol/route-in-words';

/** How long each stage of the request took, as the transport measured it. */
export interface RequestTimings {
  totalMs: number;
  dnsMs?: number;
  connectMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  downloadMs?: number;
}

const stageNames: Array<[keyof RequestTimings, string]> = [
  ['dnsMs', 'name lookup'],
  ['connectMs', 'connection'],
  ['tlsMs', 'secure connection'],
  ['firstByteMs', 'waiting for Veza'],
  ['downloadMs', 'download'],
];

interface StatusSummaryProps {
  status: number;
  sizeBytes: number;
  timings?: RequestTimings;
  /** "direct" or "proxy http://host:port", as main reports it. */
  route?: string;
}

/** Status with its meaning in words, the time with its stages, the size and the route. */
export function StatusSummary({ status, sizeBytes, timings, route }: StatusSummaryProps) {
  const { name, meaning, tone } = describeHttpStatus(status);
  const stages = stageNames.filter(([key]) => timings?.[key] !== undefined);
  return (
    <dl className="rv-summary">
      <div>
        <dt>Status</dt>
        <dd>
          <span className={`rv-status rv-status-${tone}`}>
            {status} {name}
          </span>{' '}
          <span className="rv-status-meaning">{meaning}</span>
        </dd>
      </div>
      {timings && (
        <div>
          <dt>Time</dt>
          <dd>
            {formatDuration(timings.totalMs)}
            {stages.length > 0 && (
              <span className="muted">
                {' ('}
                {stages
                  .map(([key, label]) => `${label} ${formatDuration(timings[key] ?? 0)}`)
                  .join(', ')}
                {')'}
              </span>
            )}
          </dd>
        </div>
      )}
      <div>
        <dt>Size</dt>
        <dd>{formatSize(sizeBytes)}</dd>
      </div>
      {route && (
        <div>
          <dt>Route</dt>
          <dd>{routeInWords(route)}</dd>
        </div>
      )}
    </dl>
  );
}
