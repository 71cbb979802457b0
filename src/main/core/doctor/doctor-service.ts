import type { CheckedInstance } from '../../../shared/ipc/contract';
import type { VerificationResult, VerificationStep } from '../../../shared/doctor/verification';
import { summarizeVerification } from '../../../shared/doctor/format-verification';
import type { Profile } from '../../../shared/profiles/profile';
import { ProblemError } from '../problem-error';
import type { ProfileService } from '../profiles/profile-service';
import type { Transport } from '../transport';
import type { InstanceClient } from '../veza/instance-client';
import { runWithConcurrency } from './run-with-concurrency';
import { verify } from './verify';

export interface DoctorServiceDeps {
  profiles: ProfileService;
  /** Reads each instance's key for what it was saved for, and its network settings. */
  instances: InstanceClient;
  openTransport: () => Transport;
  /** How many instances "check all" verifies at once; checks mostly wait on the network. */
  concurrency?: number;
  /** A limit for each whole check that overrides the profiles' own (the CLI's --check-timeout). */
  checkMs?: number;
}

export type DoctorService = ReturnType<typeof createDoctorService>;

/** Verifies saved instances and keeps each one's last verdict with the profile. */
export function createDoctorService(deps: DoctorServiceDeps) {
  // The certificate each instance's last check met (TLS failures only): the one certificate
  // the window may ask main to trust for that instance.
  const seenCertificates = new Map<string, string>();

  const verifyProfile = async (
    profile: Profile,
    onSteps?: (steps: VerificationStep[]) => void,
    signal?: AbortSignal,
  ): Promise<VerificationResult> => {
    const result = await verify(
      {
        address: profile.baseUrl,
        readKey: () => deps.instances.readKey(profile.id),
        network: deps.instances.networkOf(profile),
        checkMs: deps.checkMs ?? profile.network?.timeouts?.checkMs,
      },
      { openTransport: deps.openTransport, onSteps, signal },
    );
    // A check stopped half-way says nothing about the instance: the last verdict stays. One
    // that finished before the cancel arrived is kept.
    if (signal?.aborted && !result.ok) throw ProblemError.of('REQUEST_CANCELLED');
    if (result.certificate) seenCertificates.set(profile.id, result.certificate.sha256);
    else seenCertificates.delete(profile.id);
    // A profile deleted while it was being checked has nothing left to record on.
    if (
      deps.profiles.state().profiles.some((candidate) => candidate.id === profile.id) &&
      !deps.profiles.state().readOnly
    ) {
      await deps.profiles.recordVerification(
        profile.id,
        {
          at: result.finishedAt,
          ok: result.ok,
          code: result.outcome,
          summary: summarizeVerification(result),
        },
        { kind: result.keyKind, keyId: result.identity?.keyId },
      );
    }
    return result;
  };

  return {
    /** SHA-256 of the certificate the last check of this instance was refused (if any). */
    lastRefusedCertificate: (profileId: string): string | undefined =>
      seenCertificates.get(profileId),

    /** Throws REQUEST_CANCELLED when `signal` stopped it; nothing is recorded then. */
    verify: (
      profileId: string,
      onSteps?: (steps: VerificationStep[]) => void,
      signal?: AbortSignal,
    ): Promise<VerificationResult> => {
      return verifyProfile(deps.profiles.require(profileId), onSteps, signal);
    },

    /**
     * Every instance, `concurrency` at a time. Once `signal` is aborted no further check starts
     * and the running ones stop; the answer has the verdicts that landed.
     */
    checkAll: async (
      onChecked?: (checked: CheckedInstance, done: number, total: number) => void,
      signal?: AbortSignal,
    ): Promise<{ results: CheckedInstance[]; cancelled?: boolean }> => {
      const profiles = deps.profiles.state().profiles;
      let done = 0;
      const all = await runWithConcurrency(profiles, deps.concurrency ?? 64, async (profile) => {
        if (signal?.aborted) return undefined;
        let result: VerificationResult;
        try {
          result = await verifyProfile(profile, undefined, signal);
        } catch (error) {
          if (signal?.aborted) return undefined;
          throw error;
        }
        const checked = { profileId: profile.id, result };
        done += 1;
        onChecked?.(checked, done, profiles.length);
        return checked;
      });
      const results = all.filter((checked) => checked !== undefined);
      return signal?.aborted && results.length < profiles.length
        ? { results, cancelled: true }
        : { results };
    },
  };
}
