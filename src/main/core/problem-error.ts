import type { Problem, ProblemDetail } from '../../shared/problems/problem';
import type { ProblemCode } from '../../shared/problems/problem-codes';
import { makeProblem } from '../../shared/problems/make-problem';

/** Thrown inside main/core when a failure is already understood; IPC turns it into data. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.code}: ${problem.title}`);
    this.name = 'ProblemError';
    this.problem = problem;
  }
  static of(code: ProblemCode, detail?: ProblemDetail): ProblemError {
    return new ProblemError(makeProblem(code, detail));
  }
}
