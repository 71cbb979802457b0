import { useId, useState } from 'react';
import type { SavedRequest } from '../../../shared/requests/request-records';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { useAction } from '../data/use-action';
import { useSavedRequests } from '../data/saved-requests-store';
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
  // The list is the window's cache of main's, kept current by savedRequests.changed.
  const { requests, loadProblem } = useSavedRequests();
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [notice, setNotice] = useState<string[]>([]);
  const saving = useAction('saved.save');
  const deleting = useAction('saved.delete');
  const exporting = useAction('saved.exportFile');
  const importing = useAction('saved.importFile');
  const actions = [saving, deleting, exporting, importing];
  // One problem at a time: the one of the last action that failed.
  const problem = actions.find((action) => action.problem)?.problem ?? null;
  const clearProblems = () => actions.forEach((action) => action.clearProblem());

  const save = () => {
    clearProblems();
    void saving.run({ name, folder, spec }, (saved) => {
      setNotice([`Saved "${saved.name}".`]);
      setName('');
    });
  };
  const transfer = (kind: 'export' | 'import') => {
    clearProblems();
    if (kind === 'export') {
      void exporting.run(undefined, (written) => {
        if (!written.cancelled) setNotice([`Exported to ${written.destination}.`]);
      });
      return;
    }
    void importing.run(undefined, (imported) => {
      if (imported.cancelled) return;
      setNotice([`Imported ${imported.imported} request(s). Nothing was sent.`, ...imported.notes]);
    });
  };
  const remove = (item: SavedRequest) => {
    clearProblems();
    void deleting.run({ id: item.id });
  };

  return (
    <section className="saved-panel card" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Saved requests</h3>
      <form
        className="saved-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
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
      {loadProblem && <ProblemCard problem={loadProblem} />}
      {problem && <ProblemCard problem={problem} onDismiss={clearProblems} />}
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
                    onClick={() => remove(item)}
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
        <button type="button" onClick={() => transfer('export')}>
          Export saved requests…
        </button>
        <button type="button" onClick={() => transfer('import')}>
          Import saved requests…
        </button>
      </div>
    </section>
  );
}
