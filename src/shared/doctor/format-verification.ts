import { verificationStepLabels, type VerificationResult } from './verification';

const statusMarks = {
  passed: 'ok  ',
  failed: 'FAIL',
  skipped: 'skip',
  pending: '    ',
  running: '... ',
} as const;

/** One line that answers "is this key still good?" */
export function summarizeVerification(result: VerificationResult): string {
  if (!result.ok) return result.problem?.title ?? 'The connection check failed';
  const kind = result.keyKind === 'team' ? 'a team key' : 'a personal key';
  const who = result.identity ? ` acting as ${result.identity.name}` : '';
  return `The key works: ${kind}${who}`;
}

/**
 * The plain text of a verification, as the app shows it: the steps, then either who the key
 * acts as or the problem with its fix steps. The CLI prints exactly this.
 */
export function formatVerificationText(result: VerificationResult): string {
  const lines: string[] = [`Checking ${result.url}`, ''];
  for (const step of result.steps) {
    const time = step.ms !== undefined ? ` (${Math.round(step.ms)} ms)` : '';
    const note = step.note ? ` – ${step.note}` : '';
    lines.push(`  [${statusMarks[step.status]}] ${verificationStepLabels[step.id]}${note}${time}`);
  }
  lines.push('', summarizeVerification(result));
  if (result.ok) {
    if (result.identity?.email) lines.push(`  Email: ${result.identity.email}`);
    if (result.identity?.team) lines.push(`  Team: ${result.identity.team}`);
    if (result.identity?.roles.length) lines.push(`  Roles: ${result.identity.roles.join(', ')}`);
    for (const [what, count] of Object.entries(result.reach ?? {}))
      lines.push(`  Reaches: ${count} ${what}`);
    if (result.latencyMs !== undefined)
      lines.push(`  Response time: ${Math.round(result.latencyMs)} ms`);
  } else if (result.problem) {
    lines.push('', result.problem.explanation, '', 'What to do:');
    result.problem.fix.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
    const { detail } = result.problem;
    if (detail.requestId) lines.push('', `Veza request_id (for Veza support): ${detail.requestId}`);
    if (detail.serverMessage) lines.push(`Veza said: ${detail.serverMessage}`);
    if (detail.serverResolution) lines.push(`Veza's advice: ${detail.serverResolution}`);
  }
  return lines.join('\n');
}
