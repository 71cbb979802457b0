import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filesContaining, makeFakeKey } from '../../support/profile-fixtures';
import { repoRoot, runTsx, withoutKeychain } from '../../support/run-tsx';

// A real failure, not a stub: the child's libsecret cannot reach any Secret Service, as on a
// Linux machine without a running keyring.
describe('when the keychain is unavailable', () => {
  let home: string;
  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'veza-no-keychain-'));
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('says so plainly, saves the key nowhere else, and keeps what can be kept', async () => {
    const key = makeFakeKey();
    const child = await runTsx(
      path.join(repoRoot, 'test/integration/profiles/children/use-profiles-without-keychain.ts'),
      [home],
      withoutKeychain(),
      key,
    );
    expect(child.code, child.stderr).toBe(0);
    const out = JSON.parse(child.stdout);

    // Adding with a key: refused as a whole, with the plain-language problem and OS steps.
    expect(out.create.ok).toBe(false);
    expect(out.create.problem.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(out.create.problem.title).toBe("The computer's password store cannot be reached");
    expect(out.create.problem.fix.join('\n')).toMatch(/A Secret Service/);
    expect(out.create.problem.detail.raw).toMatch(/connect|D-Bus|dbus/i);
    // Adding without a key works; giving it a key then fails the same way.
    expect(out.plain.ok).toBe(true);
    expect(out.setKey.problem.code).toBe('KEYCHAIN_UNAVAILABLE');
    // Importing keeps the instance and says why the key was not kept.
    expect(out.imported.value.imported).toHaveLength(1);
    expect(out.imported.value.imported[0].key).toBeUndefined();
    expect(out.imported.value.notices.map((n: { code: string }) => n.code)).toEqual([
      'KEYCHAIN_UNAVAILABLE',
    ]);
    expect(
      out.list.value.profiles.map((p: { name: string; key?: unknown }) => [p.name, p.key]),
    ).toEqual([
      ['Without key', undefined],
      ['env.vezacloud.com', undefined],
    ]);

    // The key went nowhere: not in any answer, event, or file under the data folder.
    expect(child.stdout).not.toContain(key);
    expect(child.stderr).not.toContain(key);
    expect(await filesContaining(home, key)).toEqual([]);
  });
});
