import type { TestInfo } from '@playwright/test';
import { decodeKeyEntry } from '../../../src/main/core/secrets/key-envelope';
import type { SecretStore } from '../../../src/main/core/secrets/secret-store';
import type { BridgeRecord } from './bridge';
import type { KnownKey } from './key-forms';
import { scanRun, writeEvidence, type Evidence } from './key-scan-evidence';

/** Keychain accounts of proxy passwords (proxy-passwords.ts); profile ids are UUIDs. */
const isProxyAccount = (account: string) => account.startsWith('proxy ');

/** The calls whose `key.apiKey` is the one place a key crosses IPC (window -> main). */
const keyCalls = new Set(['profiles.create', 'profiles.setKey']);
export const typedKeyMark = '[the key the user typed]';

/** A call's payload without the key the user typed, and that key. */
function withoutTypedKey(record: BridgeRecord): { payload: unknown; typed?: string } {
  if (record.direction !== 'call' || !keyCalls.has(record.name)) return { payload: record.payload };
  const payload = record.payload as { key?: { apiKey?: unknown } } | undefined;
  const typed = payload?.key?.apiKey;
  if (!payload || typeof typed !== 'string') return { payload: record.payload };
  return { payload: { ...payload, key: { ...payload.key, apiKey: typedKeyMark } }, typed };
}

/**
 * Collects, for one test, what the suite-wide key scan needs (see key-scan-evidence.ts): every
 * key main or the test knew, and every place main's output went. The fixture feeds it; a spec
 * can add keys, texts (a command's output) and folders of its own.
 */
export class KeyScanRecorder {
  private readonly keys: KnownKey[] = [];
  private readonly texts: Evidence['texts'] = [];
  private readonly snapshots: Evidence['snapshots'] = [];
  private readonly records: Evidence['records'] = [];
  private readonly folders: string[] = [];

  /** Whether this run has a scan after the suite (key-scan-setup.ts ran). */
  readonly active = scanRun() !== undefined;

  addKey(key: string | undefined, source: string): void {
    if (key) this.keys.push({ key, source });
  }

  /** A text main produced that is not IPC (a command's output, the clipboard). */
  addText(name: string, text: string): void {
    this.texts.push({ name, text });
  }

  addSnapshot(name: string, text: string): void {
    this.snapshots.push({ name, text });
  }

  /** A folder whose every file is searched after the suite (kept until then). */
  addFolder(folder: string): void {
    if (!this.folders.includes(folder)) this.folders.push(folder);
  }

  /**
   * The bridge's records, each by number, direction and name. A key typed into the page and
   * sent to main in profiles.create / setKey is taken out (it is the user's own input) and
   * searched for everywhere else.
   */
  addRecords(records: readonly BridgeRecord[]): void {
    records.forEach((record, index) => {
      const { payload, typed } = withoutTypedKey(record);
      // A pasted 10 MB "key" (KEY_TOO_LONG) is not a key anyone could find again.
      if (typed !== undefined && typed.length <= 4096)
        this.addKey(typed, `typed into the page (${record.name})`);
      this.records.push({
        name: `#${index + 1} ${record.direction} ${record.name}`,
        text: JSON.stringify(payload) ?? '',
      });
    });
  }

  /** The keychain as main sees it, noting every key that goes in or comes out. */
  secretStore(inner: SecretStore): SecretStore {
    const note = (account: string, entry: string | undefined, how: string) => {
      if (entry && !isProxyAccount(account)) this.addKey(decodeKeyEntry(entry).key, how);
    };
    return {
      get: async (account) => {
        const entry = await inner.get(account);
        note(account, entry, 'read from the keychain by main');
        return entry;
      },
      set: async (account, entry) => {
        note(account, entry, 'saved in the keychain by main');
        await inner.set(account, entry);
      },
      delete: (account) => inner.delete(account),
    };
  }

  /** Hands everything to the suite-wide scan; false when this run has none. */
  async finish(testInfo: TestInfo): Promise<boolean> {
    const run = scanRun();
    if (!run) return false;
    await writeEvidence(run, {
      title: testInfo.titlePath.join(' › '),
      file: testInfo.file,
      keys: this.keys,
      records: this.records,
      snapshots: this.snapshots,
      texts: this.texts,
      folders: this.folders,
    });
    return true;
  }
}
