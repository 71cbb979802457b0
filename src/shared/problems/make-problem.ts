import { bounds, clipText } from '../ipc/bounds';
import type { Problem, ProblemDetail } from './problem';
import type { ProblemCode } from './problem-codes';
import { problemCatalog } from './catalog';

/** Fills {name} placeholders from the detail's facts; a placeholder with no fact is dropped. */
function fill(template: string, facts: Record<string, string>): string {
  return (
    template
      .replace(/\{(\w+)\}/g, (_, name: string) => facts[name] ?? '')
      .replace(/,\s*\)/g, ')')
      .replace(/\(\s*\)/g, '')
      .replace(/ {2,}/g, ' ')
      // The space a dropped placeholder left before punctuation; not the colon of "::1".
      .replace(/ ([.,;:])(?=\s|$)/g, '$1')
      .trim()
  );
}

const text = (value: string) => clipText(value, bounds.problemText);

/**
 * "{!clockChecked} Check the clock": a step left out once that fact is known; "{?variable}
 * Remove {variable}": a step kept only when it is.
 */
const marker = /^\{([!?])(\w+)\}\s*/;
function stepApplies(step: string, facts: Record<string, string>): boolean {
  const [, kind, name] = marker.exec(step) ?? [];
  if (!name) return true;
  return kind === '!' ? !(name in facts) : name in facts;
}
const id = (value: string) => clipText(value, bounds.id);

/**
 * The detail within the problem schema's bounds: a server's long message, a huge URL or a
 * flood of facts is cut rather than making the problem itself unusable.
 */
function boundedDetail(detail: ProblemDetail): ProblemDetail {
  const clipped: ProblemDetail = { ...detail };
  for (const field of ['raw', 'url', 'serverMessage', 'serverResolution'] as const) {
    const value = detail[field];
    if (value !== undefined) clipped[field] = text(value);
  }
  for (const field of ['errorCode', 'requestId', 'serverCode'] as const) {
    const value = detail[field];
    if (value !== undefined) clipped[field] = id(value);
  }
  if (detail.facts) {
    clipped.facts = Object.fromEntries(
      Object.entries(detail.facts)
        .slice(0, bounds.problemFacts)
        .map(([name, value]) => [id(name), text(value)]),
    );
  }
  return clipped;
}

/** Builds the user-facing Problem for a code from the catalog and the technical detail. */
export function makeProblem(code: ProblemCode, detail: ProblemDetail = {}): Problem {
  const entry = problemCatalog[code];
  const bounded = boundedDetail(detail);
  const facts = bounded.facts ?? {};
  return {
    code,
    title: text(fill(entry.title, facts)),
    explanation: text(fill(entry.explanation, facts)),
    fix: fillSteps(entry.fix, facts),
    detail: bounded,
  };
}

/** A catalog text as the user reads it: placeholders filled from `facts`, clipped. */
export function fillText(template: string, facts: Record<string, string>): string {
  return text(fill(template, facts));
}

/**
 * Fix steps as the user reads them: placeholders filled from `facts`. A step made only of a
 * placeholder with no fact (e.g. another OS's) is left out, and so is a step whose marker
 * ({!name}, {?name}) says it does not apply to these facts. For the catalog's entries and its
 * other step lists (updateCheckSteps).
 */
export function fillSteps(steps: readonly string[], facts: Record<string, string>): string[] {
  return steps
    .filter((step) => stepApplies(step, facts))
    .map((step) => text(fill(step.replace(marker, ''), facts)))
    .filter((step) => step !== '')
    .slice(0, bounds.problemSteps);
}
