import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeKeyEntry } from '../../src/main/core/secrets/key-envelope';
import type { KeyBinding } from '../../src/shared/profiles/key-binding';
import type { Profile, ProfileDraft } from '../../src/shared/profiles/profile';

/** A fresh, made-up key in Veza's form (base64 text); random so no test can hard-code it. */
export function makeFakeKey(): string {
  return randomBytes(36).toString('base64');
}

export function makeDraft(overrides: Partial<ProfileDraft> = {}): ProfileDraft {
  return {
    name: 'Acme production',
    address: 'https://acme.vezacloud.com',
    colour: '#2457c5',
    production: false,
    notes: '',
    ...overrides,
  };
}

export function makeStoredProfile(overrides: Partial<Profile> = {}): Profile {
  const at = new Date('2025-01-02T03:04:05.000Z').toISOString();
  return {
    id: randomUUID(),
    name: 'Stored',
    baseUrl: 'https://stored.example',
    colour: '#12805c',
    production: false,
    notes: '',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** Every file under a folder, recursively, with its content (for "the key is nowhere" checks). */
export async function readAllFiles(folder: string): Promise<{ file: string; content: Buffer }[]> {
  const out: { file: string; content: Buffer }[] = [];
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, content: await readFile(file) });
  }
  return out;
}

/** The files under `folder` that contain `secret` (as UTF-8 or UTF-16). */
export async function filesContaining(folder: string, secret: string): Promise<string[]> {
  const files = await readAllFiles(folder);
  return files
    .filter(
      ({ content }) =>
        content.includes(Buffer.from(secret, 'utf8')) ||
        content.includes(Buffer.from(secret, 'utf16le')),
    )
    .map(({ file }) => file);
}

/**
 * The key the real keychain holds for a profile (service veza-desk, account = id), read with
 * keytar itself; null when there is none. The entry holds the key with what it is bound to.
 */
export async function keychainKey(profileId: string): Promise<string | null> {
  const { default: keytar } = await import('keytar');
  const text = await keytar.getPassword('veza-desk', profileId);
  return text === null ? null : decodeKeyEntry(text).key;
}

/** What the keychain entry says the key is bound to (undefined for a bare, older entry). */
export async function keychainBinding(profileId: string): Promise<KeyBinding | undefined> {
  const { default: keytar } = await import('keytar');
  const text = await keytar.getPassword('veza-desk', profileId);
  return text === null ? undefined : decodeKeyEntry(text).binding;
}

/** Writes a profiles file as Veza Desk exports it (or as someone edited one), for imports. */
export function writeProfilesExport(file: string, profiles: unknown[]): Promise<void> {
  return writeFile(
    file,
    JSON.stringify({
      format: 'veza-desk-profiles',
      version: 1,
      exportedAt: new Date().toISOString(),
      profiles,
    }),
  );
}
