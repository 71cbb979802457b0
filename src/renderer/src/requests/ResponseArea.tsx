import type { Profile } from '../../../shared/profiles/profile';
import { copyText } from '../bridge/clipboard';
import { veza } from '../bridge/veza';
import { ProblemCard } from '../problems/ProblemCard';
import { ResponseViewer } from '../response-viewer/ResponseViewer';
import type { Workspace } from './requests-store';
import { useRequestsStore } from './requests-store';

/** The answer under the composer: progress while it runs, a problem, or the viewer. */
export function ResponseArea({ profile, workspace }: { profile: Profile; workspace: Workspace }) {
  const update = useRequestsStore((state) => state.update);
  const { running, response, problem } = workspace;
  const saveToFile = async (historyId: string) => {
    const result = await veza.invoke('requests.saveBody', { historyId });
    if (!result.ok) update(profile.id, { problem: result.problem });
  };
  return (
    <div className="response-area">
      <p role="status" className="request-progress">
        {running
          ? running.paging
            ? `Fetching all pages… ${running.pages ?? 0} pages, ${running.items ?? 0} items so far`
            : 'Waiting for the answer…'
          : ''}
      </p>
      {problem && (
        <ProblemCard
          problem={problem}
          instance={profile}
          onDismiss={() => update(profile.id, { problem: undefined })}
        />
      )}
      {response && (
        <>
          {response.answer.paging && (
            <p className="paging-summary">
              {response.answer.paging.items} items from {response.answer.paging.pages} pages
              {response.answer.paging.stoppedBy === 'end'
                ? ', the whole list.'
                : ' (stopped before the end).'}
            </p>
          )}
          {response.answer.authorizationDropped && (
            <p className="hint">
              The answer came from another address after a redirect; the key was not sent there.
            </p>
          )}
          <ResponseViewer
            key={response.answer.historyId}
            status={response.answer.status}
            body={response.bytes}
            headers={response.answer.headers}
            timings={response.answer.timings}
            sizeBytes={response.answer.size}
            route={response.answer.route}
            problem={response.answer.problem}
            onCopy={(text) => void copyText(text)}
            onSaveToFile={() => void saveToFile(response.answer.historyId)}
          />
        </>
      )}
    </div>
  );
}
