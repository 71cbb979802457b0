import { useId, useState } from 'react';
import { importCurl, type CurlImport } from '../../../shared/curl-import/import-curl';
import type { Problem } from '../../../shared/problems/problem';
import type { Profile } from '../../../shared/profiles/profile';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { veza } from '../bridge/veza';
import { ModalDialog } from '../components/ModalDialog';
import { ProblemCard } from '../problems/ProblemCard';

type Imported = Extract<CurlImport, { ok: true }>;

/**
 * "Import from curl": a pasted command fills the composer. A key found in it is never put in
 * the request; it is offered to the keychain for this instance, and forgotten otherwise. The
 * pasted text is cleared once read, so the key does not stay on screen.
 */
export function CurlImportDialog({
  profile,
  onImport,
  onClose,
}: {
  profile: Profile;
  onImport: (spec: RequestSpec) => void;
  onClose: () => void;
}) {
  const ids = useId();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Imported | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [keyState, setKeyState] = useState<'offered' | 'saved' | Problem>('offered');
  const [keyFoundElsewhere, setKeyFoundElsewhere] = useState(false);

  const read = () => {
    const result = importCurl(text);
    setText('');
    if (!result.ok) {
      setFailure(result.reason);
      setOutcome(null);
      return;
    }
    const { foundKey, ...rest } = result;
    setFailure(null);
    setOutcome(rest);
    // A key written for another address is not this instance's: it is not offered here.
    setKey(foundKey && !writtenElsewhere(rest) ? foundKey.value : null);
    setKeyFoundElsewhere(foundKey !== undefined && writtenElsewhere(rest));
    setKeyState('offered');
    onImport(result.spec);
  };
  const saveKey = async () => {
    if (!key) return;
    const saved = await veza.invoke('profiles.setKey', {
      id: profile.id,
      key: { apiKey: key, acceptAsIs: false },
    });
    setKeyState(saved.ok ? 'saved' : saved.problem);
    if (saved.ok) setKey(null);
  };
  const writtenElsewhere = (imported: Omit<Imported, 'foundKey'>) =>
    imported.base.kind === 'origin' && imported.base.origin !== profile.baseUrl.replace(/\/+$/, '');
  const elsewhere = outcome !== null && writtenElsewhere(outcome);

  return (
    <ModalDialog
      title="Import from curl"
      onClose={onClose}
      actions={
        <button type="button" onClick={read} disabled={!text.trim()}>
          Fill the composer
        </button>
      }
    >
      <div className="field">
        <label htmlFor={`${ids}-command`}>curl command</label>
        <textarea
          id={`${ids}-command`}
          rows={6}
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <p className="hint">
          Paste a curl command, for example from Veza's documentation. Nothing is sent until you
          press Send.
        </p>
      </div>
      {failure && <p role="alert">{failure}</p>}
      {outcome && (
        <div role="status">
          <p>
            The composer now holds {outcome.spec.method} {outcome.spec.path}.
          </p>
          {elsewhere && outcome.base.kind === 'origin' && (
            <p>
              The command was written for {outcome.base.origin}; here it is sent to {profile.name}.
            </p>
          )}
          {outcome.notes.length > 0 && (
            <ul aria-label="Notes">
              {outcome.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
          {outcome.warnings.length > 0 && (
            <ul aria-label="Warnings" className="warnings">
              {outcome.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {key && keyState === 'offered' && (
        <div className="card" role="group" aria-label="Key found in the command">
          <p>
            The command contains an API key ({key.length} characters, ending in …{key.slice(-4)}
            ). It was not put in the request.
          </p>
          <button type="button" onClick={() => void saveKey()}>
            Save this key for {profile.name}
          </button>
        </div>
      )}
      {keyFoundElsewhere && outcome?.base.kind === 'origin' && (
        <p role="note">
          The command contains an API key for {outcome.base.origin}, not for {profile.name}. It was
          not put in the request and is not offered for this instance: a key works only on the
          instance that made it. To keep it, add an instance for {outcome.base.origin} with Add
          instance and paste the key there.
        </p>
      )}
      {keyState === 'saved' && (
        <p role="status">The key is saved in the keychain for {profile.name}.</p>
      )}
      {typeof keyState === 'object' && <ProblemCard problem={keyState} />}
    </ModalDialog>
  );
}
