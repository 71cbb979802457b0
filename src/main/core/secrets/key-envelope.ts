import { z } from 'zod';
import { keyBindingSchema, type KeyBinding } from '../../../shared/profiles/key-binding';

/**
 * A keychain entry holds the key together with what it was saved for (its binding), so that
 * editing profiles.json alone cannot send the key anywhere else.
 */
const envelopeSchema = z.object({
  vezaDesk: z.literal(1),
  key: z.string().min(1),
  boundTo: keyBindingSchema,
});

/** A keychain entry as read: the key, and what it is bound to (absent for entries saved before bindings existed). */
export interface StoredKey {
  key: string;
  binding?: KeyBinding;
}

/** The keychain text of a key and its binding. */
export function encodeKeyEntry(key: string, binding: KeyBinding): string {
  return JSON.stringify({ vezaDesk: 1, key, boundTo: binding });
}

/**
 * Reads a keychain entry. An API key is base64 text and never starts with "{", so an entry that
 * is not our envelope is a bare key saved by an earlier Veza Desk.
 */
export function decodeKeyEntry(text: string): StoredKey {
  if (!text.startsWith('{')) return { key: text };
  try {
    const parsed = envelopeSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { key: parsed.data.key, binding: parsed.data.boundTo };
  } catch {
    // Not JSON after all: a key typed "as is" that happens to start with a brace.
  }
  return { key: text };
}
