import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProfileHarness, type ProfileHarness } from '../../support/profile-harness';
import {
  filesContaining,
  keychainKey,
  makeDraft,
  makeFakeKey,
} from '../../support/profile-fixtures';

describe('import and export', () => {
  let h: ProfileHarness;
  let outside: string;
  beforeEach(async () => {
    h = await openProfileHarness();
    // Files the user picks live outside the data folder.
    outside = `${h.home}-files`;
    await mkdir(outside, { recursive: true });
  });
  afterEach(async () => {
    await h.close();
    const { rm } = await import('node:fs/promises');
    await rm(outside, { recursive: true, force: true });
  });

  it('imports VEZA_URL + VEZA_TOKEN from the environment, the key into the keychain', async () => {
    const key = makeFakeKey();
    h.env.VEZA_URL = 'https://acme.vezacloud.com/';
    h.env.VEZA_TOKEN = key;
    const result = await h.call('profiles.importFromEnv');
    expect(result.ok).toBe(true);
    expect(result.value).toMatchObject({
      cancelled: false,
      source: 'environment',
      skipped: [],
      notices: [],
      imported: [{ name: 'acme.vezacloud.com', baseUrl: 'https://acme.vezacloud.com' }],
    });
    const id = result.value.imported[0].id;
    expect(await keychainKey(id)).toBe(key);
    expect(JSON.stringify(result)).not.toContain(key);
    // Importing again adds nothing: it is already there.
    const again = await h.call('profiles.importFromEnv');
    expect(again.value.imported).toEqual([]);
    expect(again.value.skipped[0].reason).toMatch(/already/);
  });

  it('imports VEZA_API_URL + VEZA_API_KEY (Veza’s Python example) and reduces the URL', async () => {
    h.env.VEZA_API_URL = 'https://acme.vezacloud.com/api/v1/providers';
    h.env.VEZA_API_KEY = makeFakeKey();
    const result = await h.call('profiles.importFromEnv');
    expect(result.value.imported[0].baseUrl).toBe('https://acme.vezacloud.com');
    expect(result.value.imported[0].key).toBeDefined();
  });

  it('leaves a damaged key out with a notice instead of cleaning it silently', async () => {
    h.env.VEZA_URL = 'acme.vezacloud.com';
    h.env.VEZA_TOKEN = `Bearer ${makeFakeKey()}`;
    const result = await h.call('profiles.importFromEnv');
    expect(result.value.imported).toHaveLength(1);
    expect(result.value.imported[0].key).toBeUndefined();
    expect(result.value.notices[0].code).toBe('KEY_BEARER_PREFIX');
    expect(result.value.notices[0].detail.raw).toContain('VEZA_TOKEN');
  });

  it('says plainly when the environment has no Veza settings', async () => {
    h.env.VEZA_TOKEN = makeFakeKey();
    const result = await h.call('profiles.importFromEnv');
    expect(result.problem.code).toBe('IMPORT_NO_VEZA_SETTINGS');
    expect(result.problem.explanation).toContain('VEZA_URL');
  });

  it('imports a .env file, never evaluating it', async () => {
    const key = makeFakeKey();
    const file = path.join(outside, 'veza.env');
    await writeFile(
      file,
      `# my Veza\nexport VEZA_URL="https://acme.vezacloud.com"\nVEZA_TOKEN='${key}'\nX=$(touch ${outside}/pwned)\n`,
    );
    h.dialogs.nextOpen = file;
    const result = await h.call('profiles.importFile');
    expect(result.value.source).toBe('veza.env');
    expect(result.value.imported[0].baseUrl).toBe('https://acme.vezacloud.com');
    expect(await keychainKey(result.value.imported[0].id)).toBe(key);
    await expect(stat(path.join(outside, 'pwned'))).rejects.toThrow();
  });

  it('exports profiles without keys and imports them back under free names', async () => {
    const key = makeFakeKey();
    await h.profiles.create(makeDraft({ name: 'Prod', production: true, notes: 'on call' }), {
      apiKey: key,
      acceptAsIs: false,
    });
    await h.profiles.create(makeDraft({ name: 'Lab', address: 'bücher.example' }));
    const file = path.join(outside, 'export.json');
    h.dialogs.nextSave = file;
    expect(await h.call('profiles.exportFile')).toEqual({
      ok: true,
      value: { cancelled: false, destination: file },
    });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(-4) + '"');
    const exported = JSON.parse(text);
    expect(exported).toMatchObject({ format: 'veza-desk-profiles', version: 1 });
    expect(exported.profiles).toEqual([
      {
        name: 'Prod',
        baseUrl: 'https://acme.vezacloud.com',
        colour: '#2457c5',
        production: true,
        notes: 'on call',
      },
      {
        name: 'Lab',
        baseUrl: 'https://xn--bcher-kva.example',
        colour: '#2457c5',
        production: false,
        notes: '',
      },
    ]);

    // Rename one here, then import: the unchanged one is skipped, the renamed comes back.
    const lab = h.profiles.state().profiles.find((p) => p.name === 'Lab');
    await h.profiles.update(
      lab?.id as string,
      makeDraft({ name: 'Lab', address: 'other.example' }),
    );
    h.dialogs.nextOpen = file;
    const result = await h.call('profiles.importFile');
    expect(result.value.imported.map((p: { name: string }) => p.name)).toEqual(['Lab (2)']);
    expect(result.value.skipped.map((s: { name: string }) => s.name)).toEqual(['Prod']);
  });

  it('refuses files that are not an export, too big, or from a newer version', async () => {
    const cases: [string, string, string][] = [
      ['garbage.json', '{"hello": "world"}', 'IMPORT_INVALID'],
      ['broken.json', '{"format": "veza-desk-profiles", "version": 1, "prof', 'IMPORT_INVALID'],
      [
        'newer.json',
        '{"format":"veza-desk-profiles","version":9,"exportedAt":"x","profiles":[]}',
        'PROFILES_FILE_TOO_NEW',
      ],
      ['empty.env', '# nothing here\n', 'IMPORT_NO_VEZA_SETTINGS'],
      ['huge.env', 'A'.repeat(6 * 1024 * 1024), 'IMPORT_INVALID'],
    ];
    for (const [name, content, code] of cases) {
      const file = path.join(outside, name);
      await writeFile(file, content);
      h.dialogs.nextOpen = file;
      const result = await h.call('profiles.importFile');
      expect(result.problem?.code, name).toBe(code);
    }
    h.dialogs.nextOpen = path.join(outside, 'missing.json');
    expect((await h.call('profiles.importFile')).problem.code).toBe('FILE_UNREADABLE');
    h.dialogs.nextOpen = undefined;
    expect((await h.call('profiles.importFile')).value.cancelled).toBe(true);
    expect(h.profiles.state().profiles).toEqual([]);
  });

  it('keeps the good entries of a hand-edited export and names the bad ones', async () => {
    const file = path.join(outside, 'edited.json');
    await writeFile(
      file,
      JSON.stringify({
        format: 'veza-desk-profiles',
        version: 1,
        exportedAt: 'x',
        profiles: [
          { name: 'Good', baseUrl: 'https://good.example', colour: '#123456', production: false },
          { name: 'No colour', baseUrl: 'https://x.example' },
          {
            name: 'Bad URL',
            baseUrl: 'http://plain.example',
            colour: '#123456',
            production: false,
          },
        ],
      }),
    );
    h.dialogs.nextOpen = file;
    const result = await h.call('profiles.importFile');
    expect(result.value.imported.map((p: { name: string }) => p.name)).toEqual(['Good']);
    expect(result.value.skipped.map((s: { name: string }) => s.name)).toEqual([
      'No colour',
      'Bad URL',
    ]);
    expect(result.value.skipped[1].problem.code).toBe('URL_NOT_HTTPS');
  });

  it('env snippets: the placeholder by default; the key only when asked, never to the window', async () => {
    const key = makeFakeKey();
    const created = await h.profiles.create(makeDraft(), { apiKey: key, acceptAsIs: false });
    const plain = await h.call('profiles.exportEnvSnippet', {
      id: created.id,
      shell: 'posix',
      includeKey: false,
      to: 'clipboard',
    });
    expect(plain).toEqual({ ok: true, value: { cancelled: false, destination: 'clipboard' } });
    expect(h.clipboard[0]).toEqual({
      text: 'export VEZA_TOKEN="your_api_key_here"\nexport VEZA_URL="https://acme.vezacloud.com"\n',
      containsSecret: false,
    });

    const withKey = await h.call('profiles.exportEnvSnippet', {
      id: created.id,
      shell: 'powershell',
      includeKey: true,
      to: 'clipboard',
    });
    expect(h.clipboard[1]).toEqual({
      text: `$env:VEZA_TOKEN="${key}"\n$env:VEZA_URL="https://acme.vezacloud.com"\n`,
      containsSecret: true,
    });
    expect(JSON.stringify(withKey)).not.toContain(key);

    const file = path.join(outside, 'veza.cmd');
    h.dialogs.nextSave = file;
    const toFile = await h.call('profiles.exportEnvSnippet', {
      id: created.id,
      shell: 'cmd',
      includeKey: true,
      to: 'file',
    });
    expect(toFile.value).toEqual({ cancelled: false, destination: file });
    expect(await readFile(file, 'utf8')).toBe(
      `set VEZA_TOKEN=${key}\nset VEZA_URL=https://acme.vezacloud.com\n`,
    );
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await filesContaining(h.home, key)).toEqual([]);
  });

  it('asks for a key before putting one in a snippet, and reports unwritable files', async () => {
    const created = await h.profiles.create(makeDraft());
    const noKey = await h.call('profiles.exportEnvSnippet', {
      id: created.id,
      shell: 'posix',
      includeKey: true,
      to: 'clipboard',
    });
    expect(noKey.problem.code).toBe('KEY_MISSING');
    // A path under a regular file cannot be written, even by root.
    await writeFile(path.join(outside, 'a-file'), '');
    h.dialogs.nextSave = path.join(outside, 'a-file', 'export.json');
    const failed = await h.call('profiles.exportFile');
    expect(failed.problem.code).toBe('FILE_UNWRITABLE');
    expect(failed.problem.explanation).toContain('export.json');
  });
});
