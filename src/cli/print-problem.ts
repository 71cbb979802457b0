import type { Problem } from '../shared/problems/problem';
import type { CliStreams } from './cli-context';

/** A problem as plain text on stderr: its title, explanation and numbered fix steps. */
export function printProblem(io: CliStreams, problem: Problem): void {
  io.stderr.write(`${problem.title}\n${problem.explanation}\n`);
  problem.fix.forEach((step, index) => io.stderr.write(`  ${index + 1}. ${step}\n`));
}
