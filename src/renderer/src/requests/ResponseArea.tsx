import { useEffect, useRef, type Ref } from 'react';
import type { Profile } from '../../../shared/profiles/profile';
import { copyText } from '../bridge/clipboard';
import { veza } from '../bridge/veza';
import { ProblemCard } from '../problems/ProblemCard';
import { answerInWords } from '../response-viewer/answer-in-words';
import { ResponseViewer, type ResponseViewerHandle } from '../response-viewer/ResponseViewer';
import { requestLine } from './composer-call';
import type { Workspace } from './requests-store';
import { useRequestsStore } from './requests-store';

function progressInWords({ running, response }: Workspace): string {
  if (running)
    return running.paging
      ? `Fetching all pages… ${running.pages ?? 0} pages, ${running.items ?? 0} items so far`
      : 'Waiting for the answer…';
  if (!response) return '';
  const { status, size, timings } = response.answer;
  return `Answer to ${response.sentAs}: ${answerInWords(status, size, timings.totalMs)}.`;
}

/**
 * The answer under the composer: progress while it runs, a problem, or the viewer. A new
 * answer is said in words in a polite live region and scrolled into view; focus stays where
 * the user is (typing goes on), "Jump to the body" takes it to the body.
 */
export function ResponseArea({
  profile,
  workspace,
  viewerRef,
}: {
  profile: Profile;
  workspace: Workspace;
  viewerRef?: Ref<ResponseViewerHandle>;
}) {
  const update = useRequestsStore((state) => state.update);
  const { running, response, problem } = workspace;
  const areaRef = useRef<HTMLDivElement>(null);
  const saveToFile = async (historyId: string) => {
    const result = await veza.invoke('requests.saveBody', { historyId });
    if (!result.ok) update(profile.id, { problem: result.problem });
  };
  // Each new answer (or problem) is brought into view, without moving focus; the one already
  // there when the tab opens is not (the page stays where it starts).
  const shown: unknown = response?.answer.historyId ?? problem;
  const seen = useRef(shown);
  useEffect(() => {
    if (!shown || seen.current === shown) return;
    seen.current = shown;
    areaRef.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  const inComposer = requestLine(workspace.spec);
  const outdated =
    response && response.sentAs !== inComposer
      ? `This answer is for an earlier request. The composer now holds ${inComposer}: press Send to get its answer.`
      : undefined;
  const progress = progressInWords(workspace);
  return (
    <div className="response-area" ref={areaRef}>
      <p
        role="status"
        aria-live="polite"
        className={running ? 'request-progress' : 'request-progress request-progress-quiet'}
      >
        {progress}
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
            ref={viewerRef}
            status={response.answer.status}
            body={response.body}
            headers={response.answer.headers}
            timings={response.answer.timings}
            sizeBytes={response.answer.size}
            route={response.answer.route}
            problem={response.answer.problem}
            sentAs={response.sentAs}
            outdated={outdated}
            onCopy={(text) => void copyText(text)}
            onSaveToFile={() => void saveToFile(response.answer.historyId)}
          />
        </>
      )}
    </div>
  );
}
