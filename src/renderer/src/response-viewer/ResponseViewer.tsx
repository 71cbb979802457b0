import {
  useEffect,
  useId,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import type { Problem } from '../../../shared/problems/problem';
import { BodyPanel } from './BodyPanel';
import { HeadersTable } from './HeadersTable';
import { ProblemBanner } from './ProblemBanner';
import { StatusSummary, type RequestTimings } from './StatusSummary';
import { useBodyIndex } from './use-body-index';
import './response-viewer.css';

export type { RequestTimings } from './StatusSummary';

export interface ResponseViewerProps {
  status: number;
  /**
   * The body as received: a Blob (best for large bodies: only the format worker reads it), UTF-8
   * bytes, or text.
   */
  body: Blob | Uint8Array | string;
  headers: ReadonlyArray<{ name: string; value: string }>;
  timings?: RequestTimings;
  /** Bytes received; defaults to the body's length. */
  sizeBytes?: number;
  /** How the request went: "direct" or "proxy http://host:port". */
  route?: string;
  /** What main read the answer as (a Veza refusal, a sign-in page...): shown above the body. */
  problem?: Problem;
  /** Copies text (main's clipboard in the app); defaults to navigator.clipboard. */
  onCopy?: (text: string) => void | Promise<void>;
  /** Shows "Save to file…" when given. */
  onSaveToFile?: () => void;
  /** The request this answers, as sent ("GET /api/v1/roles"): shown first, so it is never taken for another's. */
  sentAs?: string;
  /** Why this answer may not be the one wanted (the composer holds another request now). */
  outdated?: string;
  ref?: Ref<ResponseViewerHandle>;
}

export interface ResponseViewerHandle {
  /** Shows the body and puts focus in it (the tree, or the raw text), once it is drawn. */
  focusBody(): void;
}

const encoder = new TextEncoder();

/**
 * An HTTP answer from Veza: status in words, time, size, headers, and the body as pretty JSON
 * (folding, search) or raw, with copy and save. A Veza error body shows as its problem first.
 * Bodies of tens of MB are indexed in a web worker and only the rows on screen are drawn.
 */
export function ResponseViewer({ ref, ...props }: ResponseViewerProps) {
  const { status, body, headers, timings, problem, onCopy, onSaveToFile, sentAs, outdated } = props;
  const source = useMemo(() => (typeof body === 'string' ? encoder.encode(body) : body), [body]);
  const contentType = headers.find((row) => row.name.toLowerCase() === 'content-type')?.value;
  const indexed = useBodyIndex(source);
  const [tab, setTab] = useState<'body' | 'headers'>('body');
  const ids = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  // "Jump to the body" asked for focus: given once the body is drawn (it may still be formatting).
  const focusPending = useRef(false);
  const [jumps, setJumps] = useState(0);
  useImperativeHandle(
    ref,
    () => ({
      focusBody: () => {
        focusPending.current = true;
        setTab('body');
        setJumps((count) => count + 1);
      },
    }),
    [],
  );
  useEffect(() => {
    if (!focusPending.current) return;
    const panel = panelRef.current;
    const drawn = panel?.querySelector<HTMLElement>('[role="tree"], .rv-raw') ?? null;
    const target = drawn ?? panel;
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
    if (drawn || indexed.phase !== 'indexing') focusPending.current = false;
  }, [jumps, tab, indexed.phase]);
  const tabs = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: `Headers (${headers.length})` },
  ] as const;
  const onTabKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = tab === 'body' ? 'headers' : 'body';
      setTab(next);
      document.getElementById(`${ids}-tab-${next}`)?.focus();
    }
  };

  return (
    <section className="response-viewer" aria-label="Response">
      {sentAs && (
        <p className="rv-sent-as">
          Answer to <span className="mono">{sentAs}</span>
        </p>
      )}
      {outdated && (
        <p className="rv-outdated" role="note">
          {outdated}
        </p>
      )}
      <StatusSummary
        status={status}
        sizeBytes={props.sizeBytes ?? (source instanceof Blob ? source.size : source.length)}
        timings={timings}
        route={props.route}
      />
      {problem && <ProblemBanner problem={problem} />}
      <div className="rv-tabs" role="tablist" aria-label="Response parts" onKeyDown={onTabKey}>
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            id={`${ids}-tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`${ids}-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div
        ref={panelRef}
        tabIndex={-1}
        id={`${ids}-panel-${tab}`}
        className="rv-panel"
        role="tabpanel"
        aria-labelledby={`${ids}-tab-${tab}`}
      >
        {tab === 'headers' ? (
          <HeadersTable headers={headers} />
        ) : indexed.phase === 'indexing' ? (
          <p role="status" className="rv-note">
            Formatting the body…
          </p>
        ) : indexed.phase === 'failed' ? (
          <p role="alert" className="rv-note">
            The body could not be formatted ({indexed.message}).
          </p>
        ) : (
          <BodyPanel
            bytes={indexed.bytes}
            formatted={indexed}
            saysJson={/json/i.test(contentType ?? '')}
            startRaw={problem !== undefined}
            onCopy={onCopy}
            onSaveToFile={onSaveToFile}
          />
        )}
      </div>
    </section>
  );
}
