import type { Problem } from '../shared/problems/problem';
import type { CliStreams } from './cli-context';

/**
 * A problem as plain text on stderr: its title, explanation, numbered fix steps, and Veza's
 * request id when Veza gave one (what Veza support asks for).
 */
export function printProblem(io: CliStreams, problem: Problem): void {
  io.stderr.write(`${problem.title}\n${problem.explanation}\n`);
  problem.fix.forEach((step, index) => io.stderr.write(`  ${index + 1}. ${step}\n`));
  if (problem.detail.requestId)
    io.stderr.write(`Veza request_id (give it to Veza support): ${problem.detail.requestId}\n`);
}
