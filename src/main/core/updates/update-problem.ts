import { updateCheckSteps, updateCheckTexts } from '../../../shared/problems/catalog';
import { fillSteps, fillText } from '../../../shared/problems/make-problem';
import type { Problem } from '../../../shared/problems/problem';

type StepKind = keyof typeof updateCheckSteps;

/** Which of the update check's step lists fits a problem of the way to GitHub. */
function stepKindOf(code: string): StepKind | undefined {
  if (code.startsWith('UPDATE_')) return undefined; // written for the check already
  if (code.startsWith('PROXY_')) return 'proxy';
  if (code.startsWith('TLS_') || code === 'CA_FILE_INVALID' || code === 'CLOCK_WRONG')
    return 'trust';
  if (
    code.startsWith('DNS_') ||
    code.startsWith('TCP_') ||
    code === 'NETWORK_UNREACHABLE' ||
    code === 'COMPANY_NETWORK_ONLY' ||
    code === 'NETWORK_SIGN_IN' ||
    code === 'HTTP_TIMEOUT' ||
    code === 'HTTP_BODY_INCOMPLETE'
  )
    return 'network';
  return 'other';
}

/**
 * A problem the transport met on the way to GitHub, with the update check's steps in place of
 * its own (which name an instance's network settings, which the check does not use), and its
 * words where the transport's speak of an instance. Code and technical detail stay as the
 * transport made them.
 */
export function asUpdateProblem(problem: Problem): Problem {
  const kind = stepKindOf(problem.code);
  if (!kind) return problem;
  const facts = problem.detail.facts ?? {};
  const words = updateCheckTexts[problem.code];
  return {
    ...problem,
    ...(words?.title ? { title: fillText(words.title, facts) } : {}),
    ...(words ? { explanation: fillText(words.explanation, facts) } : {}),
    fix: fillSteps(updateCheckSteps[kind], facts),
  };
}
