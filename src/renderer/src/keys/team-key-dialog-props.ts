import type { TeamKey } from '../../../shared/keys/team-keys';

/** What every team key dialog gets: the managing instance, the key, and how to close. */
export interface TeamKeyDialogProps {
  profileId: string;
  teamKey: TeamKey;
  /** `changed`: the list must be read again. */
  onClose: (changed: boolean) => void;
}
