/** One instance to import, before it is checked: the address as found, the key if any. */
export interface ImportCandidate {
  name?: string;
  address: string;
  colour?: string;
  production?: boolean;
  notes?: string;
  network?: unknown;
  apiKey?: string;
  /** Where the key came from, e.g. "VEZA_TOKEN", for messages. Never the key. */
  keySource?: string;
}

/**
 * The conventions of Veza's docs and clients, in order: VEZA_URL with VEZA_TOKEN (the docs),
 * VEZA_URL with VEZA_API_KEY, VEZA_API_URL with VEZA_API_KEY (the Python example).
 * Answers undefined when no address is set; a key alone is not enough for an instance.
 */
export function findVezaSettings(
  lookup: (name: string) => string | undefined,
): ImportCandidate | undefined {
  const value = (name: string) => {
    const found = lookup(name)?.trim();
    return found ? found : undefined;
  };
  const url = value('VEZA_URL');
  const apiUrl = value('VEZA_API_URL');
  const address = url ?? apiUrl;
  if (!address) return undefined;
  const keyNames = url ? ['VEZA_TOKEN', 'VEZA_API_KEY'] : ['VEZA_API_KEY', 'VEZA_TOKEN'];
  for (const keySource of keyNames) {
    // The key is taken as found (not trimmed): the key lint reports damage, it never hides it.
    const apiKey = lookup(keySource);
    if (apiKey !== undefined && apiKey !== '') return { address, apiKey, keySource };
  }
  return { address };
}
