import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layer arrows of docs/architecture.md are lint errors. These cases lint virtual files at
// real paths, so a weakened eslint.config.mjs makes this test fail.
const root = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer rules', () => {
  it.each([
    ['src/main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src/shared/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n"],
    [
      'src/shared/x.ts',
      "import { createDispatcher } from '../main/core/ipc/dispatcher';\nexport const a = createDispatcher;\n",
    ],
    [
      'src/renderer/src/x.ts',
      "import { readAppInfo } from '../../main/core/app-info';\nexport const a = readAppInfo;\n",
    ],
    [
      'src/main/core/x.ts',
      "import { registerIpc } from '../ipc/register-ipc';\nexport const a = registerIpc;\n",
    ],
    ['src/cli/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    [
      'src/sandbox/x.ts',
      "import { readAppInfo } from '../main/core/app-info';\nexport const a = readAppInfo;\n",
    ],
    [
      'src/main/core/veza/x.ts',
      "import { verify } from '../doctor/verify';\nexport const a = verify;\n",
    ],
    [
      'src/main/core/veza/x.ts',
      "import { createRequestService } from '../requests/request-service';\nexport const a = createRequestService;\n",
    ],
    [
      'src/main/core/veza/x.ts',
      "import { rotateTeamKey } from '../keys/rotate-team-key';\nexport const a = rotateTeamKey;\n",
    ],
    [
      'src/main/core/transport/x.ts',
      "import { createInstanceSession } from '../veza/instance-client';\nexport const a = createInstanceSession;\n",
    ],
    [
      'src/main/core/updates/x.ts',
      "import { createInstanceClient } from '../veza/instance-client';\nexport const a = createInstanceClient;\n",
    ],
    [
      'src/main/core/updates/x.ts',
      "import { createKeytarSecretStore } from '../secrets/keytar-secret-store';\nexport const a = createKeytarSecretStore;\n",
    ],
    // The window's folders import only the folders below them (the circles issue 13 removed).
    [
      'src/renderer/src/doctor/x.ts',
      "import { KeysView } from '../keys/KeysView';\nexport const a = KeysView;\n",
    ],
    [
      'src/renderer/src/profiles/x.ts',
      "import { VerifyPanel } from '../doctor/VerifyPanel';\nexport const a = VerifyPanel;\n",
    ],
    [
      'src/renderer/src/profiles/x.ts',
      "import { App } from '../app/App';\nexport const a = App;\n",
    ],
    [
      'src/renderer/src/keys/x.ts',
      "import { RequestsTab } from '../requests/RequestsTab';\nexport const a = RequestsTab;\n",
    ],
    [
      'src/renderer/src/data/x.ts',
      "import { SavedPanel } from '../requests/SavedPanel';\nexport const a = SavedPanel;\n",
    ],
    [
      'src/renderer/src/integrations/x.ts',
      "import { KeysView } from '../keys/KeysView';\nexport const a = KeysView;\n",
    ],
    [
      'src/renderer/src/doctor/x.ts',
      "import { IntegrationsView } from '../integrations/IntegrationsView';\nexport const a = IntegrationsView;\n",
    ],
  ])('%s may not import that', async (file, code) => {
    const ids = await ruleIdsFor(file, code);
    expect(
      ids.some((id) => id === 'no-restricted-imports' || id === 'import-x/no-restricted-paths'),
    ).toBe(true);
  });

  it('does not mistake a shared folder named like a Node module for that module', async () => {
    expect(
      await ruleIdsFor(
        'src/shared/catalog/x.ts',
        "import { httpMethods } from '../http/http-method';\nexport const a = httpMethods;\n",
      ),
    ).toEqual([]);
  });

  it('lets a window folder import the folders below it', async () => {
    const allowed: [string, string][] = [
      [
        'src/renderer/src/keys/x.ts',
        "import { SuccessCard } from '../doctor/SuccessCard';\nexport const a = SuccessCard;\n",
      ],
      [
        'src/renderer/src/doctor/x.ts',
        "import { useProfilesStore } from '../data/profiles-store';\nexport const a = useProfilesStore;\n",
      ],
      [
        'src/renderer/src/shell/x.ts',
        "import { RequestsTab } from '../requests/RequestsTab';\nexport const a = RequestsTab;\n",
      ],
      [
        'src/renderer/src/integrations/x.ts',
        "import { useRowWindow } from '../response-viewer/use-row-window';\nexport const a = useRowWindow;\n",
      ],
    ];
    for (const [file, code] of allowed) {
      expect(await ruleIdsFor(file, code)).toEqual([]);
    }
  });

  it('lets the doctor, requests and keys call the instance client', async () => {
    for (const file of [
      'src/main/core/doctor/x.ts',
      'src/main/core/requests/x.ts',
      'src/main/core/keys/x.ts',
    ]) {
      expect(
        await ruleIdsFor(
          file,
          "import { createInstanceSession } from '../veza/instance-client';\nexport const a = createInstanceSession;\n",
        ),
      ).toEqual([]);
    }
  });

  it('allows the arrows the design draws', async () => {
    expect(
      await ruleIdsFor(
        'src/main/core/x.ts',
        "import { makeProblem } from '../../shared/problems/make-problem';\nexport const a = makeProblem;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleIdsFor(
        'src/renderer/src/x.ts',
        "import { calls } from '../../shared/ipc/contract';\nexport const a = calls;\n",
      ),
    ).toEqual([]);
  });
});
