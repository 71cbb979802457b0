import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { formatTimeAgo } from '../../../shared/time/format-time-ago';
import { useRowWindow } from '../response-viewer/use-row-window';
import {
  statusIcon,
  statusLabel,
  type IntegrationRow,
} from '../../../shared/integrations/integration-rows';

/** Fixed, so the window is arithmetic alone (use-row-window.ts); matches .ih-row's height. */
const rowHeight = 36;

interface IntegrationsListProps<R extends IntegrationRow> {
  rows: readonly R[];
  /** The row whose details show below; the keyboard moves it. */
  selected: string | undefined;
  onSelect: (key: string) => void;
  /** Enter or a double click on a row: where the row leads (the list across instances). */
  onOpen?: (row: R) => void;
  now: Date;
  idPrefix: string;
  label: string;
  /**
   * The cells after the status and the name (default: the provider and the last sync); the
   * list across instances shows the instance, since when and Veza's reason instead.
   */
  cells?: (row: R) => ReactNode;
  /** The key of a row to scroll into view when it changes. */
  reveal?: string;
  /** A class for the grid of those cells (`ih-row` keeps its height). */
  rowClass?: string;
}

export const syncedInWords = (iso: string | null, now: Date): string =>
  iso ? formatTimeAgo(iso, now) : 'never';

/**
 * The data sources as a listbox whose rows exist in the page only while on screen (the
 * response viewer's row window): thousands of sources scroll as smoothly as ten. The list
 * keeps focus and points at the selected row with aria-activedescendant; each option says its
 * place (aria-posinset / aria-setsize), so a screen reader counts right while rows come and go.
 */
export function IntegrationsList<R extends IntegrationRow>({
  rows,
  selected,
  onSelect,
  onOpen,
  now,
  idPrefix,
  label,
  cells,
  rowClass,
  reveal,
}: IntegrationsListProps<R>) {
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
  // A row chosen from elsewhere (the list across instances) is scrolled into view.
  useEffect(() => {
    if (reveal === undefined) return;
    const index = rows.findIndex((row) => row.key === reveal);
    if (index >= 0) scrollToRow(index, 'center');
    // Only when asked: following every change of rows would undo the user's scrolling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);
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
    if (event.key === 'Enter' && onOpen) {
      const row = rows[position];
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
      return;
    }
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
              className={`ih-row${rowClass ? ` ${rowClass}` : ''} ih-status-${source.status.replace(' ', '-')}${isSelected ? ' ih-row-selected' : ''}`}
              style={{ top }}
              onClick={() => {
                onSelect(row.key);
                scrollRef.current?.focus();
              }}
              onDoubleClick={onOpen ? () => onOpen(row) : undefined}
            >
              <span className="ih-status">
                <span className="ih-icon" aria-hidden="true">
                  {statusIcon[source.status]}
                </span>{' '}
                {statusLabel(source.status)}
                {source.stale && <span className="ih-stale">, stale</span>}
              </span>
              <span className="ih-name">{source.name}</span>
              {cells ? (
                cells(row)
              ) : (
                <>
                  <span className="ih-provider">
                    <span className="ih-visually-hidden">, provider </span>
                    {provider.name}
                  </span>
                  <span className="ih-synced">
                    <span className="ih-visually-hidden">, </span>synced{' '}
                    {syncedInWords(source.syncedAt, now)}
                  </span>
                </>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
