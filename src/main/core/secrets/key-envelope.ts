import { z } from 'zod';

/**
 * What a key was saved for: the instance's origin and the trust settings in force then (the
 * proxy, the CA file and the pinned certificate). It is kept in the keychain entry itself, next
 * to the key, so that editing profiles.json alone cannot send the key anywhere else.
 */
export const keyBindingSchema = z.object({
  origin: z.string().max(2048),
  proxy: z
    .object({ mode: z.enum(['system', 'none', 'manual']), url: z.string().max(2048).optional() })
    .optional(),
  caFile: z.string().max(4096).optional(),
  pinnedCertSha256: z.string().max(200).optional(),
});
export type KeyBinding = z.infer<typeof keyBindingSchema>;

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
