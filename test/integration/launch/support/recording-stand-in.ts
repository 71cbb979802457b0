import { readFileSync } from 'node:fs';

/** How a stand-in executable was started: its working folder, arguments and environment. */
export interface Launch {
  cwd: string;
  args: string[];
  env: Record<string, string>;
}

/**
 * A shell script standing in for Electron (or the built app): it writes its cwd, argv and
 * environment to `record`, may say a line on stderr, and exits with `exitCode`.
 */
export function recordingStandIn(record: string, exitCode = 0, says?: string): string {
  return [
    '#!/bin/sh',
    `record='${record}'`,
    '{',
    '  printf "cwd\\t%s\\n" "$(pwd)"',
    '  for arg in "$@"; do printf "arg\\t%s\\n" "$arg"; done',
    '  env | while IFS= read -r line; do printf "env\\t%s\\n" "$line"; done',
    '} > "$record"',
    ...(says ? [`echo "${says}" >&2`] : []),
    `exit ${exitCode}`,
    '',
  ].join('\n');
}

/** What a recording stand-in wrote. */
export function readLaunch(record: string): Launch {
  const launch: Launch = { cwd: '', args: [], env: {} };
  for (const line of readFileSync(record, 'utf8').split('\n')) {
    const [kind, ...rest] = line.split('\t');
    const value = rest.join('\t');
    if (kind === 'cwd') launch.cwd = value;
    else if (kind === 'arg') launch.args.push(value);
    else if (kind === 'env') {
      const at = value.indexOf('=');
      if (at > 0) launch.env[value.slice(0, at)] = value.slice(at + 1);
    }
  }
  return launch;
}
