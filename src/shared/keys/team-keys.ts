import { z } from 'zod';
import { bounds } from '../ipc/bounds';
import { problemSchema } from '../problems/problem';
import { profileNameMaxLength } from '../profiles/profile';

/**
 * Team API keys as the window sees them (Veza's preview API /api/preview/teamkeys). None of
 * these shapes has room for the key text: Veza shows it once, in the create answer, and main
 * puts it straight into the keychain (or, on explicit request, on the clipboard).
 */

/** Veza's ids are opaque strings; bounded so a hostile answer cannot flood the window. */
export const vezaIdMaxLength = 200;
export const vezaIdSchema = z.string().min(1).max(vezaIdMaxLength);
/** A key's or a team's name as Veza says it (team-keys-client.ts clips to it). */
export const vezaNameMaxLength = 1000;
export const teamKeyNameMaxLength = 200;
const teamKeyName = z.string().trim().min(1).max(teamKeyNameMaxLength);

/** Where a saved profile holds a team key: lets the view offer rotation for that instance. */
export const keyHolderSchema = z.object({
  profileId: z.uuid(),
  profileName: z.string().max(profileNameMaxLength),
});

/**
 * Team keys (and teams) one listing may hold: team-keys-client.ts stops at 100 pages of 100 and
 * clips to this, saying the list is not complete.
 */
export const teamKeysListMax = 10_000;

/** Bounds of what the window is told about a key's creator (main clips to them). */
export const creatorLimits = { id: 200, name: 200, email: 320 } as const;

/**
 * Who created a team key. Veza's documented key list has no creator field, so this is present
 * only when a Veza answer carries one, or when Veza Desk made the key itself this session.
 */
export const keyCreatorSchema = z.object({
  /** The user this instance's key acts as (users/self). */
  you: z.boolean(),
  /** Veza's user id. */
  id: z.string().min(1).max(creatorLimits.id).optional(),
  /** From the key record, or from a users/self answer Veza Desk already has for that id. */
  name: z.string().min(1).max(creatorLimits.name).optional(),
  email: z.string().min(1).max(creatorLimits.email).optional(),
});
export type KeyCreator = z.infer<typeof keyCreatorSchema>;

/** A long id shortened for a table cell: the first 8 characters and an ellipsis. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/**
 * The "Created by" cell: a name where one is known, "You" for the user of this instance's key,
 * else a user's shortened id said in words. `title` holds the rest (the full id) for a tooltip.
 */
export function creatorInWords(creator: KeyCreator | undefined): { text: string; title?: string } {
  if (!creator) return { text: 'Veza did not say' };
  const who = creator.name ?? creator.email;
  const more = [
    creator.name && creator.email ? creator.email : undefined,
    creator.id ? `user id ${creator.id}` : undefined,
  ].filter((part): part is string => part !== undefined);
  if (creator.you) {
    const known = [...(who ? [who] : []), ...more].join(', ');
    const you = 'The user this instance’s key acts as';
    return { text: 'You', title: known ? `${you}: ${known}` : you };
  }
  if (who) return more.length ? { text: who, title: more.join(', ') } : { text: who };
  if (creator.id)
    return { text: `A user (id ${shortId(creator.id)})`, title: `User id ${creator.id}` };
  return { text: 'Veza did not say' };
}

export const teamKeySchema = z.object({
  id: vezaIdSchema,
  name: z.string().max(vezaNameMaxLength),
  teamId: z.string().max(vezaIdMaxLength),
  /** The team's name, when the teams list was readable. */
  teamName: z.string().max(vezaNameMaxLength).optional(),
  /** Veza's ACTIVE / INACTIVE, in words; 'unknown' for a status Veza has not documented. */
  status: z.enum(['active', 'revoked', 'unknown']),
  createdAt: z.iso.datetime({ offset: true }).max(bounds.timestamp).optional(),
  /** Who created it, when known (see keyCreatorSchema). */
  createdBy: keyCreatorSchema.optional(),
  /** The saved instances whose key is this team key (same address, same key id). */
  heldBy: z.array(keyHolderSchema).max(bounds.profiles),
});
export type TeamKey = z.infer<typeof teamKeySchema>;

export const teamSchema = z.object({ id: vezaIdSchema, name: z.string().max(vezaNameMaxLength) });
export type Team = z.infer<typeof teamSchema>;

export const teamKeysListingSchema = z.object({
  keys: z.array(teamKeySchema).max(teamKeysListMax),
  /** False when Veza's paging stopped early (a safety limit): the list may miss keys. */
  complete: z.boolean(),
});
export type TeamKeysListing = z.infer<typeof teamKeysListingSchema>;

/**
 * Where the new key goes. The key never comes to the window: main saves it in the keychain,
 * as a new instance (same address and network settings) or as the key of an existing one.
 */
export const saveNewKeyAsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new-profile'), name: z.string().max(100) }),
  z.object({ kind: z.literal('existing-profile'), id: z.uuid() }),
  z.object({ kind: z.literal('none') }),
]);
export type SaveNewKeyAs = z.infer<typeof saveNewKeyAsSchema>;

export const createTeamKeyArgsSchema = z
  .object({
    /** The instance whose key makes the call (an Admin's or Operator's personal key). */
    profileId: z.uuid(),
    name: teamKeyName,
    teamId: vezaIdSchema,
    saveAs: saveNewKeyAsSchema,
    /** Main puts the key on the clipboard (cleared after a minute); Veza will not show it again. */
    copyOnce: z.boolean(),
  })
  // A key neither saved nor copied would be lost the moment Veza answers.
  .refine((args) => args.saveAs.kind !== 'none' || args.copyOnce, {
    message: 'save the new key or copy it once',
  });
export type CreateTeamKeyArgs = z.infer<typeof createTeamKeyArgsSchema>;

export const createdTeamKeySchema = z.object({
  key: teamKeySchema,
  savedTo: keyHolderSchema.optional(),
  copied: z.boolean(),
});
export type CreatedTeamKey = z.infer<typeof createdTeamKeySchema>;

export const teamKeyRefSchema = z.object({ profileId: z.uuid(), keyId: vezaIdSchema });
export const renameTeamKeyArgsSchema = teamKeyRefSchema.extend({ name: teamKeyName });

/** The steps of a rotation, in order; the roll-back steps run only when verification fails. */
export const rotationStepIds = [
  'create',
  'save',
  'verify',
  'revoke-old',
  'restore-old',
  'revoke-new',
] as const;
export type RotationStepId = (typeof rotationStepIds)[number];

export const rotationStepLabels: Record<RotationStepId, string> = {
  create: 'Create the new key in Veza',
  save: 'Save the new key in the keychain',
  verify: 'Check the new key works',
  'revoke-old': 'Revoke the old key in Veza',
  'restore-old': 'Put the old key back in the keychain',
  'revoke-new': 'Revoke the new key in Veza',
};

export const rotationStepSchema = z.object({
  id: z.enum(rotationStepIds),
  status: z.enum(['pending', 'running', 'passed', 'failed', 'skipped']),
  note: z.string().max(bounds.problemText).optional(),
  problem: problemSchema.optional(),
});
export type RotationStep = z.infer<typeof rotationStepSchema>;

export const rotateTeamKeyArgsSchema = teamKeyRefSchema.extend({
  /** The saved instance whose key is the old team key; it receives the new one. */
  holderProfileId: z.uuid(),
  /** Defaults to the old name + " (rotated <date>)". */
  newName: teamKeyName.optional(),
});
export type RotateTeamKeyArgs = z.infer<typeof rotateTeamKeyArgsSchema>;

export const rotationResultSchema = z.object({
  /** True when the new key is in place and works (even if the old one could not be revoked). */
  ok: z.boolean(),
  /** The user cancelled it before the old key was revoked; it was rolled back. */
  cancelled: z.boolean().optional(),
  steps: z.array(rotationStepSchema).max(rotationStepIds.length),
  newKey: teamKeySchema.optional(),
});
export type RotationResult = z.infer<typeof rotationResultSchema>;
