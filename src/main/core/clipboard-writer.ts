/**
 * Puts text on the system clipboard from main. `containsSecret` marks text with an API key in
 * it (an env snippet the user asked to include the key in): the Electron implementation clears
 * it again after a minute if it is still there.
 */
export interface ClipboardWriter {
  writeText(text: string, options: { containsSecret: boolean }): Promise<void>;
}
