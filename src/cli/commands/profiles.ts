import type { Problem } from '../../shared/problems/problem';
import { displayOrigin } from '../../shared/profiles/display-origin';
import { resolveDataFolder } from '../../main/core/data-folder';
import { ProblemError } from '../../main/core/problem-error';
import { openProfileStore } from '../../main/core/profiles/profile-store';
import type { SecretStore } from '../../main/core/secrets/secret-store';
import type { CliContext, CliStreams } from '../cli-context';
import { printProblem } from '../print-problem';
import { problemJson } from '../problem-json';
import { runProfileChange } from './change-profiles';
import { parseProfilesArgs } from './parse-profiles-args';

interface ProfileLine {
  name: string;
  url: string;
  displayUrl: string;
  production: boolean;
  /** null: the keychain could not be asked. */
  keyPresent: boolean | null;
  lastResult: { at: string; ok: boolean; code: string; summary: string } | null;
}

async function keyPresence(secrets: SecretStore, id: string): Promise<boolean> {
  return (await secrets.get(id)) !== undefined;
}

function table(rows: string[][]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `veza-desk profiles [list] [--json]`: 0 listed, 1 a problem was found (file or keychain).
 * Read-only: the CLI reports a damaged file but never moves or rewrites anything here.
 */
async function listProfiles(json: boolean, io: CliStreams, context: CliContext): Promise<number> {
  const folder = resolveDataFolder(context.env);
  const store = await openProfileStore(folder, { inspectOnly: true });
  const { profiles, loadProblem } = store.state();
  let keychainProblem: Problem | undefined;
  const lines: ProfileLine[] = [];
  for (const profile of profiles) {
    let keyPresent: boolean | null = null;
    if (!keychainProblem) {
      try {
        keyPresent = await keyPresence(context.secrets(), profile.id);
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        keychainProblem = error.problem;
      }
    }
    lines.push({
      name: profile.name,
      url: profile.baseUrl,
      displayUrl: displayOrigin(profile.baseUrl),
      production: profile.production,
      keyPresent,
      lastResult: profile.lastVerification ?? null,
    });
  }
  if (json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          dataFolder: folder,
          profiles: lines,
          problem: problemJson(loadProblem),
          keychainProblem: problemJson(keychainProblem),
        },
        null,
        2,
      )}\n`,
    );
  } else if (lines.length === 0) {
    io.stdout.write(`No instances saved in ${folder}.\n`);
  } else {
    const rows = [
      ['NAME', 'ADDRESS', 'PRODUCTION', 'KEY', 'LAST RESULT'],
      ...lines.map((line) => [
        line.name,
        line.displayUrl,
        line.production ? 'yes' : 'no',
        line.keyPresent === null ? 'unknown' : line.keyPresent ? 'saved' : 'none',
        line.lastResult
          ? `${line.lastResult.ok ? 'works' : 'problem'}: ${line.lastResult.code} (${line.lastResult.at.slice(0, 16).replace('T', ' ')})`
          : 'not verified',
      ]),
    ];
    io.stdout.write(`${table(rows)}\n`);
  }
  if (!json) {
    for (const problem of [loadProblem, keychainProblem]) {
      if (!problem) continue;
      io.stderr.write('\n');
      printProblem(io, problem);
    }
  }
  return loadProblem || keychainProblem ? 1 : 0;
}

/**
 * `veza-desk profiles`: list (the default), add, set-key, edit, remove. Exit 0 done, 1 a
 * problem, 2 usage error (including an unknown instance name).
 */
export async function runProfilesCommand(
  args: readonly string[],
  io: CliStreams,
  context: CliContext,
): Promise<number> {
  const command = parseProfilesArgs(args);
  if ('error' in command) {
    io.stderr.write(`${command.error}\n\n${command.usage}`);
    return 2;
  }
  switch (command.kind) {
    case 'help':
      io.stdout.write(command.text);
      return 0;
    case 'list':
      return listProfiles(command.json, io, context);
    default:
      return runProfileChange(command, io, context);
  }
}
