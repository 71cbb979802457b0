#!/usr/bin/env node
// Where `electron-builder --config build/electron-builder.smoke.yml --dir` puts the smoke-test
// app's executable, for this machine (or the platform and arch given):
//
//   node scripts/smoke-app-path.mjs [platform] [arch]
//
// prints the absolute path. The release workflow hands it to the Playwright smoke test as
// VEZA_DESK_APP_PATH. The folder names are electron-builder's (platformPackager's
// computeAppOutDir: "<os>[-<arch> unless x64][-unpacked, except macOS]"), the names come
// from the smoke configuration; test/unit/build/smoke-app-path.test.ts checks both.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The smoke build's output folder, product name and Linux executable name. */
export function smokeBuildNames(root = projectRoot) {
  const read = (file) => parse(readFileSync(path.join(root, file), 'utf8'));
  const smoke = read('build/electron-builder.smoke.yml');
  const release = read(smoke.extends);
  return {
    output: smoke.directories?.output ?? release.directories.output,
    productName: smoke.productName ?? release.productName,
    linuxExecutable: smoke.linux?.executableName ?? release.linux.executableName,
  };
}

/** The executable of the unpacked smoke-test app for a platform and an arch. */
export function smokeAppPath(platform = process.platform, arch = process.arch, root = projectRoot) {
  const { output, productName, linuxExecutable } = smokeBuildNames(root);
  const suffix = arch === 'x64' ? '' : `-${arch}`;
  const dist = path.resolve(root, output);
  switch (platform) {
    case 'darwin':
      return path.join(
        dist,
        `mac${suffix}`,
        `${productName}.app`,
        'Contents',
        'MacOS',
        productName,
      );
    case 'win32':
      return path.join(dist, `win${suffix}-unpacked`, `${productName}.exe`);
    case 'linux':
      return path.join(dist, `linux${suffix}-unpacked`, linuxExecutable);
    default:
      throw new Error(`No Veza Desk build for ${platform}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(smokeAppPath(process.argv[2], process.argv[3]));
}
