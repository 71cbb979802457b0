import type { Problem, ProblemDetail } from './problem';
import type { ProblemCode } from './problem-codes';
import { problemCatalog } from './catalog';

/** Fills {name} placeholders from the detail's facts; a placeholder with no fact is dropped. */
function fill(template: string, facts: Record<string, string>): string {
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => facts[name] ?? '')
    .replace(/\(\s*\)/g, '')
    .replace(/ {2,}/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}

/** Builds the user-facing Problem for a code from the catalog and the technical detail. */
export function makeProblem(code: ProblemCode, detail: ProblemDetail = {}): Problem {
  const entry = problemCatalog[code];
  const facts = detail.facts ?? {};
  return {
    code,
    title: fill(entry.title, facts),
    explanation: fill(entry.explanation, facts),
    // A step made only of a placeholder with no fact (e.g. another OS's) is left out.
    fix: entry.fix.map((step) => fill(step, facts)).filter((step) => step !== ''),
    detail,
  };
}
