import { useId, useMemo, useState } from 'react';
import { formatSize } from '../../../shared/format/format-size';
import { clipboardTextLimit } from '../../../shared/ipc/clipboard-limit';
import type { JsonLineIndex } from '../../../shared/json/json-line-index';
import { searchNeedle, startJsonSearch, startRawSearch } from '../../../shared/json/search-lines';
import type { FormatReply } from './format-protocol';
import { JsonTreeView } from './JsonTreeView';
import { RawTextView } from './RawTextView';
import { SearchBar } from './SearchBar';
import { useFoldState } from './use-fold-state';
import { useSteppedSearch } from './use-stepped-search';

const noLines: JsonLineIndex = {
  count: 0,
  lines: new Int32Array(0),
  containerCount: 0,
  containers: new Int32Array(0),
};
const decoder = new TextDecoder();

interface BodyPanelProps {
  bytes: Uint8Array;
  formatted: FormatReply;
  /** The answer says it is JSON (Content-Type), so a syntax error is worth showing. */
  saysJson: boolean;
  /** Start in the raw view (an error body shows as received, under its problem). */
  startRaw: boolean;
  onCopy?: (text: string) => void | Promise<void>;
  onSaveToFile?: () => void;
}

function notJsonMessage({ formatted, saysJson, bytes }: BodyPanelProps): string | undefined {
  if (formatted.tree) return undefined;
  if (bytes.length === 0) return 'The answer has no body.';
  const error = formatted.syntaxError;
  const looksJson = saysJson || bytes[0] === 123 || bytes[0] === 91;
  if (error && looksJson) {
    return `The body is not valid JSON (line ${error.line}, column ${error.column}: ${error.message}) It is shown as received.`;
  }
  return 'The body is not JSON; it is shown as received.';
}

/** The body: pretty tree or raw text, search, fold all, copy and save. */
export function BodyPanel(props: BodyPanelProps) {
  const { bytes, formatted, onCopy, onSaveToFile } = props;
  const tree = formatted.tree;
  const idPrefix = useId();
  const [rawChosen, setRawChosen] = useState(props.startRaw);
  const view = tree && !rawChosen ? 'pretty' : 'raw';
  const folds = useFoldState(tree ?? noLines);
  const [activeLine, setActiveLine] = useState(0);
  const [query, setQuery] = useState('');
  const [copyStatus, setCopyStatus] = useState('');

  const needle = useMemo(() => (query ? searchNeedle(query) : undefined), [query]);
  const start = useMemo(() => {
    if (!query) return undefined;
    return view === 'pretty' && tree
      ? () => startJsonSearch(bytes, tree, query)
      : () => startRawSearch(bytes, formatted.rawRows, query);
  }, [bytes, formatted.rawRows, query, tree, view]);
  const { matches, searching } = useSteppedSearch(start);
  const [position, setPosition] = useState<{ matches: unknown; at: number }>({
    matches: undefined,
    at: -1,
  });
  const at = position.matches === matches ? position.at : -1;
  const kept = matches ? matches.pairs.length / 2 : 0;
  const currentMatch = useMemo(
    () =>
      matches && at >= 0
        ? { line: matches.pairs[at * 2] ?? 0, occurrence: matches.pairs[at * 2 + 1] ?? 0 }
        : undefined,
    [matches, at],
  );
  const goToMatch = (next: number) => {
    if (!matches || kept === 0) return;
    const wrapped = (next + kept) % kept;
    const line = matches.pairs[wrapped * 2] ?? 0;
    if (view === 'pretty') {
      folds.reveal(line);
      setActiveLine(line);
    }
    setPosition({ matches, at: wrapped });
  };

  const copy = async () => {
    // Decoding a body this large would hold up the page, and the clipboard would refuse it.
    if (bytes.length > clipboardTextLimit) {
      setCopyStatus(
        `The body is too large to copy (${formatSize(bytes.length)}).${onSaveToFile ? ' Use Save to file… instead.' : ''}`,
      );
      return;
    }
    const text = decoder.decode(bytes);
    try {
      await (onCopy ? onCopy(text) : navigator.clipboard.writeText(text));
      setCopyStatus('Body copied.');
    } catch {
      setCopyStatus('The body could not be copied.');
    }
  };

  const message = notJsonMessage(props);
  return (
    <div className="rv-body">
      <div className="rv-toolbar" role="toolbar" aria-label="Body">
        {tree && (
          <button type="button" aria-pressed={rawChosen} onClick={() => setRawChosen(!rawChosen)}>
            Raw view
          </button>
        )}
        {view === 'pretty' && (
          <>
            <button type="button" onClick={folds.collapseAll}>
              Collapse all
            </button>
            <button type="button" onClick={folds.expandAll}>
              Expand all
            </button>
          </>
        )}
        <button type="button" onClick={() => void copy()}>
          Copy body
        </button>
        {onSaveToFile && (
          <button type="button" onClick={onSaveToFile}>
            Save to file…
          </button>
        )}
        <span role="status" className="muted">
          {folds.busy ? 'Folding…' : copyStatus}
        </span>
      </div>
      <SearchBar
        query={query}
        onQueryChange={setQuery}
        current={at}
        total={matches?.total ?? 0}
        searching={searching}
        truncated={matches?.truncated ?? false}
        onNext={() => goToMatch(at + 1)}
        onPrevious={() => goToMatch(at < 0 ? -1 : at - 1)}
      />
      {message && <p className="rv-note">{message}</p>}
      {view === 'pretty' && tree ? (
        <JsonTreeView
          bytes={bytes}
          index={tree}
          folds={folds}
          activeLine={activeLine}
          onActiveLineChange={setActiveLine}
          needle={needle}
          currentMatch={currentMatch}
          idPrefix={idPrefix}
          label="Response body, formatted"
        />
      ) : (
        <RawTextView
          bytes={bytes}
          rows={formatted.rawRows}
          needle={needle}
          currentMatch={currentMatch}
          label="Response body, as received"
        />
      )}
    </div>
  );
}
