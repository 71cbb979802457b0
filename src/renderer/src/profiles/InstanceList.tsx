import { useUiStore } from '../data/ui-store';
import { InstanceListItem } from './InstanceListItem';
import { useProfilesStore } from '../data/profiles-store';

/** The saved instances, in the order they were added. */
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
    <ul className="instance-list">
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
