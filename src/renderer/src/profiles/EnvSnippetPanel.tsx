import { useId, useState } from 'react';
import {
  buildEnvSnippet,
  envSnippetShellLabels,
  envSnippetShells,
  type EnvSnippetShell,
} from '../../../shared/profiles/env-snippet';
import type { Profile } from '../../../shared/profiles/profile';
import { veza } from '../bridge/veza';
import { useProfilesStore } from '../data/profiles-store';

/**
 * "Set these environment variables" for scripts, in the forms Veza's documentation uses. The
 * page shows the placeholder version only; with the key included, main copies or saves the
 * text itself and the page never receives it.
 */
export function EnvSnippetPanel({ profile }: { profile: Profile }) {
  const id = useId();
  const [shell, setShell] = useState<EnvSnippetShell>('posix');
  const [includeKey, setIncludeKey] = useState(false);
  const [done, setDone] = useState('');
  const showProblem = useProfilesStore((state) => state.showProblem);
  const send = async (to: 'clipboard' | 'file') => {
    setDone('');
    const result = await veza.invoke('profiles.exportEnvSnippet', {
      id: profile.id,
      shell,
      includeKey,
      to,
    });
    if (!result.ok) return showProblem(result.problem);
    if (result.value.cancelled) return;
    setDone(
      to === 'clipboard'
        ? includeKey
          ? 'Copied, with the API key. The clipboard is cleared again in a minute.'
          : 'Copied.'
        : `Saved to ${result.value.destination ?? ''}`,
    );
  };
  return (
    <section className="snippet-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Use this instance in scripts</h3>
      <p className="muted">
        Set these environment variables before running a script or a command from Veza&apos;s
        documentation.
      </p>
      <div className="field">
        <label htmlFor={`${id}-shell`}>Command line</label>
        <select
          id={`${id}-shell`}
          value={shell}
          onChange={(event) => setShell(event.currentTarget.value as EnvSnippetShell)}
        >
          {envSnippetShells.map((option) => (
            <option key={option} value={option}>
              {envSnippetShellLabels[option]}
            </option>
          ))}
        </select>
      </div>
      <pre className="snippet" aria-label="Environment variables">
        {buildEnvSnippet(shell, profile.baseUrl)}
      </pre>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeKey}
          disabled={!profile.key}
          onChange={(event) => setIncludeKey(event.currentTarget.checked)}
        />
        Put the real API key in place of your_api_key_here (it is copied or saved directly, never
        shown)
      </label>
      <div className="button-row">
        <button type="button" onClick={() => void send('clipboard')}>
          Copy
        </button>
        <button type="button" onClick={() => void send('file')}>
          Save to a file…
        </button>
      </div>
      <p role="status" className="muted">
        {done}
      </p>
    </section>
  );
}
