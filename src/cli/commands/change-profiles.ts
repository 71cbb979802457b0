import { resolveDataFolder } from '../../main/core/data-folder';
import { ProblemError } from '../../main/core/problem-error';
import {
  allBindingChanges,
  checkApiKey,
  type ProfileService,
} from '../../main/core/profiles/profile-service';
import { forgetUnusedClientCertificate } from '../../main/core/profiles/forget-unused-client-certificate';
import { openProfileStore } from '../../main/core/profiles/profile-store';
import { createClientCertificateSecrets } from '../../main/core/secrets/client-certificate-secrets';
import { makeProblem } from '../../shared/problems/make-problem';
import type { Problem } from '../../shared/problems/problem';
import { displayOrigin } from '../../shared/profiles/display-origin';
import { normalizeInstanceUrl } from '../../shared/profiles/normalize-instance-url';
import type { Profile, ProfileDraft } from '../../shared/profiles/profile';
import type { CliContext, CliStreams } from '../cli-context';
import { findProfile, unknownProfileText } from '../find-profile';
import { withoutFinalNewline } from '../key-input';
import { openCliProfiles } from '../open-cli-profiles';
import { printProblem } from '../print-problem';
import { problemJson } from '../problem-json';
import { shownArgument } from '../shown-argument';
import type { KeySource, ProfilesCommand } from './parse-profiles-args';

type ChangeCommand = Extract<ProfilesCommand, { kind: 'add' | 'set-key' | 'edit' | 'remove' }>;

/** What a command did: the profile as saved (never a key), and a warning to show, if any. */
interface Done {
  profile: Profile;
  text: string;
  warning?: Problem;
  warningText?: string;
}

/** A word for the shell: bare when safe, else single-quoted (for the commands we suggest). */
function shellWord(text: string): string {
  return /^[A-Za-z0-9._/:@%+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const shownUrl = (profile: Profile) => displayOrigin(profile.baseUrl);

/** The key named on the command line, checked as the app checks a pasted one (or its problem). */
async function readKey(source: KeySource, context: CliContext): Promise<string> {
  let key: string;
  if (source.kind === 'stdin') {
    key = withoutFinalNewline((await context.readStdin?.()) ?? '');
    if (key === '') throw ProblemError.of('KEY_MISSING', { raw: 'standard input was empty' });
  } else {
    key = context.env[source.name] ?? '';
    if (key === '') {
      throw ProblemError.of('KEY_MISSING', {
        raw: `the environment variable ${shownArgument(source.name)} is empty or not set`,
      });
    }
  }
  return checkApiKey({ apiKey: key, acceptAsIs: false });
}

/** Address notices ("https:// was added") are told, never applied silently. */
function tellUrlNotices(io: CliStreams, url: string | undefined): void {
  if (url === undefined) return;
  const normalized = normalizeInstanceUrl(url);
  if (normalized.ok)
    for (const notice of normalized.notices) io.stderr.write(`${notice.message}\n`);
}

/**
 * The profiles file as it is, read without changing anything. A damaged, unreadable or newer
 * file is a problem: the CLI changes nothing then (the app sets a damaged file aside and
 * recovers what it can; a script should not do that behind the user's back).
 */
async function inspect(
  folder: string,
): Promise<{ ok: true; profiles: readonly Profile[] } | { ok: false; problem: Problem }> {
  const state = (await openProfileStore(folder, { inspectOnly: true })).state();
  return state.loadProblem
    ? { ok: false, problem: state.loadProblem }
    : { ok: true, profiles: state.profiles };
}

/** The two ways to make a key usable again, as commands to copy. */
function fixCommands(profile: Profile): string {
  const name = shellWord(profile.name);
  return (
    `  - if ${shownUrl(profile)} is right, let the key follow it:  veza-desk profiles edit ${name} --rebind-key\n` +
    `  - or save a key made for it:  veza-desk profiles set-key ${name} --key-stdin < key.txt\n`
  );
}

/** After an edit: the key is usable where the instance now points, or a plain warning. */
async function keyWarning(
  profiles: ProfileService,
  profile: Profile,
): Promise<Pick<Done, 'warning' | 'warningText'>> {
  if (!profile.key) return {};
  try {
    await profiles.readKey(profile.id);
    return {};
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    const warning = error.problem;
    if (warning.code !== 'KEY_BOUND_ELSEWHERE') {
      return { warning, warningText: `Warning: the key could not be checked. ${warning.title}\n` };
    }
    const facts = warning.detail.facts ?? {};
    return {
      warning,
      warningText:
        `Warning: the key of "${profile.name}" was saved for ${facts.savedFor ?? 'another address'}, ` +
        `but ${facts.changed || 'the address'} changed (it now names ${facts.nowNames ?? shownUrl(profile)}). ` +
        `The key is not sent anywhere until you either:\n${fixCommands(profile)}`,
    };
  }
}

async function add(
  command: Extract<ChangeCommand, { kind: 'add' }>,
  profiles: ProfileService,
  key: string | undefined,
): Promise<Done> {
  const draft: ProfileDraft = {
    name: command.name,
    address: command.url,
    colour: command.colour,
    production: command.production,
    notes: '',
  };
  const profile = await profiles.create(
    draft,
    key === undefined ? undefined : { apiKey: key, acceptAsIs: false },
  );
  return {
    profile,
    text:
      `Added "${profile.name}" (${shownUrl(profile)})` +
      (key === undefined
        ? `, without a key: save one with  veza-desk profiles set-key ${shellWord(profile.name)} --key-stdin < key.txt\n`
        : ', its key saved in the keychain.\n'),
  };
}

async function edit(
  command: Extract<ChangeCommand, { kind: 'edit' }>,
  profiles: ProfileService,
  current: Profile,
  io: CliStreams,
): Promise<Done> {
  const { edits } = command;
  const draft: ProfileDraft = {
    name: edits.name ?? current.name,
    address: edits.url ?? current.baseUrl,
    colour: edits.colour ?? current.colour,
    production: edits.production ?? current.production,
    notes: current.notes,
    ...(current.network ? { network: current.network } : {}),
  };
  const profile = await profiles.update(
    current.id,
    draft,
    command.rebindKey ? { keyFollows: allBindingChanges } : {},
  );
  const moved = profile.baseUrl !== current.baseUrl;
  let text = `Saved "${profile.name}" (${shownUrl(profile)}).\n`;
  if (moved) text += `Its address changed from ${shownUrl(current)} to ${shownUrl(profile)}.\n`;
  if (command.rebindKey) {
    if (profile.key) text += `Its key may now be sent to ${shownUrl(profile)}.\n`;
    else
      io.stderr.write(
        `"${profile.name}" has no key saved: --rebind-key had nothing to carry over.\n`,
      );
  }
  return { profile, text, ...(await keyWarning(profiles, profile)) };
}

function printJson(io: CliStreams, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A problem: as JSON on stdout with --json, and always in words on stderr. */
function report(io: CliStreams, json: boolean, problem: Problem): void {
  if (json)
    printJson(io, { ok: false, profile: null, warning: null, problem: problemJson(problem) });
  printProblem(io, problem);
  if (problem.detail.raw) io.stderr.write(`Detail: ${problem.detail.raw}\n`);
}

async function change(
  command: ChangeCommand,
  profiles: ProfileService,
  target: Profile | undefined,
  key: string | undefined,
  io: CliStreams,
): Promise<Done> {
  if (command.kind === 'add') return add(command, profiles, key);
  // By id from here: the instance found by name, as the store holds it now.
  const current = profiles.require(target?.id ?? '');
  switch (command.kind) {
    case 'set-key': {
      const profile = await profiles.setKey(current.id, { apiKey: key ?? '', acceptAsIs: false });
      return {
        profile,
        text: `Saved a new key for "${profile.name}" (${shownUrl(profile)}) in the keychain.\n`,
      };
    }
    case 'edit':
      return edit(command, profiles, current, io);
    case 'remove':
      await profiles.remove(current.id);
      return {
        profile: current,
        text: `Removed "${current.name}" (${shownUrl(current)})${current.key ? ' and its key' : ''}.\n`,
      };
  }
}

/**
 * `veza-desk profiles add | set-key | edit | remove`, over the same profile service as the app:
 * 0 done, 1 a problem (address, key, keychain, name taken, profiles file), 2 an unknown name.
 */
export async function runProfileChange(
  command: ChangeCommand,
  io: CliStreams,
  context: CliContext,
): Promise<number> {
  let key: string | undefined;
  try {
    // The key first: a refused key stops the command before anything is opened or changed.
    if (command.kind === 'add' || command.kind === 'set-key') {
      key = command.key ? await readKey(command.key, context) : undefined;
    }
    const folder = resolveDataFolder(context.env);
    const found = await inspect(folder);
    if (!found.ok) {
      report(io, command.json, found.problem);
      return 1;
    }
    let target: Profile | undefined;
    if (command.kind !== 'add') {
      target = findProfile(found.profiles, command.profile);
      if (!target) {
        if (command.json) {
          const raw = `no saved instance is called "${shownArgument(command.profile)}"`;
          const problem = makeProblem('PROFILE_NOT_FOUND', { raw });
          printJson(io, { ok: false, profile: null, warning: null, problem: problemJson(problem) });
        }
        io.stderr.write(unknownProfileText(found.profiles, command.profile));
        return 2;
      }
    }
    if (command.kind === 'add') tellUrlNotices(io, command.url);
    if (command.kind === 'edit') tellUrlNotices(io, command.edits.url);
    // A key rotation left unfinished is settled first (said on stderr), then the change.
    const profiles = await openCliProfiles(folder, context, io);
    const { loadProblem } = profiles.state();
    if (loadProblem) {
      report(io, command.json, loadProblem);
      return 1;
    }
    const done = await change(command, profiles, target, key, io);
    // As the window does: a removed instance's client-certificate key leaves the keychain once
    // no saved instance uses that certificate.
    if (command.kind === 'remove')
      await forgetUnusedClientCertificate(
        profiles,
        createClientCertificateSecrets(context.secrets()),
        target?.network?.clientCertificate,
      );
    if (command.json) {
      printJson(io, {
        ok: true,
        profile: done.profile,
        warning: problemJson(done.warning),
        problem: null,
      });
    } else {
      io.stdout.write(done.text);
    }
    if (done.warningText) io.stderr.write(done.warningText);
    return 0;
  } catch (error) {
    const problem =
      error instanceof ProblemError
        ? error.problem
        : // Not understood: said plainly, in the error's own words minus anything like the key.
          makeProblem('INTERNAL_ERROR', {
            raw: (key ? String(error).split(key).join('[key]') : String(error)).slice(0, 300),
          });
    report(io, command.json, problem);
    return 1;
  }
}
