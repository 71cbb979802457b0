import {
  historyRequestBodyLimit,
  type HistoryEntry,
} from '../../../shared/requests/request-records';
import type { Workspace } from './requests-store';

/**
 * A history entry keeps only the first part of a large request body (requestBodyCut). Put back
 * in the composer, that body is not the request as it was sent: the composer says so next to
 * the body, and Send refuses it until the body is changed or the user ticks that it is meant.
 */

const kept = `${historyRequestBodyLimit / 1024} KB`;

export const cutBodyNote =
  `Only the first ${kept} of this body was kept in the history, so it is not the request as ` +
  'it was sent. Paste the full body before sending.';

export const cutBodyConfirmLabel = 'I am sure: send this cut body as it is';

export const cutBodyNotSent =
  `Not sent: the body is only the first ${kept} the history kept of it. Paste the full body, ` +
  `or tick "${cutBodyConfirmLabel}".`;

/** What the workspace remembers of an entry's cut body, or nothing for a whole one. */
export function cutBodyOf(
  entry: Pick<HistoryEntry, 'spec' | 'requestBodyCut'>,
): Workspace['cutBody'] {
  return entry.requestBodyCut && entry.spec.body !== undefined
    ? { body: entry.spec.body, accepted: false }
    : undefined;
}

/** The composer's body is still the cut one from the history (unchanged since it was opened). */
export function holdsCutBody(workspace: Pick<Workspace, 'spec' | 'cutBody'>): boolean {
  return workspace.cutBody !== undefined && workspace.spec.body === workspace.cutBody.body;
}

/** Sending `body` now would send the cut body without the user having said so. */
export function sendsCutBodyUnasked(
  workspace: Pick<Workspace, 'cutBody'> | undefined,
  body: string | undefined,
): boolean {
  const cut = workspace?.cutBody;
  return cut !== undefined && !cut.accepted && body === cut.body;
}
