import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { VezaEndpoint } from '../../../shared/catalog/endpoint';
import { searchEndpoints } from '../../../shared/catalog/search-endpoints';

interface PathComboboxProps {
  value: string;
  onChange: (path: string) => void;
  /** A catalogue entry was chosen from the list. */
  onPick: (endpoint: VezaEndpoint) => void;
}

const maxOptions = 12;

/**
 * The path field with suggestions from the Veza catalogue (WAI-ARIA combobox with a listbox):
 * typing a path or plain words ("list teams") filters; arrows move, Enter picks, Escape closes.
 * Each suggestion says in plain words what the call does.
 */
export function PathCombobox({ value, onChange, onPick }: PathComboboxProps) {
  const ids = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = useMemo(() => searchEndpoints(value).slice(0, maxOptions), [value]);
  const showList = open && options.length > 0;
  const optionId = (index: number) => `${ids}-option-${index}`;

  const pick = (endpoint: VezaEndpoint | undefined) => {
    if (!endpoint) return;
    onPick(endpoint);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + options.length) % Math.max(options.length, 1));
    } else if (event.key === 'Enter' && showList && active >= 0) {
      event.preventDefault();
      pick(options[active]);
    } else if (event.key === 'Escape' && showList) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="path-combobox">
      <label htmlFor={`${ids}-input`}>Path or what you want to do</label>
      <input
        id={`${ids}-input`}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${ids}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={`${ids}-listbox`}
        role="listbox"
        aria-label="Veza API calls"
        className="path-options"
        hidden={!showList}
      >
        {options.map((endpoint, index) => (
          <li
            key={endpoint.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(endpoint);
            }}
          >
            <span className="option-title">{endpoint.title}</span>{' '}
            <span className="option-path mono">
              {endpoint.method} {endpoint.path}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
