import type { Profile } from '../shared/profiles/profile';
import { shownArgument } from './shown-argument';

/** A saved instance by name: exact first, then ignoring case when that is unambiguous. */
export function findProfile(profiles: readonly Profile[], name: string): Profile | undefined {
  const exact = profiles.find((profile) => profile.name === name);
  if (exact) return exact;
  const folded = profiles.filter((profile) => profile.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

/** What the CLI says when no saved instance has that name (a usage error): the saved names. */
export function unknownProfileText(profiles: readonly Profile[], name: string): string {
  const names = profiles.map((candidate) => `  ${candidate.name}`).join('\n');
  return (
    `No saved instance is called "${shownArgument(name)}".\n` +
    (names ? `Saved instances:\n${names}\n` : 'No instances are saved yet.\n')
  );
}
