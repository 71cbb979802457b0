import type { KeyKind, VerificationResult } from '../../../shared/doctor/verification';

/** "Personal key" / "Team key", as the success card and the results table name them. */
export const keyKindWords = (kind: KeyKind | undefined): string =>
  kind === 'team' ? 'Team key' : kind === 'personal' ? 'Personal key' : '—';

/** One instance's verdict in a few words: "Works", or the problem's title. */
export const verdictWords = (result: VerificationResult): string =>
  result.ok ? 'Works' : (result.problem?.title ?? 'The connection check failed');
