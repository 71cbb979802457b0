import type { KeyboardEvent } from 'react';
import { useUiStore } from '../data/ui-store';
import { InstanceListItem } from './InstanceListItem';
import { useProfilesStore } from '../data/profiles-store';

/** Up/Down move focus to the next or previous instance, Home/End to the first or last. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>('.instance-item')];
  const index = items.indexOf(document.activeElement as HTMLElement);
  if (index < 0 || items.length === 0) return;
  const target =
    event.key === 'ArrowDown'
      ? Math.min(index + 1, items.length - 1)
      : event.key === 'ArrowUp'
        ? Math.max(index - 1, 0)
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? items.length - 1
            : undefined;
  if (target === undefined) return;
  event.preventDefault();
  items[target]?.focus();
}

/**
 * The saved instances, in the order they were added. Tab reaches each one; the arrow keys,
 * Home and End move between them too.
 */
export function InstanceList() {
  const profiles = useProfilesStore((state) => state.profiles);
  const activeId = useProfilesStore((state) => state.activeId);
  const select = useProfilesStore((state) => state.select);
  const loaded = useProfilesStore((state) => state.loaded);
  const setCheckAllOpen = useUiStore((state) => state.setCheckAllOpen);
  if (loaded && profiles.length === 0) {
    return (
      <div className="sidebar-empty">
        <p>No instances yet.</p>
        <p className="muted">An instance is one Veza tenant: its address and an API key.</p>
      </div>
    );
  }
  return (
    <ul className="instance-list" onKeyDown={moveFocus}>
      {profiles.map((profile, index) => (
        <InstanceListItem
          key={profile.id}
          profile={profile}
          index={index}
          active={profile.id === activeId}
          onSelect={() => {
            select(profile.id);
            setCheckAllOpen(false);
          }}
        />
      ))}
    </ul>
  );
}
