import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type CallHandlers } from '../../../../src/main/core/ipc/dispatcher';
import { createSenderPolicy } from '../../../../src/main/core/ipc/sender-policy';
import { ProblemError } from '../../../../src/main/core/problem-error';
import type { AppInfo } from '../../../../src/shared/ipc/contract';

const info: AppInfo = {
  name: 'Veza Desk',
  version: '1.2.3',
  versions: { node: '20.0.0', v8: '11' },
  platform: 'linux',
  arch: 'x64',
};
const appPage = { url: 'app://veza-desk/index.html', isMainFrame: true };
const policy = createSenderPolicy(['app://veza-desk']);

// Only app.getInfo is called in these tests; the other handlers are never reached.
function handlersWith(getInfo: CallHandlers['app.getInfo']): CallHandlers {
  return { 'app.getInfo': getInfo } as unknown as CallHandlers;
}

describe('createDispatcher', () => {
  it('answers a valid call from the app page', async () => {
    const dispatch = createDispatcher(
      handlersWith(() => info),
      policy,
    );
    await expect(dispatch('app.getInfo', undefined, appPage)).resolves.toEqual({
      ok: true,
      value: info,
    });
  });

  it('refuses an untrusted sender before running the handler', async () => {
    const handler = vi.fn(() => info);
    const dispatch = createDispatcher(handlersWith(handler), policy);
    const result = await dispatch('app.getInfo', undefined, {
      url: 'https://evil.example/',
      isMainFrame: true,
    });
    expect(result).toMatchObject({ ok: false, problem: { code: 'IPC_UNTRUSTED_SENDER' } });
    const fromFrame = await dispatch('app.getInfo', undefined, { ...appPage, isMainFrame: false });
    expect(fromFrame).toMatchObject({ ok: false, problem: { code: 'IPC_UNTRUSTED_SENDER' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses arguments that do not match the contract', async () => {
    const handler = vi.fn(() => info);
    const dispatch = createDispatcher(handlersWith(handler), policy);
    const result = await dispatch('app.getInfo', { unexpected: true }, appPage);
    expect(result).toMatchObject({ ok: false, problem: { code: 'IPC_INVALID_ARGUMENT' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses calls that are not in the contract', async () => {
    const dispatch = createDispatcher(
      handlersWith(() => info),
      policy,
    );
    await expect(dispatch('__proto__', undefined, appPage)).resolves.toMatchObject({
      ok: false,
      problem: { code: 'IPC_UNKNOWN_CALL' },
    });
    await expect(dispatch('constructor', undefined, appPage)).resolves.toMatchObject({
      ok: false,
      problem: { code: 'IPC_UNKNOWN_CALL' },
    });
  });

  it('strips fields the result schema does not name, so handlers cannot leak extras', async () => {
    const dispatch = createDispatcher(
      handlersWith(() => ({ ...info, apiKey: 'c2VjcmV0LWtleQ==' }) as AppInfo),
      policy,
    );
    const result = await dispatch('app.getInfo', undefined, appPage);
    expect(JSON.stringify(result)).not.toContain('c2VjcmV0LWtleQ==');
  });

  it('turns a ProblemError into data', async () => {
    const dispatch = createDispatcher(
      handlersWith(() => {
        throw ProblemError.of('KEYCHAIN_UNAVAILABLE', { raw: 'no secret service' });
      }),
      policy,
    );
    const result = await dispatch('app.getInfo', undefined, appPage);
    expect(result).toMatchObject({
      ok: false,
      problem: { code: 'KEYCHAIN_UNAVAILABLE', detail: { raw: 'no secret service' } },
    });
    if (!result.ok) expect(result.problem.fix.length).toBeGreaterThan(0);
  });

  it('does not pass an unexpected error message to the page', async () => {
    const onError = vi.fn();
    const dispatch = createDispatcher(
      handlersWith(() => {
        throw new Error('Bearer c2VjcmV0LWtleQ== rejected');
      }),
      policy,
      onError,
    );
    const result = await dispatch('app.getInfo', undefined, appPage);
    expect(result).toMatchObject({ ok: false, problem: { code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(result)).not.toContain('c2VjcmV0LWtleQ==');
    expect(onError).toHaveBeenCalledOnce();
  });
});
