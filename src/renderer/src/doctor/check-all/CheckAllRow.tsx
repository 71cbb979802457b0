import type { VerificationResult } from '../../../../shared/doctor/verification';
import type { Profile } from '../../../../shared/profiles/profile';
import { keyKindWords, verdictWords } from '../describe-verdict';
import { useIntegrationsAcrossStore } from '../../data/integrations-across-store';
import { IntegrationsCell } from './integrations-cell';

interface CheckAllRowProps {
  profile: Profile;
  result: VerificationResult | undefined;
  running: boolean;
  onOpen: () => void;
}

/** One instance in the results table; its name opens it. */
export function CheckAllRow({ profile, result, running, onOpen }: CheckAllRowProps) {
  const status = result ? (result.ok ? 'works' : 'problem') : 'waiting';
  const integrations = useIntegrationsAcrossStore((state) => state.entries[profile.id]);
  return (
    <tr className={`check-all-row row-${status}`}>
      <th scope="row">
        <button type="button" className="link-button" onClick={onOpen}>
          {profile.name}
        </button>
      </th>
      <td>
        {result ? (
          <>
            <span className="verdict-icon" aria-hidden="true">
              {result.ok ? '✓ ' : '✕ '}
            </span>
            {verdictWords(result)}
          </>
        ) : running ? (
          'Checking…'
        ) : (
          'Not checked'
        )}
      </td>
      <td>{result ? keyKindWords(result.keyKind) : ''}</td>
      <td>{result?.identity?.name ?? ''}</td>
      <td>{result?.latencyMs !== undefined ? `${Math.round(result.latencyMs)} ms` : ''}</td>
      <td>
        <IntegrationsCell entry={integrations} />
      </td>
    </tr>
  );
}
