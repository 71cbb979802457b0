import type { Problem } from './problem';

/**
 * The text "Copy for support" puts on the clipboard. Problem details are redacted when they
 * are made (no key, no proxy password); Veza's request_id is kept on purpose, because it is
 * what Veza support asks for.
 */
export function formatProblemForSupport(problem: Problem, context: { app?: string } = {}): string {
  const { detail } = problem;
  const lines = [
    `Problem: ${problem.title} (${problem.code})`,
    context.app ? `App: ${context.app}` : undefined,
    detail.url ? `Address: ${detail.url}` : undefined,
    detail.status !== undefined ? `HTTP status: ${detail.status}` : undefined,
    detail.requestId ? `Veza request_id: ${detail.requestId}` : undefined,
    detail.serverCode ? `Veza code: ${detail.serverCode}` : undefined,
    detail.serverMessage ? `Veza message: ${detail.serverMessage}` : undefined,
    detail.serverResolution ? `Veza advice: ${detail.serverResolution}` : undefined,
    detail.errorCode ? `Error code: ${detail.errorCode}` : undefined,
    detail.raw ? `Technical detail: ${detail.raw}` : undefined,
    ...Object.entries(detail.facts ?? {}).map(([name, value]) => `${name}: ${value}`),
  ];
  return lines.filter((line): line is string => line !== undefined).join('\n');
}
