import { formatClockDifference, judgeClock } from '../../../shared/doctor/judge-clock';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';
import type { CertificateSummary, Transport, TransportNetwork } from '../transport';

export interface CertificateDatesContext {
  transport: Pick<Transport, 'readServerClock'>;
  baseUrl: string;
  network?: TransportNetwork;
  certificate?: CertificateSummary;
  now: Date;
  platform: NodeJS.Platform;
}

// Where each OS sets its clock from the network, in its own words.
const clockSteps: Record<'windowsStep' | 'macStep' | 'linuxStep', string> = {
  windowsStep:
    'On Windows: open Settings > Time & language > Date & time, switch on "Set time automatically" and "Set time zone automatically", then choose "Sync now".',
  macStep:
    'On macOS: open System Settings > General > Date & Time and switch on "Set time and date automatically".',
  linuxStep:
    'On Linux: open Settings > Date & Time and switch on "Automatic Date & Time" (in a terminal: timedatectl set-ntp true).',
};

const stepFor = (platform: NodeJS.Platform) =>
  platform === 'win32' ? 'windowsStep' : platform === 'darwin' ? 'macStep' : 'linuxStep';

const asText = (date: Date) => `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A certificate that looks expired or not yet valid is, more often than not, a laptop with a
 * wrong date. The server's own clock (readServerClock: no key sent) decides, by Firefox's
 * rule: this computer's clock is wrong (CLOCK_WRONG, with the steps for this OS), or it is
 * right and the certificate itself is out of date (said so, the clock advice left out), or
 * it cannot be told (the problem as it was).
 */
export async function explainCertificateDates(
  problem: Problem,
  context: CertificateDatesContext,
): Promise<Problem> {
  if (problem.code !== 'TLS_CERT_EXPIRED' && problem.code !== 'TLS_CERT_NOT_YET_VALID')
    return problem;
  const server = await context.transport.readServerClock(context.baseUrl, context.network);
  const facts = problem.detail.facts ?? {};
  const validity = context.certificate ?? facts;
  const verdict = judgeClock(context.now, server, validity);
  if (!server || verdict === 'unknown') return problem;
  if (verdict === 'right') {
    return makeProblem(problem.code, {
      ...problem.detail,
      facts: {
        ...facts,
        clockChecked: ` This computer's clock is right (it agrees with the server's, ${asText(server)}), so the certificate itself is out of date.`,
      },
    });
  }
  const step = stepFor(context.platform);
  return makeProblem('CLOCK_WRONG', {
    ...(problem.detail.raw !== undefined ? { raw: problem.detail.raw } : {}),
    url: context.baseUrl,
    facts: {
      host: new URL(context.baseUrl).hostname,
      localTime: asText(context.now),
      serverTime: asText(server),
      difference: formatClockDifference(context.now, server),
      [step]: clockSteps[step],
    },
  });
}
