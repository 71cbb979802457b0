import { describe, expect, it } from 'vitest';
import {
  parseColour,
  parseProfilesArgs,
  profilesUsage,
} from '../../../src/cli/commands/parse-profiles-args';
import { shownArgument } from '../../../src/cli/shown-argument';
import { runCli } from '../../../src/cli/run-cli';
import { makeFakeKey } from '../../support/profile-fixtures';

describe('veza-desk profiles arguments', () => {
  it('lists without a subcommand, as before, and with the list alias', () => {
    expect(parseProfilesArgs([])).toEqual({ kind: 'list', json: false });
    expect(parseProfilesArgs(['--json'])).toEqual({ kind: 'list', json: true });
    expect(parseProfilesArgs(['list', '--json'])).toEqual({ kind: 'list', json: true });
  });

  it('add: name, address, the app’s default colour, not production, no key by default', () => {
    expect(
      parseProfilesArgs(['add', '--name', ' Acme EU ', '--url', 'acme.vezacloud.com']),
    ).toEqual({
      kind: 'add',
      name: 'Acme EU',
      url: 'acme.vezacloud.com',
      colour: '#2457c5',
      production: false,
      json: false,
    });
  });

  it('add: colour, production, and the key from a variable or stdin', () => {
    expect(
      parseProfilesArgs([
        'add',
        '--name=Prod',
        '--url',
        'https://p.example',
        '--colour',
        '#C62828',
        '--production',
        '--key-env',
        'PROD_KEY',
        '--json',
      ]),
    ).toEqual({
      kind: 'add',
      name: 'Prod',
      url: 'https://p.example',
      colour: '#c62828',
      production: true,
      key: { kind: 'env', name: 'PROD_KEY' },
      json: true,
    });
    expect(
      parseProfilesArgs(['add', '--name', 'P', '--url', 'u', '--key-stdin', '--colour', 'Teal']),
    ).toMatchObject({ key: { kind: 'stdin' }, colour: '#0e7c86' });
  });

  it('set-key and remove take one name; a name after -- may look like a flag', () => {
    expect(parseProfilesArgs(['set-key', 'Acme EU', '--key-stdin'])).toEqual({
      kind: 'set-key',
      profile: 'Acme EU',
      key: { kind: 'stdin' },
      json: false,
    });
    expect(parseProfilesArgs(['remove', '--json', 'Lab'])).toEqual({
      kind: 'remove',
      profile: 'Lab',
      json: true,
    });
    expect(parseProfilesArgs(['remove', '--', '--help'])).toEqual({
      kind: 'remove',
      profile: '--help',
      json: false,
    });
  });

  it('edit: only the fields given; --production true|false; --rebind-key alone is a change', () => {
    expect(
      parseProfilesArgs([
        'edit',
        'Lab',
        '--name',
        'Lab 2',
        '--url',
        'https://lab2.example',
        '--colour',
        'purple',
        '--production',
        'false',
      ]),
    ).toEqual({
      kind: 'edit',
      profile: 'Lab',
      edits: {
        name: 'Lab 2',
        url: 'https://lab2.example',
        colour: '#7b3fc4',
        production: false,
      },
      rebindKey: false,
      json: false,
    });
    expect(parseProfilesArgs(['edit', 'Lab', '--production', 'true'])).toMatchObject({
      edits: { production: true },
    });
    expect(parseProfilesArgs(['edit', 'Lab', '--rebind-key', '--json'])).toEqual({
      kind: 'edit',
      profile: 'Lab',
      edits: {},
      rebindKey: true,
      json: true,
    });
  });

  it('--help for the command and for each subcommand', () => {
    expect(parseProfilesArgs(['--help'])).toEqual({ kind: 'help', text: profilesUsage });
    for (const sub of ['add', 'set-key', 'edit', 'remove']) {
      const help = parseProfilesArgs([sub, '-h']);
      expect(help).toMatchObject({ kind: 'help' });
      expect((help as { text: string }).text).toContain(`Usage: veza-desk profiles ${sub}`);
    }
    expect(profilesUsage).toMatch(/add --name NAME --url URL/);
  });

  it.each([
    [['--yaml'], 'Unknown option: --yaml'],
    [['rename', 'x'], 'Unknown profiles command: rename'],
    [['list', 'extra'], 'Unexpected argument'],
    [['add', '--url', 'u'], '--name NAME'],
    [['add', '--name', 'A'], '--url URL'],
    [['add', '--name', '  ', '--url', 'u'], 'not empty'],
    [['add', '--name', 'x'.repeat(101), '--url', 'u'], 'at most 100'],
    [['add', '--name', 'A', '--url', 'u', 'extra'], 'Unexpected argument'],
    [['add', '--name', 'A', '--url', 'u', '--colour', '#12345'], '--colour takes'],
    [['add', '--name', 'A', '--url', 'u', '--key-env', 'K', '--key-stdin'], 'not both'],
    [['add', '--name', 'A', '--url', 'u', '--key-env', 'not a name'], 'name of an environment'],
    [['add', '--name', 'A', '--url', 'u', '--production=no'], 'does not take an argument'],
    [['add', '--name', 'A', '--url'], 'argument missing'],
    [['set-key', 'Lab'], '--key-env VAR or --key-stdin'],
    [['set-key', '--key-stdin'], 'Name the instance'],
    [['edit', 'Lab'], 'Nothing to change'],
    [['edit', 'Lab', '--production', 'yes'], 'true or false'],
    [['edit', 'Lab', '--key-stdin'], 'Unknown option: --key-stdin'],
    [['remove'], 'Name the instance'],
    [['remove', 'Acme', 'EU'], 'Give one instance name'],
  ])('refuses %j', (argv, message) => {
    const result = parseProfilesArgs(argv);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(message);
    expect((result as { usage: string }).usage).toContain('Usage: veza-desk profiles');
  });

  it('never echoes an argument that could be a key', () => {
    const key = makeFakeKey().replace(/[+/=]/g, 'A');
    for (const argv of [
      ['set-key', key, 'Lab', '--key-stdin'],
      [key],
      ['list', key],
      ['add', '--name', 'A', '--url', 'u', key],
      ['add', `--${key}`],
      ['add', '--name', 'A', '--url', 'u', '--key-env', `${key}+`],
    ]) {
      const result = parseProfilesArgs(argv);
      expect(result).toHaveProperty('error');
      expect(JSON.stringify(result)).not.toContain(key);
    }
    expect(shownArgument(key)).not.toContain(key);
    expect(shownArgument('VEZA_TOKEN_FOR_ACME_PROD')).toBe('VEZA_TOKEN_FOR_ACME_PROD');
    expect(shownArgument('Acme production')).toBe('Acme production');
  });

  it('colours: #rrggbb in any case, or a name from the app’s palette', () => {
    expect(parseColour('#ABCDEF')).toBe('#abcdef');
    expect(parseColour('grey')).toBe('#5f6b7a');
    expect(parseColour('abcdef')).toBeUndefined();
    expect(parseColour('#abcdefa')).toBeUndefined();
  });

  it('the top-level usage names the profiles subcommands', async () => {
    const out: string[] = [];
    const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: () => true } };
    expect(await runCli(['help'], io)).toBe(0);
    for (const sub of ['profiles add', 'profiles set-key', 'profiles edit', 'profiles remove'])
      expect(out.join('')).toContain(sub);
  });
});
