import { z } from 'zod';
import { bounds } from '../ipc/bounds';
import { problemSchema } from '../problems/problem';
import { envSnippetShells } from './env-snippet';
import {
  colourSchema,
  networkSettingsSchema,
  profileNameMaxLength,
  profileNotesMaxLength,
  profileSchema,
} from './profile';

/** The exported profiles file: no ids, no keys, no fingerprints; meant to move between machines. */
export const profilesExportFormat = 'veza-desk-profiles';
export const profilesExportVersion = 1;

export const exportedProfileSchema = z.object({
  name: z.string().min(1).max(profileNameMaxLength),
  baseUrl: z.string().min(1).max(2048),
  colour: colourSchema,
  production: z.boolean(),
  notes: z.string().max(profileNotesMaxLength).default(''),
  network: networkSettingsSchema.optional(),
});
export type ExportedProfile = z.infer<typeof exportedProfileSchema>;

export const profilesExportFileSchema = z.object({
  format: z.literal(profilesExportFormat),
  version: z.number().int().positive(),
  exportedAt: z.string(),
  // More than Veza Desk keeps at all (profilesStateSchema): the file is refused as a whole.
  profiles: z.array(z.unknown()).max(bounds.profiles),
});

/** Where a file went or came from: a path (Windows allows 32,767 characters) or a word. */
const fileName = z.string().max(bounds.filePath);

/** What an import did: what came in, what was left out and why, and what to look at. */
export const importResultSchema = z.object({
  cancelled: z.boolean(),
  /** The file name, or "environment". */
  source: fileName,
  imported: z.array(profileSchema).max(bounds.profiles),
  skipped: z
    .array(
      z.object({
        name: z.string().max(bounds.name),
        problem: problemSchema.optional(),
        reason: z.string().max(bounds.problemText),
      }),
    )
    .max(bounds.profiles),
  /** Things to know about what was imported, e.g. a key left out because it looked damaged. */
  notices: z.array(problemSchema).max(bounds.profiles),
  /**
   * Network settings the file named that are not in force: a proxy or CA file waits for the
   * user to accept it for that instance; a pinned certificate is never taken from a file.
   */
  withheld: z
    .array(
      z.object({
        profileId: z.uuid(),
        name: z.string().max(bounds.name),
        proxyUrl: networkSettingsSchema.shape.proxy.unwrap().shape.url,
        caFile: networkSettingsSchema.shape.caFile,
        pinnedCertSha256: networkSettingsSchema.shape.pinnedCertSha256,
      }),
    )
    .max(bounds.profiles)
    .default([]),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const fileWrittenSchema = z.object({
  cancelled: z.boolean(),
  /** Where it went: a file path, or "clipboard". */
  destination: fileName.optional(),
});
export type FileWritten = z.infer<typeof fileWrittenSchema>;

export const envSnippetRequestSchema = z.object({
  id: z.uuid(),
  shell: z.enum(envSnippetShells),
  /** Only when the user explicitly asks; main then writes the text itself, never to the window. */
  includeKey: z.boolean(),
  to: z.enum(['clipboard', 'file']),
});
