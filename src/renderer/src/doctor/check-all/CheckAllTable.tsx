import type { VerificationResult } from '../../../../shared/doctor/verification';
import type { Profile } from '../../../../shared/profiles/profile';
import { CheckAllRow } from './CheckAllRow';

interface CheckAllTableProps {
  profiles: readonly Profile[];
  /** This run's verdicts, by instance id. */
  results: Readonly<Record<string, VerificationResult>>;
  running: boolean;
  onOpen: (profileId: string) => void;
}

/** One row per instance: its result in words, the kind of key, who it acts as, how fast, its integrations. */
export function CheckAllTable({ profiles, results, running, onOpen }: CheckAllTableProps) {
  return (
    <table className="check-all-table">
      <caption>Result for each instance</caption>
      <thead>
        <tr>
          <th scope="col">Instance</th>
          <th scope="col">Result</th>
          <th scope="col">Kind of key</th>
          <th scope="col">Acts as</th>
          <th scope="col">Response time</th>
          <th scope="col">Integrations</th>
        </tr>
      </thead>
      <tbody>
        {profiles.map((profile) => (
          <CheckAllRow
            key={profile.id}
            profile={profile}
            result={results[profile.id]}
            running={running}
            onOpen={() => onOpen(profile.id)}
          />
        ))}
      </tbody>
    </table>
  );
}
