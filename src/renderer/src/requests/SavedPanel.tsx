import { useCallback, useEffect, useId, useState } from 'react';
import type { Problem } from '../../../shared/problems/problem';
import type { SavedRequest } from '../../../shared/requests/request-records';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { veza } from '../bridge/veza';
import { ProblemCard } from '../problems/ProblemCard';

function byFolder(requests: readonly SavedRequest[]): [string, SavedRequest[]][] {
  const folders = new Map<string, SavedRequest[]>();
  for (const request of requests) {
    folders.set(request.folder, [...(folders.get(request.folder) ?? []), request]);
  }
  return [...folders.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * Saved requests, named and in folders, with export and import. Opening one only fills the
 * composer: nothing is sent until the user presses Send, and an import never sends anything.
 */
export function SavedPanel({
  spec,
  onOpen,
}: {
  spec: RequestSpec;
  onOpen: (spec: RequestSpec) => void;
}) {
  const ids = useId();
  const [requests, setRequests] = useState<SavedRequest[]>([]);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string[]>([]);

  const reload = useCallback(async () => {
    const result = await veza.invoke('saved.list', undefined);
    if (result.ok) setRequests(result.value.requests);
  }, []);
  useEffect(() => {
    let current = true;
    void veza.invoke('saved.list', undefined).then((result) => {
      if (current && result.ok) setRequests(result.value.requests);
    });
    return () => {
      current = false;
    };
  }, []);

  const save = async () => {
    const result = await veza.invoke('saved.save', { name, folder, spec });
    if (!result.ok) return setProblem(result.problem);
    setProblem(null);
    setNotice([`Saved "${result.value.name}".`]);
    setName('');
    await reload();
  };
  const transfer = async (kind: 'export' | 'import') => {
    if (kind === 'export') {
      const result = await veza.invoke('saved.exportFile', undefined);
      if (!result.ok) return setProblem(result.problem);
      if (!result.value.cancelled) setNotice([`Exported to ${result.value.destination}.`]);
      return;
    }
    const result = await veza.invoke('saved.importFile', undefined);
    if (!result.ok) return setProblem(result.problem);
    if (!result.value.cancelled) {
      setNotice([
        `Imported ${result.value.imported} request(s). Nothing was sent.`,
        ...result.value.notes,
      ]);
    }
    await reload();
  };

  return (
    <section className="saved-panel card" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Saved requests</h3>
      <form
        className="saved-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-name`}>Name</label>
          <input
            id={`${ids}-name`}
            type="text"
            value={name}
            required
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-folder`}>Folder (optional)</label>
          <input
            id={`${ids}-folder`}
            type="text"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
          />
        </div>
        <button type="submit" disabled={!name.trim()}>
          Save this request
        </button>
      </form>
      {problem && <ProblemCard problem={problem} onDismiss={() => setProblem(null)} />}
      {notice.length > 0 && (
        <div role="status">
          {notice.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {byFolder(requests).map(([folderName, items]) => (
        <div key={folderName} className="saved-folder">
          <h4>{folderName || 'No folder'}</h4>
          <ul aria-label={folderName || 'No folder'}>
            {items.map((item) => (
              <li key={item.id}>
                <span>{item.name}</span>{' '}
                <span className="mono muted">
                  {item.spec.method} {item.spec.path}
                </span>
                <span className="button-row">
                  <button
                    type="button"
                    aria-label={`Open ${item.name}`}
                    onClick={() => onOpen(item.spec)}
                  >
                    Open
                  </button>
                  <button
                    type="button"
                    aria-label={`Delete ${item.name}`}
                    onClick={() => void veza.invoke('saved.delete', { id: item.id }).then(reload)}
                  >
                    Delete
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <div className="button-row">
        <button type="button" onClick={() => void transfer('export')}>
          Export saved requests…
        </button>
        <button type="button" onClick={() => void transfer('import')}>
          Import saved requests…
        </button>
      </div>
    </section>
  );
}
