/** A pasted command split into words the way its shell would, without running anything. */
export interface ShellWords {
  words: string[];
  /** Environment variables the command reads (VEZA_URL, VEZA_TOKEN, ...), by name. */
  variables: string[];
  /** What the shell would do but we do not (command substitution, a pipe to another program). */
  ignored: string[];
}

export type ShellStyle = 'bash' | 'cmd' | 'powershell';

const continuationStyles: Record<string, ShellStyle> = {
  '\\': 'bash',
  '^': 'cmd',
  '`': 'powershell',
};

/**
 * Which shell a pasted command was written for. The line continuation says it best (\ bash,
 * ^ cmd, ` PowerShell); a one-line command is PowerShell with $env:, cmd with ^" or a %NAME%
 * variable, and otherwise bash/zsh (the form Veza's docs and most tools use).
 */
export function detectShellStyle(text: string): ShellStyle {
  const continuation = /([\\^`])\r?\n/.exec(text);
  if (continuation) return continuationStyles[continuation[1] ?? '\\'] ?? 'bash';
  if (/\$env:\w/i.test(text)) return 'powershell';
  // %C3%BC is URL encoding, not a cmd variable: a name of two hex digits does not count.
  if (/\^"/.test(text) || /%(?![0-9A-Fa-f]{2}%)[A-Za-z_]\w*%/.test(text)) return 'cmd';
  return 'bash';
}
