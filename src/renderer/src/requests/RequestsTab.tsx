import { useRef, useState } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import type { HistoryEntry } from '../../../shared/requests/request-records';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import type { ResponseViewerHandle } from '../response-viewer/ResponseViewer';
import { CodePanel } from './CodePanel';
import { applySpecChange, callKey, type SpecChange } from './composer-call';
import { Composer } from './Composer';
import { cutBodyOf, holdsCutBody } from './cut-body';
import { CurlImportDialog } from './CurlImportDialog';
import { HistoryPanel } from './HistoryPanel';
import { ProductionConfirmDialog } from './ProductionConfirmDialog';
import { readResponseBody } from './read-response-body';
import { useRequestsStore, useWorkspace, type Workspace } from './requests-store';
import { ResponseArea } from './ResponseArea';
import { SavedPanel } from './SavedPanel';
import { useSendRequest } from './use-send-request';
import './requests.css';

/** The Requests tab of an instance: composer, answer, code to copy, history, saved requests. */
export function RequestsTab({ profile }: { profile: Profile }) {
  const workspace = useWorkspace(profile.id);
  const update = useRequestsStore((state) => state.update);
  const sender = useSendRequest(profile);
  const [importing, setImporting] = useState(false);
  const [showCode, setShowCode] = useState(false);
  const viewer = useRef<ResponseViewerHandle>(null);
  /** A whole request put in the composer (history, saved, curl): nothing of the last is kept. */
  const setSpec = (spec: RequestSpec, cutBody?: Workspace['cutBody']) =>
    update(profile.id, { spec, invalid: undefined, cleared: undefined, cutBody });
  /** A history entry's request, its body marked when the history kept only the first part. */
  const setEntrySpec = (entry: HistoryEntry) => setSpec(entry.spec, cutBodyOf(entry));
  /** The composer edited; a new call (picked, or a path typed) clears the last call's rows. */
  const changeSpec = (next: RequestSpec, how: SpecChange) => {
    const { spec, cleared } = applySpecChange(workspace.spec, next, how);
    // A call picked from the catalogue starts without another call's answer (history has it).
    // Otherwise the answer stays, named and marked when the composer holds another request.
    const answerGoes = how === 'pick' && workspace.response?.call !== callKey(spec);
    update(profile.id, {
      spec,
      invalid: undefined,
      ...(cleared ? { cleared } : {}),
      ...(answerGoes ? { response: undefined, problem: undefined } : {}),
    });
  };
  const putBack = () => {
    const { cleared } = workspace;
    if (!cleared) return;
    const { query, headers, body } = cleared;
    update(profile.id, {
      spec: { ...workspace.spec, query, headers, ...(body ? { body } : {}) },
      cleared: undefined,
    });
  };

  /** The history's cut body, while the composer still holds it unchanged. */
  const cutBody = holdsCutBody(workspace) ? workspace.cutBody : undefined;

  const openEntry = async (entry: HistoryEntry) => {
    setEntrySpec(entry);
    if (entry.status === undefined) return update(profile.id, { response: undefined });
    const sentAs = `${entry.method} ${entry.target}`;
    const body = await readResponseBody(entry.body);
    if (!body.ok) return update(profile.id, { problem: body.problem, response: undefined });
    update(profile.id, {
      problem: undefined,
      response: {
        answer: {
          historyId: entry.id,
          status: entry.status,
          headers: entry.headers ?? [],
          timings: entry.timings ?? { totalMs: entry.durationMs ?? 0 },
          size: entry.size ?? (body.body instanceof Blob ? body.body.size : body.body.length),
          ...(entry.problem ? { problem: entry.problem } : {}),
        },
        body: body.body,
        sentAs,
        call: callKey(entry.spec),
      },
    });
  };

  return (
    <div className="requests-workspace">
      <div className="requests-main">
        <div className="button-row" role="group" aria-label="Request tools">
          <button type="button" onClick={() => setImporting(true)}>
            Import from curl…
          </button>
          <button
            type="button"
            aria-expanded={showCode}
            onClick={() => setShowCode((shown) => !shown)}
          >
            Code to copy
          </button>
        </div>
        <Composer
          profile={profile}
          spec={workspace.spec}
          onChange={changeSpec}
          busy={workspace.running !== undefined}
          onJumpToBody={workspace.response ? () => viewer.current?.focusBody() : undefined}
          onSend={() => sender.send(workspace.spec)}
          onFetchAll={() => sender.send(workspace.spec, true)}
          onCancel={sender.cancel}
          cutBody={
            cutBody && {
              accepted: cutBody.accepted,
              onAccept: (accepted) =>
                update(profile.id, { cutBody: { ...cutBody, accepted }, invalid: undefined }),
            }
          }
        />
        {workspace.cleared && (
          <p role="status" className="cleared-note">
            <span>
              A new call: the query parameters, headers and body of {workspace.cleared.from} were
              cleared, so they are not sent with it.
            </span>
            <button type="button" onClick={putBack}>
              Put them back
            </button>
          </p>
        )}
        {workspace.invalid && (
          <p role="alert" className="composer-invalid">
            {workspace.invalid}
          </p>
        )}
        {showCode && <CodePanel spec={workspace.spec} />}
        <ResponseArea profile={profile} workspace={workspace} viewerRef={viewer} />
      </div>
      <aside className="requests-side" aria-label="History and saved requests">
        <HistoryPanel
          profile={profile}
          onOpen={(entry) => void openEntry(entry)}
          onSendAgain={(entry) => {
            // A cut body is put in the composer and not sent: sender.send refuses it, saying why.
            setEntrySpec(entry);
            sender.send(entry.spec);
          }}
        />
        <SavedPanel spec={workspace.spec} onOpen={(spec) => setSpec(spec)} />
      </aside>
      {importing && (
        <CurlImportDialog
          profile={profile}
          onImport={(spec) => setSpec(spec)}
          onClose={() => setImporting(false)}
        />
      )}
      {sender.confirming && (
        <ProductionConfirmDialog
          profile={profile}
          spec={sender.confirming.spec}
          onConfirm={sender.confirm}
          onClose={sender.dismiss}
        />
      )}
    </div>
  );
}
