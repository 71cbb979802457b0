import { describe, expect, it, vi } from 'vitest';
import { buildVezaApi } from '../../../src/shared/ipc/build-veza-api';
import { channelOf, contractManifest } from '../../../src/shared/ipc/contract';

describe('buildVezaApi (what preload exposes)', () => {
  const transport = () => ({
    invoke: vi.fn(async (channel: string, args: unknown) => ({ channel, args })),
    subscribe: vi.fn((_channel: string, _listener: (payload: unknown) => void) => () => {}),
  });

  it('forwards contract calls on their namespaced channel', async () => {
    const t = transport();
    const api = buildVezaApi(contractManifest, t);
    await expect(api.invoke('app.getInfo', undefined)).resolves.toEqual({
      channel: channelOf('app.getInfo'),
      args: undefined,
    });
  });

  it('refuses names outside the contract without touching the transport', async () => {
    const t = transport();
    const api = buildVezaApi(contractManifest, t);
    await expect(api.invoke('fs.readFile', '/etc/passwd')).rejects.toThrow(
      'Unknown call: fs.readFile',
    );
    expect(() => api.on('ipc.anything', () => {})).toThrow('Unknown event');
    expect(t.invoke).not.toHaveBeenCalled();
    expect(t.subscribe).not.toHaveBeenCalled();
  });

  it('exposes exactly invoke and on, frozen', () => {
    const api = buildVezaApi(contractManifest, transport());
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('uses the same channel naming as the contract (the function is self-contained)', () => {
    const t = transport();
    buildVezaApi(contractManifest, t).on('menu.command', () => {});
    expect(t.subscribe.mock.calls[0]?.[0]).toBe(channelOf('menu.command'));
  });
});
