import { createDoctorService } from '../main/core/doctor/doctor-service';
import { createTeamKeysService } from '../main/core/keys/team-keys-service';
import type { RotationRecoveredNotice } from '../main/core/keys/recover-rotations';
import { ProblemError } from '../main/core/problem-error';
import { openProfileService } from '../main/core/profiles/open-profile-service';
import type { ProfileService } from '../main/core/profiles/profile-service';
import { createClientCertificateSecrets } from '../main/core/secrets/client-certificate-secrets';
import { createTransport, type TransportNetwork } from '../main/core/transport';
import { createInstanceClient } from '../main/core/veza/instance-client';
import type { CliContext, CliStreams } from './cli-context';

/** The first words of a notice, as the app's window says them (RotationRecoveredNotices). */
const headline: Record<RotationRecoveredNotice['outcome'], (name: string) => string> = {
  finished: (name) => `The key rotation of “${name}” was finished.`,
  'rolled-back': (name) => `The key rotation of “${name}” was undone.`,
  pending: (name) => `The key rotation of “${name}” is not settled yet.`,
};

/**
 * What became of an unfinished rotation, as the CLI says it on stderr (stdout stays the
 * command's own, so `--json` output is untouched). A notice names keys, never holds one.
 */
export function rotationNoticeText(notice: RotationRecoveredNotice): string {
  return `${headline[notice.outcome](notice.holderProfileName)} ${notice.detail}\n`;
}

/**
 * Finishes or rolls back every key rotation some Veza Desk left unfinished (it quit or died
 * half-way), as the app does at start: the same recovery (teamKeys.recoverRotations), with
 * each outcome on stderr. Never throws; one it cannot settle now (Veza unreachable) keeps its
 * journal for the next start of the app or the CLI. A rotation another live Veza Desk is
 * running right now is left to it.
 */
export async function settleUnfinishedRotations(
  profiles: ProfileService,
  context: CliContext,
  io: CliStreams,
  adjustNetwork?: (network: TransportNetwork) => TransportNetwork,
): Promise<void> {
  const openTransport = () =>
    createTransport({ env: { ...context.env }, ...context.transportDeps });
  const instances = createInstanceClient({
    profiles,
    ...(adjustNetwork ? { adjustNetwork } : {}),
    clientCertificates: createClientCertificateSecrets(context.secrets()).lookup,
  });
  const teamKeys = createTeamKeysService({
    profiles,
    instances,
    doctor: createDoctorService({ profiles, instances, openTransport }),
    // Recovery only revokes and puts keys back: it never copies a key anywhere.
    clipboard: {
      writeText: () =>
        Promise.reject(ProblemError.of('INTERNAL_ERROR', { raw: 'no clipboard in the CLI' })),
    },
    openTransport,
    secrets: context.secrets(),
    onRotationRecovered: (notice) => io.stderr.write(rotationNoticeText(notice)),
  });
  await teamKeys.recoverRotations();
}

/**
 * The profile service as CLI commands that use the saved instances open it: the app's own,
 * over the data folder and the keychain, with any unfinished key rotation settled first.
 * `adjustNetwork` is the command line's network choices (check --proxy, --ca-file).
 */
export async function openCliProfiles(
  folder: string,
  context: CliContext,
  io: CliStreams,
  adjustNetwork?: (network: TransportNetwork) => TransportNetwork,
): Promise<ProfileService> {
  const profiles = await openProfileService({ folder, secrets: context.secrets() });
  await settleUnfinishedRotations(profiles, context, io, adjustNetwork);
  return profiles;
}
