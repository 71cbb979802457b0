import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDefinition {
  id: string;
  label: string;
  render: () => ReactNode;
}

interface TabsProps {
  tabs: readonly TabDefinition[];
  label: string;
  /** Set with onSelect when something outside also opens a tab (e.g. the Verify button). */
  selected?: string;
  onSelect?: (id: string) => void;
}

/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the active tab is in the
 * Tab order; the panel is labelled by its tab. Inactive panels are not rendered.
 */
export function Tabs({ tabs, label, selected, onSelect }: TabsProps) {
  const baseId = useId();
  const [own, setOwn] = useState(tabs[0]?.id);
  const active = selected ?? own;
  const setActive = (id: string) => {
    setOwn(id);
    onSelect?.(id);
  };
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const current = tabs.find((tab) => tab.id === active) ?? tabs[0];
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    setActive(tab.id);
    buttons.current.get(tab.id)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.id}`}
            aria-selected={tab.id === current?.id}
            aria-controls={`${baseId}-panel-${tab.id}`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            className="tab"
            onClick={() => setActive(tab.id)}
            onKeyDown={(event) => move(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${current.id}`}
          aria-labelledby={`${baseId}-tab-${current.id}`}
          className="tab-panel"
          tabIndex={0}
        >
          {current.render()}
        </div>
      )}
    </div>
  );
}
