// What the IPC contract costs per call: the dispatcher (sender check + argument and result
// validation) against calling the same handler directly, interleaved in one run.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readAppInfo } from '../src/main/core/app-info';
import { createCallHandlers } from '../src/main/core/ipc/call-handlers';
import {
  createDispatcher,
  type CallHandlers,
  type Dispatch,
} from '../src/main/core/ipc/dispatcher';
import { createSenderPolicy } from '../src/main/core/ipc/sender-policy';
import { openAppServices } from '../src/main/core/open-app-services';
import { createKeytarSecretStore } from '../src/main/core/secrets/keytar-secret-store';
import { median, report } from './support/figure';

let handlers: CallHandlers;
let dispatch: Dispatch;
const sender = { url: 'app://veza-desk/index.html', isMainFrame: true };
const calls = 2_000;

async function timeDirect(): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) await handlers['app.getInfo'](undefined);
  return (performance.now() - start) / calls;
}
async function timeDispatched(): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) await dispatch('app.getInfo', undefined, sender);
  return (performance.now() - start) / calls;
}

async function main(): Promise<void> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'veza-bench-ipc-'));
  handlers = createCallHandlers(
    await openAppServices({
      appInfo: readAppInfo('Veza Desk', '0.0.0'),
      folder,
      secrets: createKeytarSecretStore(),
      emit: () => {},
      dialogs: {
        chooseFileToOpen: () => Promise.resolve(undefined),
        chooseFileToSave: () => Promise.resolve(undefined),
      },
      clipboard: { writeText: () => Promise.resolve() },
      env: {},
      transportDeps: { env: {} },
    }),
  );
  dispatch = createDispatcher(handlers, createSenderPolicy(['app://veza-desk']));
  const perCallOverheadUs: number[] = [];
  for (let round = 0; round < 15; round += 1) {
    const direct = await timeDirect();
    const dispatched = await timeDispatched();
    perCallOverheadUs.push((dispatched - direct) * 1000);
  }
  // An Electron IPC round trip costs ~100 µs; the contract checks must stay well below that.
  report({
    bench: 'ipc-dispatch',
    figure: 'validation overhead per call',
    value: median(perCallOverheadUs),
    unit: 'µs',
    bar: 50,
    lowerIsBetter: true,
  });
  await rm(folder, { recursive: true, force: true });
}

void main();
