/**
 * Builds `window.veza` from the contract's names and a transport. Preload passes ipcRenderer;
 * the test bridge passes Playwright bindings. The function is self-contained (no imports, no
 * outer variables) so the test bridge can inject this very code into a page as source text.
 */
export interface BridgeTransport {
  invoke(channel: string, args: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

export function buildVezaApi(
  manifest: { calls: readonly string[]; events: readonly string[] },
  transport: BridgeTransport,
) {
  const callNames = new Set(manifest.calls);
  const eventNames = new Set(manifest.events);
  return Object.freeze({
    invoke(name: string, args: unknown): Promise<unknown> {
      if (!callNames.has(name)) return Promise.reject(new Error(`Unknown call: ${String(name)}`));
      return transport.invoke(`veza:${name}`, args);
    },
    on(name: string, listener: (payload: unknown) => void): () => void {
      if (!eventNames.has(name)) throw new Error(`Unknown event: ${String(name)}`);
      if (typeof listener !== 'function') throw new Error('listener must be a function');
      return transport.subscribe(`veza:${name}`, (payload) => listener(payload));
    },
  });
}
