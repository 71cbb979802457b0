import type { RequestSpec } from '../requests/request-spec';
import { curlBashSnippet } from './curl-bash';
import { curlCmdSnippet } from './curl-cmd';
import { powershellSnippet } from './powershell';
import { pythonRequestsSnippet } from './python-requests';

export interface SnippetTarget {
  id: 'curl-bash' | 'curl-cmd' | 'powershell' | 'python';
  /** What the "Code to copy" menu shows. */
  label: string;
  /** How to set the two environment variables first, as the seed shows for each shell. */
  setup: string;
  generate: (spec: RequestSpec) => string;
}

export const snippetTargets: readonly SnippetTarget[] = [
  {
    id: 'curl-bash',
    label: 'curl (macOS, Linux: bash or zsh)',
    setup:
      'export VEZA_TOKEN="your_api_key_here"\nexport VEZA_URL="https://yourcompany.vezacloud.com"',
    generate: curlBashSnippet,
  },
  {
    id: 'curl-cmd',
    label: 'curl.exe (Windows Command Prompt)',
    setup: 'set VEZA_TOKEN=your_api_key_here\nset VEZA_URL=https://yourcompany.vezacloud.com',
    generate: curlCmdSnippet,
  },
  {
    id: 'powershell',
    label: 'PowerShell (Invoke-RestMethod)',
    setup: '$env:VEZA_TOKEN="your_api_key_here"\n$env:VEZA_URL="https://yourcompany.vezacloud.com"',
    generate: powershellSnippet,
  },
  {
    id: 'python',
    label: 'Python (requests)',
    setup:
      'export VEZA_TOKEN="your_api_key_here"\nexport VEZA_URL="https://yourcompany.vezacloud.com"',
    generate: pythonRequestsSnippet,
  },
];
