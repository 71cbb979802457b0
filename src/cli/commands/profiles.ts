import type { Problem } from '../../shared/problems/problem';
import { displayOrigin } from '../../shared/profiles/display-origin';
import { resolveDataFolder } from '../../main/core/data-folder';
import { ProblemError } from '../../main/core/problem-error';
import { openProfileStore } from '../../main/core/profiles/profile-store';
import type { SecretStore } from '../../main/core/secrets/secret-store';
import type { CliContext, CliStreams } from '../cli-context';
import { problemJson } from '../problem-json';

export const profilesUsage = `Usage: veza-desk profiles [--json]

Lists the saved instances: name, address, production, whether a key is in the keychain, and
the last verification result. Reads the same files as the app (VEZA_DESK_HOME overrides the
data folder) and asks the keychain only whether a key is there; keys are never printed.
`;

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

function printProblem(io: CliStreams, problem: Problem): void {
  io.stderr.write(`\n${problem.title}\n${problem.explanation}\n`);
  problem.fix.forEach((step, index) => io.stderr.write(`  ${index + 1}. ${step}\n`));
}

/** `veza-desk profiles`: 0 listed, 1 a problem was found (file or keychain), 2 usage error. */
export async function runProfilesCommand(
  args: readonly string[],
  io: CliStreams,
  context: CliContext,
): Promise<number> {
  const json = args.includes('--json');
  const unknown = args.filter((arg) => arg !== '--json');
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(profilesUsage);
    return 0;
  }
  if (unknown.length > 0) {
    io.stderr.write(`Unknown option: ${unknown[0]}\n\n${profilesUsage}`);
    return 2;
  }
  const folder = resolveDataFolder(context.env);
  // Read-only: the CLI reports a damaged file but never moves or rewrites anything.
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
    if (loadProblem) printProblem(io, loadProblem);
    if (keychainProblem) printProblem(io, keychainProblem);
  }
  return loadProblem || keychainProblem ? 1 : 0;
}
