import { profileNameMaxLength, type Profile } from '../../../shared/profiles/profile';

/** Names are compared as people read them: case and surrounding spaces do not count. */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** `wanted` if free, else "wanted (2)", "wanted (3)", ... (for copies and imports). */
export function nextFreeName(wanted: string, profiles: readonly Pick<Profile, 'name'>[]): string {
  const taken = (name: string) => profiles.some((profile) => sameName(profile.name, name));
  const base = wanted.slice(0, profileNameMaxLength - 6);
  if (!taken(wanted)) return wanted;
  for (let n = 2; ; n += 1) {
    const name = `${base} (${n})`;
    if (!taken(name)) return name;
  }
}
