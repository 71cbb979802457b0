import type { AppInfo } from '../../shared/ipc/contract';

/** Reads the versions of whatever runtime main/core is running in (Electron or plain Node). */
export function readAppInfo(name: string, version: string): AppInfo {
  const versions = process.versions as NodeJS.ProcessVersions & {
    electron?: string;
    chrome?: string;
  };
  return {
    name,
    version,
    versions: {
      electron: versions.electron,
      chrome: versions.chrome,
      node: versions.node,
      v8: versions.v8,
    },
    platform: process.platform,
    arch: process.arch,
  };
}
