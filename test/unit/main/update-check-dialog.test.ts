import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { makeProblem } from '../../../src/shared/problems/make-problem';
import type { UpdateCheckResult } from '../../../src/main/core/updates/check-for-update';
import { createUpdateMenuAction, updateMessage } from '../../../src/main/update-check-dialog';
import { fleschKincaidGrade } from '../../support/flesch-kincaid-grade';

const repository = { owner: 'veza-desk', repo: 'veza-desk' };
const page = 'https://github.com/veza-desk/veza-desk/releases/tag/v1.4.0';
const newer: UpdateCheckResult = {
  kind: 'newer',
  version: '1.4.0',
  currentVersion: '1.3.2',
  pageUrl: page,
  publishedAt: '2026-12-01T10:00:00.000Z',
  notes: 'Faster checks.',
};

function menuAction(result: UpdateCheckResult, answer: number) {
  const shown: MessageBoxOptions[] = [];
  const opened: string[] = [];
  const action = createUpdateMenuAction({
    check: async () => result,
    showMessageBox: async (options) => {
      shown.push(options);
      return { response: answer };
    },
    openExternal: async (url) => {
      opened.push(url);
    },
    repository,
  });
  return { action, shown, opened };
}

describe('the update message box', () => {
  it('offers a newer version with Download… and Not now, Not now being the default and Escape', () => {
    const { options, download } = updateMessage(newer);
    expect(options.message).toBe('Veza Desk 1.4.0 is available (you have 1.3.2).');
    expect(options.buttons).toEqual(['Download…', 'Not now']);
    expect(options.buttons[options.defaultId]).toBe('Not now');
    expect(options.buttons[options.cancelId]).toBe('Not now');
    expect(options.detail).toContain('It came out on 1 December 2026.');
    expect(options.detail).toContain('Veza Desk does not download or install anything by itself.');
    expect(options.detail).toContain('What is new:\nFaster checks.');
    expect(download).toEqual({ button: 0, pageUrl: page });
  });

  it('says when this is the latest version, with one OK button', () => {
    const { options, download } = updateMessage({ kind: 'up-to-date', version: '1.3.2' });
    expect(options.message).toBe('You have the latest version of Veza Desk (1.3.2).');
    expect(options.buttons).toEqual(['OK']);
    expect(download).toBeUndefined();
  });

  it("shows a problem's title, explanation and numbered steps", () => {
    const problem = makeProblem('UPDATE_NO_RELEASES', { facts: { status: 'HTTP 404' } });
    const { options, download } = updateMessage({ kind: 'problem', problem });
    expect(options.message).toBe('Veza Desk could not check for updates');
    expect(options.detail).toContain(problem.title);
    expect(options.detail).toContain(problem.explanation);
    expect(options.detail).toContain(`1. ${problem.fix[0]}`);
    expect(options.detail).toContain(`2. ${problem.fix[1]}`);
    expect(options.buttons).toEqual(['OK']);
    expect(download).toBeUndefined();
  });

  it('speaks in plain words (Flesch-Kincaid grade 9 or below)', () => {
    const texts = [
      updateMessage({ ...newer, notes: '' }).options,
      updateMessage({ kind: 'up-to-date', version: '1.3.2' }).options,
    ].flatMap((options) => [options.message, options.detail ?? '']);
    texts.push(
      updateMessage({ kind: 'problem', problem: makeProblem('TCP_TIMEOUT') }).options.message,
    );
    for (const text of texts) expect(fleschKincaidGrade(text), text).toBeLessThanOrEqual(9);
  });
});

describe('Help > Check for updates…', () => {
  it('opens the release page on Download…', async () => {
    const { action, opened } = menuAction(newer, 0);
    await action();
    expect(opened).toEqual([page]);
  });

  it('opens nothing on Not now (or Escape)', async () => {
    const { action, shown, opened } = menuAction(newer, 1);
    await action();
    expect(shown).toHaveLength(1);
    expect(opened).toEqual([]);
  });

  it.each([
    'https://github.com/someone-else/veza-desk/releases/tag/v1.4.0',
    'https://github.com/veza-desk/veza-desk-fork/releases/tag/v1.4.0',
    'https://github.com/veza-desk/veza-desk/archive/v1.4.0.zip',
    'https://github.com/veza-desk/veza-desk/releases/',
    'http://github.com/veza-desk/veza-desk/releases/tag/v1.4.0',
    'https://github.com.evil.example/veza-desk/veza-desk/releases/tag/v1.4.0',
    'https://github.com@evil.example/veza-desk/veza-desk/releases/tag/v1.4.0',
    'https://user:pw@github.com/veza-desk/veza-desk/releases/tag/v1.4.0',
    'https://github.com/veza-desk/veza-desk/releases/../../other/releases/tag/v1',
    'https://objects.githubusercontent.com/veza-desk/veza-desk/releases/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
  ])('opens nothing but this repository’s release pages: %s', async (pageUrl) => {
    const { action, opened } = menuAction({ ...newer, pageUrl }, 0);
    await action();
    expect(opened).toEqual([]);
  });

  it('opens the page as the URL parser wrote it', async () => {
    const { action, opened } = menuAction(
      { ...newer, pageUrl: 'https://GitHub.com/Veza-Desk/veza-desk/releases/tag/v1.4.0' },
      0,
    );
    await action();
    expect(opened).toEqual(['https://github.com/Veza-Desk/veza-desk/releases/tag/v1.4.0']);
  });

  it('shows one box for clicks made while a check runs', async () => {
    let finish: (result: UpdateCheckResult) => void = () => {};
    const showMessageBox = vi.fn(async () => ({ response: 0 }));
    const action = createUpdateMenuAction({
      check: () => new Promise((resolve) => (finish = resolve)),
      showMessageBox,
      openExternal: vi.fn(async () => {}),
      repository,
    });
    const first = action();
    await action();
    finish({ kind: 'up-to-date', version: '1.3.2' });
    await first;
    expect(showMessageBox).toHaveBeenCalledTimes(1);
  });
});
