import { useId } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { useNow } from '../components/use-now';
import { useIsChecking } from '../data/use-is-checking';
import { instanceStatus, type InstanceStatus } from './instance-status';
import './instance-status.css';

const badges: Record<InstanceStatus, string> = {
  works: '✓',
  problem: '!',
  unverified: '?',
  'no-key': '–',
  checking: '…',
};

interface InstanceListItemProps {
  profile: Profile;
  index: number;
  active: boolean;
  onSelect: () => void;
}

/**
 * One instance in the sidebar: colour, status badge, name, production tag, and the status in
 * words with when it was last verified; named by its name, described by its status.
 */
export function InstanceListItem({ profile, index, active, onSelect }: InstanceListItemProps) {
  const id = useId();
  const now = useNow();
  const { status, label } = instanceStatus(profile, now, useIsChecking(profile.id));
  // The button is named by the instance's name alone and described by its status; the status
  // line sits beside it (not inside), so its visible text matches its accessible name, and the
  // button's ::after stretches over the whole entry so a click anywhere selects it.
  return (
    <li className={`instance-entry${active ? ' active' : ''}`}>
      <button
        type="button"
        className="instance-item"
        aria-current={active ? 'true' : undefined}
        aria-describedby={`${id}-status`}
        onClick={onSelect}
        title={index < 9 ? `Ctrl+${index + 1}` : undefined}
      >
        <span className="colour-dot" style={{ background: profile.colour }} aria-hidden="true" />
        <span className={`status-badge status-${status}`} aria-hidden="true">
          {badges[status]}
        </span>
        <span className="instance-name">{profile.name}</span>
      </button>
      <span id={`${id}-status`} className={`instance-status status-${status}`}>
        {profile.production && <span className="production-tag">PRODUCTION · </span>}
        {label}
      </span>
    </li>
  );
}
