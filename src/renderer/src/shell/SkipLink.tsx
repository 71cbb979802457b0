import { useActiveProfile } from '../data/profiles-store';
import { useUiStore } from '../data/ui-store';

/**
 * The first stop of the Tab key: straight to the open instance's tabs, past the sidebar and
 * the instance's buttons. Hidden until it has focus.
 */
export function SkipLink() {
  const profile = useActiveProfile();
  const checkAllOpen = useUiStore((state) => state.checkAllOpen);
  const failingAcrossOpen = useUiStore((state) => state.failingAcrossOpen);
  if (!profile || checkAllOpen || failingAcrossOpen) return null;
  return (
    <a
      className="skip-link"
      href="#instance-tabs"
      onClick={(event) => {
        event.preventDefault();
        document
          .querySelector<HTMLElement>('.main-area [role="tab"][aria-selected="true"]')
          ?.focus();
      }}
    >
      Skip to {profile.name}’s tabs
    </a>
  );
}
