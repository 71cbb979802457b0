import type { Problem } from '../shared/problems/problem';

/** A problem as the CLI's --json prints it: code, title, explanation, fix, detail (or null). */
export function problemJson(problem: Problem | undefined) {
  if (!problem) return null;
  const { code, title, explanation, fix, detail } = problem;
  return { code, title, explanation, fix, detail };
}
