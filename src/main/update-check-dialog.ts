import type { MessageBoxOptions } from 'electron';
import type { Problem } from '../shared/problems/problem';
import { releasePageOf, type GitHubRepository } from '../shared/updates/github-repository';
import type { UpdateCheckResult } from './core/updates/check-for-update';

/** One message box, and which button (if any) opens which release page. */
export interface UpdateMessage {
  options: MessageBoxOptions & { buttons: string[]; defaultId: number; cancelId: number };
  /** The Download… button's index and the page it opens. */
  download?: { button: number; pageUrl: string };
}

const title = 'Check for updates';

/** "2 December 2026", the same wherever the computer is. */
function dayOf(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function problemText(problem: Problem): string {
  const steps = problem.fix.map((step, index) => `${index + 1}. ${step}`).join('\n');
  return [problem.title, problem.explanation, steps && `What you can do:\n${steps}`]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The message box for a check's result. A newer version offers "Download…" (its release page
 * in the web browser, nothing else) and "Not now", which is both the default and the Escape
 * answer; the app never downloads or installs anything itself.
 */
export function updateMessage(result: UpdateCheckResult): UpdateMessage {
  if (result.kind === 'newer') {
    const published = result.publishedAt ? `It came out on ${dayOf(result.publishedAt)}. ` : '';
    const notes = result.notes ? `\n\nWhat is new:\n${result.notes}` : '';
    return {
      options: {
        type: 'info',
        title,
        message: `Veza Desk ${result.version} is available (you have ${result.currentVersion}).`,
        detail: `${published}Download… opens its page on GitHub in your web browser. Get the new version there. Veza Desk does not download or install anything by itself.${notes}`,
        buttons: ['Download…', 'Not now'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      },
      download: { button: 0, pageUrl: result.pageUrl },
    };
  }
  if (result.kind === 'up-to-date') {
    return {
      options: {
        type: 'info',
        title,
        message: `You have the latest version of Veza Desk (${result.version}).`,
        detail: 'There is no newer version to get right now.',
        buttons: ['OK'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      },
    };
  }
  return {
    options: {
      type: 'warning',
      title,
      message: 'Veza Desk could not check for updates',
      detail: problemText(result.problem),
      buttons: ['OK'],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    },
  };
}

export interface UpdateMenuDeps {
  check(): Promise<UpdateCheckResult>;
  /** Electron's dialog.showMessageBox, on the main window when there is one. */
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  /** Electron's shell.openExternal. */
  openExternal(url: string): Promise<void>;
  /** The only repository whose release pages Download… opens. */
  repository: GitHubRepository;
}

/**
 * What Help > Check for updates… does: runs the check, shows the result, and on Download…
 * opens the release page, after checking once more that it is one of this repository's
 * (releasePageOf). A click while a check runs does nothing; it never throws.
 */
export function createUpdateMenuAction(deps: UpdateMenuDeps): () => Promise<void> {
  let busy = false;
  return async () => {
    if (busy) return;
    busy = true;
    try {
      const message = updateMessage(await deps.check());
      const { response } = await deps.showMessageBox(message.options);
      if (!message.download || response !== message.download.button) return;
      const page = releasePageOf(message.download.pageUrl, deps.repository);
      if (page) await deps.openExternal(page);
    } catch (error) {
      console.error(
        'The update check failed unexpectedly:',
        error instanceof Error ? error.name : typeof error,
      );
    } finally {
      busy = false;
    }
  };
}
