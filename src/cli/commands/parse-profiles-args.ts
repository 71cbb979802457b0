import { parseArgs } from 'node:util';
import { profileNameMaxLength } from '../../shared/profiles/profile';
import { defaultProfileColour, profileColours } from '../../shared/profiles/profile-colours';
import { shownArgument } from '../shown-argument';

/** Where a key comes from: a named environment variable, or standard input. */
export type KeySource = { kind: 'env'; name: string } | { kind: 'stdin' };

export interface ProfileEdits {
  name?: string;
  url?: string;
  colour?: string;
  production?: boolean;
}

export type ProfilesCommand =
  | { kind: 'help'; text: string }
  | { kind: 'list'; json: boolean }
  | {
      kind: 'add';
      name: string;
      url: string;
      colour: string;
      production: boolean;
      key?: KeySource;
      json: boolean;
    }
  | { kind: 'set-key'; profile: string; key: KeySource; json: boolean }
  | { kind: 'edit'; profile: string; edits: ProfileEdits; rebindKey: boolean; json: boolean }
  | { kind: 'remove'; profile: string; json: boolean };

/** A usage error: what was wrong, and the usage text to print after it. */
export interface ProfilesUsageError {
  error: string;
  usage: string;
}

const colourNames = profileColours.map((colour) => colour.label.toLowerCase()).join(', ');

export const profilesUsage = `Usage: veza-desk profiles [list] [--json]
       veza-desk profiles add --name NAME --url URL [--colour C] [--production] [--key-env VAR | --key-stdin]
       veza-desk profiles set-key NAME (--key-env VAR | --key-stdin)
       veza-desk profiles edit NAME [--name NEW] [--url URL] [--colour C] [--production true|false] [--rebind-key]
       veza-desk profiles remove NAME

Lists, adds, changes and removes the saved instances, in the same files and keychain as the
app (VEZA_DESK_HOME overrides the data folder). Keys go only to the keychain and are never
printed. NAME is matched exactly, or ignoring case when that is unambiguous.

  list       the saved instances: name, address, production, key saved, last result (default)
  add        save a new instance, with or without its key
  set-key    save a new key for an instance (it is bound to the instance's current address)
  edit       change an instance's name, address, colour or production flag
  remove     delete an instance and its key

Every command takes --json (print JSON instead of text) and --help.
Exit status: 0 done, 1 a problem (address, key, keychain, name taken, profiles file), 2 usage error.
`;

const listUsage = `Usage: veza-desk profiles [list] [--json]

Lists the saved instances: name, address, production, whether a key is in the keychain, and
the last verification result. Reads the same files as the app (VEZA_DESK_HOME overrides the
data folder) and asks the keychain only whether a key is there; keys are never printed.
`;

const keyFlags = `  --key-env VAR      read the key from this environment variable
  --key-stdin        read the key from standard input (one final newline is dropped)`;

const addUsage = `Usage: veza-desk profiles add --name NAME --url URL [options]

Saves a new instance. The key, if given, is checked as the app checks a pasted key and saved
in the keychain, bound to this address; without one, add it later with set-key.

  --name NAME        the instance's name (unique, ignoring case; at most ${profileNameMaxLength} characters)
  --url URL          its address, e.g. https://acme.vezacloud.com (https://, or http:// on this computer)
  --colour C         #rrggbb, or one of ${colourNames} (default ${defaultProfileColour})
  --production       mark it as a production instance (default: not production)
${keyFlags}
  --json             print the saved instance as JSON

Exit status: 0 saved, 1 a problem (address, key, keychain, name taken, profiles file), 2 usage error.
`;

const setKeyUsage = `Usage: veza-desk profiles set-key NAME (--key-env VAR | --key-stdin) [--json]

Saves a new key for a saved instance, replacing the one it had. The key is checked as the app
checks a pasted key and bound to the instance's current address.

${keyFlags}
  --json             print the saved instance as JSON

Exit status: 0 saved, 1 a problem (key, keychain, profiles file), 2 usage error or unknown NAME.
`;

const editUsage = `Usage: veza-desk profiles edit NAME [options]

Changes a saved instance. Its key stays bound to the address it was saved for: after a new
--url the key is not sent anywhere until you confirm it may follow (--rebind-key, now or
later) or save a new one with set-key.

  --name NEW             rename it
  --url URL              change its address
  --colour C             #rrggbb, or one of ${colourNames}
  --production true|false
                         mark it as a production instance, or not
  --rebind-key           let the saved key follow the new address (and any other changed
                         trust settings): only for an address you are sure of
  --json                 print the saved instance as JSON

Exit status: 0 saved, 1 a problem (address, keychain, name taken, profiles file), 2 usage error
or unknown NAME.
`;

const removeUsage = `Usage: veza-desk profiles remove NAME [--json]

Deletes a saved instance and its key from the keychain. If the keychain cannot be reached,
nothing is deleted.

  --json             print the removed instance as JSON

Exit status: 0 removed, 1 a problem (keychain, profiles file), 2 usage error or unknown NAME.
`;

const usages = {
  list: listUsage,
  add: addUsage,
  'set-key': setKeyUsage,
  edit: editUsage,
  remove: removeUsage,
} as const;

type Subcommand = keyof typeof usages;

const isSubcommand = (word: string): word is Subcommand => Object.hasOwn(usages, word);

/** #rrggbb (any case, saved in lower case) or a colour's name from the app's palette. */
export function parseColour(text: string): string | undefined {
  if (/^#[0-9a-f]{6}$/i.test(text)) return text.toLowerCase();
  return profileColours.find((colour) => colour.label.toLowerCase() === text.toLowerCase())?.value;
}

function checkName(name: string, flag: string): string | undefined {
  if (name.trim() === '') return `${flag} needs a name that is not empty.`;
  if (name.trim().length > profileNameMaxLength)
    return `${flag} takes at most ${profileNameMaxLength} characters.`;
  return undefined;
}

function keySource(values: {
  'key-env'?: string | undefined;
  'key-stdin'?: boolean | undefined;
}): KeySource | string | undefined {
  const env = values['key-env'];
  if (env !== undefined && values['key-stdin'])
    return 'Use either --key-env or --key-stdin, not both.';
  if (env !== undefined) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(env))
      return '--key-env takes the name of an environment variable (not the key itself), e.g. --key-env VEZA_TOKEN.';
    return { kind: 'env', name: env };
  }
  return values['key-stdin'] ? { kind: 'stdin' } : undefined;
}

/** node:util parseArgs errors in our words; an unknown option is named (if it cannot be a key). */
function usageText(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = /^Unknown option '([^']*)'/.exec(message)?.[1];
    return option === undefined ? 'Unknown option.' : `Unknown option: ${shownArgument(option)}`;
  }
  return message;
}

class UsageError extends Error {}

/** The one saved-instance name a subcommand takes (names are not echoed: one could be a key). */
function oneName(positionals: string[], subcommand: string): string {
  if (positionals.length === 0)
    throw new UsageError(`Name the instance: veza-desk profiles ${subcommand} NAME.`);
  if (positionals.length > 1) {
    throw new UsageError(
      `Give one instance name, quoted if it has spaces ("Acme production"); got ${positionals.length} words.`,
    );
  }
  return positionals[0] as string;
}

function parseSubcommand(subcommand: Subcommand, argv: readonly string[]): ProfilesCommand {
  const json = { type: 'boolean', default: false } as const;
  const key = { 'key-env': { type: 'string' }, 'key-stdin': { type: 'boolean' } } as const;
  switch (subcommand) {
    case 'list': {
      const { positionals, values } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: { json },
      });
      if (positionals.length > 0)
        throw new UsageError(`Unexpected argument: ${shownArgument(positionals[0] as string)}`);
      return { kind: 'list', json: values.json };
    }
    case 'add': {
      const { positionals, values } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: {
          name: { type: 'string' },
          url: { type: 'string' },
          colour: { type: 'string' },
          production: { type: 'boolean', default: false },
          ...key,
          json,
        },
      });
      if (positionals.length > 0) {
        throw new UsageError(
          `Unexpected argument: ${shownArgument(positionals[0] as string)} (the name goes with --name, quoted if it has spaces).`,
        );
      }
      if (values.name === undefined)
        throw new UsageError('Give the instance a name with --name NAME.');
      if (values.url === undefined)
        throw new UsageError('Give the instance its address with --url URL.');
      const nameProblem = checkName(values.name, '--name');
      if (nameProblem) throw new UsageError(nameProblem);
      const colour =
        values.colour === undefined ? defaultProfileColour : parseColour(values.colour);
      if (colour === undefined)
        throw new UsageError(`--colour takes #rrggbb or one of ${colourNames}.`);
      const source = keySource(values);
      if (typeof source === 'string') throw new UsageError(source);
      return {
        kind: 'add',
        name: values.name.trim(),
        url: values.url,
        colour,
        production: values.production,
        ...(source ? { key: source } : {}),
        json: values.json,
      };
    }
    case 'set-key': {
      const { positionals, values } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: { ...key, json },
      });
      const profile = oneName(positionals, subcommand);
      const source = keySource(values);
      if (typeof source === 'string') throw new UsageError(source);
      if (!source) throw new UsageError('Give the key with --key-env VAR or --key-stdin.');
      return { kind: 'set-key', profile, key: source, json: values.json };
    }
    case 'edit': {
      const { positionals, values } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: {
          name: { type: 'string' },
          url: { type: 'string' },
          colour: { type: 'string' },
          production: { type: 'string' },
          'rebind-key': { type: 'boolean', default: false },
          json,
        },
      });
      const profile = oneName(positionals, subcommand);
      const edits: ProfileEdits = {};
      if (values.name !== undefined) {
        const nameProblem = checkName(values.name, '--name');
        if (nameProblem) throw new UsageError(nameProblem);
        edits.name = values.name.trim();
      }
      if (values.url !== undefined) edits.url = values.url;
      if (values.colour !== undefined) {
        const colour = parseColour(values.colour);
        if (colour === undefined)
          throw new UsageError(`--colour takes #rrggbb or one of ${colourNames}.`);
        edits.colour = colour;
      }
      if (values.production !== undefined) {
        if (values.production !== 'true' && values.production !== 'false')
          throw new UsageError('--production takes true or false.');
        edits.production = values.production === 'true';
      }
      if (Object.keys(edits).length === 0 && !values['rebind-key']) {
        throw new UsageError(
          'Nothing to change: give --name, --url, --colour, --production or --rebind-key.',
        );
      }
      return {
        kind: 'edit',
        profile,
        edits,
        rebindKey: values['rebind-key'],
        json: values.json,
      };
    }
    case 'remove': {
      const { positionals, values } = parseArgs({
        args: [...argv],
        strict: true,
        allowPositionals: true,
        options: { json },
      });
      return { kind: 'remove', profile: oneName(positionals, subcommand), json: values.json };
    }
  }
}

/** The arguments before `--` (after it, everything is a name, even `--help`). */
function flagsPart(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end === -1 ? argv : argv.slice(0, end);
}

/**
 * Parses `veza-desk profiles ...`. No subcommand (or only flags) is `list`, as before
 * subcommands existed. Answers the command, or the usage error to print (exit 2).
 */
export function parseProfilesArgs(argv: readonly string[]): ProfilesCommand | ProfilesUsageError {
  const [first, ...rest] = argv;
  const subcommand: Subcommand = first !== undefined && isSubcommand(first) ? first : 'list';
  const args = first !== undefined && isSubcommand(first) ? rest : argv;
  const usage = subcommand === 'list' && args === argv ? profilesUsage : usages[subcommand];
  if (flagsPart(args).some((arg) => arg === '--help' || arg === '-h'))
    return { kind: 'help', text: usage };
  if (args === argv && first !== undefined && !first.startsWith('-')) {
    return { error: `Unknown profiles command: ${shownArgument(first)}`, usage: profilesUsage };
  }
  try {
    return parseSubcommand(subcommand, args);
  } catch (error) {
    return { error: error instanceof UsageError ? error.message : usageText(error), usage };
  }
}
