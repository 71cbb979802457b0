import { useId, type KeyboardEvent } from 'react';

interface SearchBarProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** Index of the current match (from 0), the total, and whether counting is still going. */
  current: number;
  total: number;
  searching: boolean;
  truncated: boolean;
  onNext: () => void;
  onPrevious: () => void;
}

function countText({ query, current, total, searching, truncated }: SearchBarProps): string {
  if (!query) return '';
  if (searching) return 'Searching…';
  if (total === 0) return 'No matches';
  if (current < 0)
    return `${total.toLocaleString('en-US')} ${total === 1 ? 'match' : 'matches'}: press Enter to go to the first`;
  return `${(current + 1).toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${truncated ? ' (the first 100,000 can be visited)' : ''}`;
}

/** Search the body: Enter for the next match, Shift+Enter for the previous one. */
export function SearchBar(props: SearchBarProps) {
  const { query, onQueryChange, total, onNext, onPrevious } = props;
  const inputId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (event.shiftKey) onPrevious();
    else onNext();
  };
  return (
    <div className="rv-search" role="search">
      <label htmlFor={inputId} className="rv-visually-hidden">
        Search the body
      </label>
      <input
        id={inputId}
        type="search"
        placeholder="Search the body"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="button" onClick={onPrevious} disabled={total === 0} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={onNext} disabled={total === 0} aria-label="Next match">
        ↓
      </button>
      <span className="rv-search-count" role="status" aria-live="polite">
        {countText(props)}
      </span>
    </div>
  );
}
