import { useId, useMemo, useState, type FormEvent } from 'react';
import type { CreatedTeamKey, SaveNewKeyAs, Team } from '../../../shared/keys/team-keys';
import type { Profile } from '../../../shared/profiles/profile';
import { useAction } from '../data/use-action';
import { ProblemCard } from '../problems/ProblemCard';
import { useProfilesStore } from '../data/profiles-store';

type Keep = SaveNewKeyAs['kind'];

/**
 * Creates a team key with this instance's key. The new key never comes to this window: main
 * saves it in the keychain (a new instance, or the key of one with the same address) and, if
 * asked, copies it once to the clipboard itself.
 */
export function CreateTeamKeyForm({
  profile,
  teams,
  cannotWhy,
  onCreated,
}: {
  profile: Profile;
  teams: readonly Team[];
  /** Set when the key is known not to be allowed: the id of the note that says why. */
  cannotWhy?: string;
  onCreated: (created: CreatedTeamKey) => void;
}) {
  const id = useId();
  const profiles = useProfilesStore((state) => state.profiles);
  const sameAddress = useMemo(
    () => profiles.filter((p) => p.baseUrl === profile.baseUrl && p.id !== profile.id),
    [profiles, profile.baseUrl, profile.id],
  );
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState('');
  const [keep, setKeep] = useState<Keep>('new-profile');
  const [instanceName, setInstanceName] = useState('');
  const [existingId, setExistingId] = useState('');
  const [copyOnce, setCopyOnce] = useState(false);
  const { run, pending: busy, problem } = useAction('keys.createTeamKey');

  const chosenTeam = teamId || teams[0]?.id || '';
  const chosenExisting = existingId || sameAddress[0]?.id || '';
  const saveAs: SaveNewKeyAs =
    keep === 'new-profile'
      ? { kind: 'new-profile', name: instanceName.trim() || `${profile.name}: ${name.trim()}` }
      : keep === 'existing-profile'
        ? { kind: 'existing-profile', id: chosenExisting }
        : { kind: 'none' };
  const lost = keep === 'none' && !copyOnce;
  const ready =
    name.trim() !== '' &&
    chosenTeam !== '' &&
    !lost &&
    !(keep === 'existing-profile' && !chosenExisting);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy) return;
    const args = { profileId: profile.id, name: name.trim(), teamId: chosenTeam, saveAs, copyOnce };
    void run(args, (created) => {
      setName('');
      setInstanceName('');
      onCreated(created);
    });
  };

  return (
    <form className="card keys-create" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h4 id={`${id}-title`}>New team key</h4>
      <p className="hint">
        Only Admins and Operators can create team keys. Veza shows a new key only once: Veza Desk
        saves it for you, so you never have to copy it.
      </p>
      {problem?.detail.serverMessage && (
        <p className="keys-veza-said">
          <strong>Veza said:</strong> {problem.detail.serverMessage}
        </p>
      )}
      {problem && <ProblemCard problem={problem} />}
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the key</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          maxLength={200}
          placeholder="For example: HR system sync"
          onChange={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>Team</label>
        <select
          id={`${id}-team`}
          value={chosenTeam}
          onChange={(event) => setTeamId(event.currentTarget.value)}
        >
          {teams.length === 0 && <option value="">No team could be read</option>}
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="keys-keep">
        <legend>Keep the new key</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-keep`}
            checked={keep === 'new-profile'}
            onChange={() => setKeep('new-profile')}
          />
          As a new instance in Veza Desk (same address and network settings)
        </label>
        {keep === 'new-profile' && (
          <div className="field keys-nested">
            <label htmlFor={`${id}-instance`}>Name of the new instance</label>
            <input
              id={`${id}-instance`}
              type="text"
              value={instanceName}
              maxLength={100}
              placeholder={`${profile.name}: ${name.trim() || 'key name'}`}
              onChange={(event) => setInstanceName(event.currentTarget.value)}
            />
          </div>
        )}
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-keep`}
            checked={keep === 'existing-profile'}
            disabled={sameAddress.length === 0}
            onChange={() => setKeep('existing-profile')}
          />
          As the key of another instance with this address
          {sameAddress.length === 0 ? ' (there is none)' : ''}
        </label>
        {keep === 'existing-profile' && (
          <div className="field keys-nested">
            <label htmlFor={`${id}-existing`}>Instance</label>
            <select
              id={`${id}-existing`}
              value={chosenExisting}
              onChange={(event) => setExistingId(event.currentTarget.value)}
            >
              {sameAddress.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            <p className="hint">Its current key is replaced in the keychain.</p>
          </div>
        )}
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-keep`}
            checked={keep === 'none'}
            onChange={() => setKeep('none')}
          />
          Do not save it in Veza Desk
        </label>
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={copyOnce}
          onChange={(event) => setCopyOnce(event.currentTarget.checked)}
        />
        Also copy the key once to the clipboard
      </label>
      {copyOnce && (
        <p className="hint">
          Veza will not show this key again. Paste it where it must go at once: Veza Desk clears the
          clipboard after a minute.
        </p>
      )}
      {lost && (
        <p className="hint" role="note">
          Save the key or copy it: otherwise nobody could ever use it.
        </p>
      )}
      <button
        type="submit"
        className="primary"
        disabled={!ready || busy || cannotWhy !== undefined}
        aria-describedby={cannotWhy}
      >
        {busy ? 'Creating…' : 'Create team key'}
      </button>
    </form>
  );
}
