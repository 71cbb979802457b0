/**
 * "Set these environment variables" snippets, in exactly the three forms Veza's documentation
 * shows. The key is a placeholder unless the user explicitly asks main to include it; then main
 * builds the text and sends it to the clipboard or a file, never to the window.
 */
export const envSnippetShells = ['posix', 'cmd', 'powershell'] as const;
export type EnvSnippetShell = (typeof envSnippetShells)[number];

export const envSnippetShellLabels: Record<EnvSnippetShell, string> = {
  posix: 'Mac/Linux/Unix (bash, zsh)',
  cmd: 'Windows Command Prompt',
  powershell: 'Windows PowerShell',
};

export const apiKeyPlaceholder = 'your_api_key_here';

// A value outside this set could break out of the quoting of one of the shells.
const safeValue = /^[A-Za-z0-9+/=_:.\-[\]]+$/;

/** Whether a value can be put into all three snippet forms without quoting surprises. */
export function isSnippetSafe(value: string): boolean {
  return safeValue.test(value);
}

export function buildEnvSnippet(
  shell: EnvSnippetShell,
  baseUrl: string,
  key: string = apiKeyPlaceholder,
): string {
  if (!isSnippetSafe(baseUrl) || !isSnippetSafe(key)) {
    throw new Error('A snippet value has characters that need quoting');
  }
  switch (shell) {
    case 'posix':
      return `export VEZA_TOKEN="${key}"\nexport VEZA_URL="${baseUrl}"\n`;
    case 'cmd':
      return `set VEZA_TOKEN=${key}\nset VEZA_URL=${baseUrl}\n`;
    case 'powershell':
      return `$env:VEZA_TOKEN="${key}"\n$env:VEZA_URL="${baseUrl}"\n`;
  }
}

/** A file name for a snippet saved to disk, e.g. veza-acme.vezacloud.com.sh */
export function envSnippetFileName(shell: EnvSnippetShell, baseUrl: string): string {
  const host = baseUrl.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_');
  const extension = { posix: 'sh', cmd: 'cmd', powershell: 'ps1' }[shell];
  return `veza-${host}.${extension}`;
}
