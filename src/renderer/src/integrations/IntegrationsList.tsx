import { useRef, type KeyboardEvent } from 'react';
import { formatTimeAgo } from '../../../shared/time/format-time-ago';
import { useRowWindow } from '../response-viewer/use-row-window';
import {
  statusIcon,
  statusLabel,
  type IntegrationRow,
} from '../../../shared/integrations/integration-rows';

/** Fixed, so the window is arithmetic alone (use-row-window.ts); matches .ih-row's height. */
const rowHeight = 36;

interface IntegrationsListProps {
  rows: readonly IntegrationRow[];
  /** The row whose details show below; the keyboard moves it. */
  selected: string | undefined;
  onSelect: (key: string) => void;
  now: Date;
  idPrefix: string;
  label: string;
}

export const syncedInWords = (iso: string | null, now: Date): string =>
  iso ? formatTimeAgo(iso, now) : 'never';

/**
 * The data sources as a listbox whose rows exist in the page only while on screen (the
 * response viewer's row window): thousands of sources scroll as smoothly as ten. The list
 * keeps focus and points at the selected row with aria-activedescendant; each option says its
 * place (aria-posinset / aria-setsize), so a screen reader counts right while rows come and go.
 */
export function IntegrationsList({
  rows,
  selected,
  onSelect,
  now,
  idPrefix,
  label,
}: IntegrationsListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const {
    contentHeight,
    rows: shown,
    scrollToRow,
  } = useRowWindow(scrollRef, rows.length, rowHeight);
  const position = Math.max(
    0,
    rows.findIndex((row) => row.key === selected),
  );
  const goTo = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!target) return;
    onSelect(target.key);
    scrollToRow(rows.indexOf(target), 'auto');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    goTo(to);
  };
  const optionId = (index: number) => `${idPrefix}-row-${index}`;
  return (
    <div
      ref={scrollRef}
      className="ih-scroll"
      role="listbox"
      aria-label={label}
      aria-activedescendant={rows.length ? optionId(position) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={{ height: `min(${rows.length * rowHeight + 2}px, 22rem)` }}
    >
      <div className="ih-content" style={{ height: contentHeight }}>
        {shown.map(({ index, top }) => {
          const row = rows[index];
          if (!row) return null;
          const { source, provider } = row;
          const isSelected = row.key === selected;
          return (
            <div
              key={row.key}
              id={optionId(index)}
              role="option"
              aria-selected={isSelected}
              aria-posinset={index + 1}
              aria-setsize={rows.length}
              className={`ih-row ih-status-${source.status.replace(' ', '-')}${isSelected ? ' ih-row-selected' : ''}`}
              style={{ top }}
              onClick={() => {
                onSelect(row.key);
                scrollRef.current?.focus();
              }}
            >
              <span className="ih-status">
                <span className="ih-icon" aria-hidden="true">
                  {statusIcon[source.status]}
                </span>{' '}
                {statusLabel(source.status)}
                {source.stale && <span className="ih-stale">, stale</span>}
              </span>
              <span className="ih-name">{source.name}</span>
              <span className="ih-provider">
                <span className="ih-visually-hidden">, provider </span>
                {provider.name}
              </span>
              <span className="ih-synced">
                <span className="ih-visually-hidden">, </span>synced{' '}
                {syncedInWords(source.syncedAt, now)}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
