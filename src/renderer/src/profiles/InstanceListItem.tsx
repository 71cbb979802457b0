import { useId } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { instanceStatus } from './instance-status';

interface InstanceListItemProps {
  profile: Profile;
  index: number;
  active: boolean;
  onSelect: () => void;
}

/** One instance in the sidebar: colour, name, production tag, status; named by its name. */
export function InstanceListItem({ profile, index, active, onSelect }: InstanceListItemProps) {
  const id = useId();
  const { status, label } = instanceStatus(profile);
  return (
    <li>
      <button
        type="button"
        className={`instance-item${active ? ' active' : ''}`}
        aria-current={active ? 'true' : undefined}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-status`}
        onClick={onSelect}
        title={index < 9 ? `Ctrl+${index + 1}` : undefined}
      >
        <span className="colour-dot" style={{ background: profile.colour }} aria-hidden="true" />
        <span className="instance-text">
          <span id={`${id}-name`} className="instance-name">
            {profile.name}
          </span>
          <span id={`${id}-status`} className={`instance-status status-${status}`}>
            {profile.production && <span className="production-tag">PRODUCTION · </span>}
            {label}
          </span>
        </span>
      </button>
    </li>
  );
}
