import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { savedRequestsExportFileSchema } from '../../../shared/requests/request-records';
import type { FileDialogs } from '../file-dialogs';
import { writeChosenFile } from '../persistence/write-chosen-file';
import { ProblemError } from '../problem-error';
import type { HistoryStore } from '../requests/history-store';
import type { RequestService } from '../requests/request-service';
import type { SavedRequestsStore } from '../requests/saved-requests-store';
import type { CallHandlers } from './dispatcher';
import type { EventSink } from './event-sink';
import type { RunningCalls } from './running-calls';

type RequestCalls = Extract<
  keyof CallHandlers,
  `requests.${string}` | `history.${string}` | `saved.${string}`
>;

// A saved-requests export is a few hundred KB at most; anything far bigger is the wrong file.
const maxImportBytes = 20 * 1024 * 1024;

async function readSavedRequestsFile(file: string): Promise<unknown[]> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > maxImportBytes) {
      throw ProblemError.of('IMPORT_INVALID', {
        raw: `${path.basename(file)} is ${info.size} bytes`,
      });
    }
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw ProblemError.of('FILE_UNREADABLE', { errorCode: (error as NodeJS.ErrnoException).code });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw ProblemError.of('IMPORT_INVALID', { raw: `${path.basename(file)} is not JSON` });
  }
  const parsed = savedRequestsExportFileSchema.safeParse(data);
  if (!parsed.success) {
    throw ProblemError.of('IMPORT_INVALID', {
      raw: `${path.basename(file)} is not a saved-requests export`,
    });
  }
  return parsed.data.requests;
}

export function createRequestsHandlers(deps: {
  requests: RequestService;
  history: HistoryStore;
  savedRequests: SavedRequestsStore;
  dialogs: FileDialogs;
  emit: EventSink;
  runningCalls: RunningCalls;
}): Pick<CallHandlers, RequestCalls> {
  const { requests, history, savedRequests, dialogs, emit, runningCalls } = deps;
  // A send is kept in the history whether it answered or not.
  const recorded = async <T>(profileId: string, sending: Promise<T>): Promise<T> => {
    try {
      return await sending;
    } finally {
      emit('history.changed', { profileId });
    }
  };
  const historyChanged = (profileId?: string): undefined => {
    emit('history.changed', profileId ? { profileId } : {});
    return undefined;
  };
  const savedChanged = (): void =>
    emit('savedRequests.changed', { requests: savedRequests.list() });
  return {
    // A send's requestId is its call id (calls.cancel stops it).
    'requests.send': (args) =>
      recorded(
        args.profileId,
        runningCalls.run(args.requestId, (signal) => requests.send(args, signal)),
      ),
    'requests.fetchAllPages': (args) =>
      recorded(
        args.profileId,
        runningCalls.run(args.requestId, (signal) =>
          requests.sendAllPages(
            args,
            (progress) =>
              emit('requests.pagingProgress', { requestId: args.requestId, ...progress }),
            signal,
          ),
        ),
      ),
    'requests.saveBody': async ({ historyId }) => {
      const body = await requests.bodyOf(historyId);
      const file = await dialogs.chooseFileToSave({
        title: 'Save the response',
        defaultName: 'veza-response.json',
        filters: [
          { name: 'JSON', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!file) {
        if (!Buffer.isBuffer(body)) body.destroy();
        return { cancelled: true };
      }
      return writeChosenFile(file, body);
    },

    'history.list': ({ query, profileId }) => ({
      entries: history.list(query, profileId),
      total: history.list('', profileId).length,
      ...(history.loadProblem ? { problem: history.loadProblem } : {}),
    }),
    'history.get': ({ id }) => history.get(id),
    'history.delete': async ({ id }) => {
      const profileId = history.list().find((entry) => entry.id === id)?.profileId;
      await history.remove(id);
      return historyChanged(profileId);
    },
    'history.clear': async ({ profileId }) => {
      await history.clear(profileId);
      return historyChanged(profileId);
    },

    'saved.list': () => ({
      requests: savedRequests.list(),
      ...(savedRequests.loadProblem ? { problem: savedRequests.loadProblem } : {}),
    }),
    'saved.save': async (input) => {
      const saved = await savedRequests.save(input);
      savedChanged();
      return saved;
    },
    'saved.delete': async ({ id }) => {
      await savedRequests.remove(id);
      savedChanged();
      return undefined;
    },
    'saved.exportFile': async () => {
      const file = await dialogs.chooseFileToSave({
        title: 'Export saved requests (without API keys)',
        defaultName: 'veza-desk-requests.json',
        filters: [{ name: 'Veza Desk requests', extensions: ['json'] }],
      });
      if (!file) return { cancelled: true };
      return writeChosenFile(file, savedRequests.exportText());
    },
    'saved.importFile': async () => {
      const file = await dialogs.chooseFileToOpen({
        title: 'Import saved requests',
        filters: [
          { name: 'Veza Desk requests', extensions: ['json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      });
      if (!file) return { cancelled: true, imported: 0, notes: [] };
      const result = await savedRequests.importEntries(await readSavedRequestsFile(file));
      savedChanged();
      return result;
    },
  };
}
