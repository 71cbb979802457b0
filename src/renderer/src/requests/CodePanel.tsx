import { useId, useState } from 'react';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { snippetTargets } from '../../../shared/snippets/snippet-targets';
import { CopyButton } from '../components/CopyButton';

/**
 * "Code to copy": the current request as curl, curl.exe, PowerShell or Python, each reading
 * the address and key from VEZA_URL and VEZA_TOKEN, with how to set those first.
 */
export function CodePanel({ spec }: { spec: RequestSpec }) {
  const ids = useId();
  const [targetId, setTargetId] = useState(snippetTargets[0]?.id);
  const target = snippetTargets.find((candidate) => candidate.id === targetId) ?? snippetTargets[0];
  if (!target) return null;
  const code = target.generate(spec);
  return (
    <section className="code-panel card" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Code to copy</h3>
      <div className="field">
        <label htmlFor={`${ids}-target`}>Language</label>
        <select
          id={`${ids}-target`}
          value={target.id}
          onChange={(e) => setTargetId(e.target.value as typeof targetId)}
        >
          {snippetTargets.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">First set these environment variables (your address and your own key):</p>
      <pre className="snippet" aria-label="Set these environment variables">
        {target.setup}
      </pre>
      <pre className="snippet" aria-label={`${target.label} code`}>
        {code}
      </pre>
      <div className="button-row">
        <CopyButton text={code} label="Copy code" />
        <CopyButton text={`${target.setup}\n\n${code}`} label="Copy with the variables" />
      </div>
    </section>
  );
}
