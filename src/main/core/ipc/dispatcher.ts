import type { z } from 'zod';
import { calls, type CallArgs, type CallName, type CallResult } from '../../../shared/ipc/contract';
import { makeProblem } from '../../../shared/problems/make-problem';
import type { Result } from '../../../shared/result';
import { ProblemError } from '../problem-error';
import type { SenderInfo } from './sender-policy';

export type CallHandler<N extends CallName> = (
  args: CallArgs<N>,
) => Promise<CallResult<N>> | CallResult<N>;
export type CallHandlers = { [N in CallName]: CallHandler<N> };

export type Dispatch = (
  name: string,
  rawArgs: unknown,
  sender: SenderInfo,
) => Promise<Result<unknown>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Turns the handler table into one function that the Electron glue (ipcMain) and the test
 * bridge (Playwright bindings) both call. It checks the sender, validates arguments against
 * the contract, runs the handler, and parses the result through the contract too: unknown
 * fields are stripped, so a handler cannot leak more than the schema names.
 */
export function createDispatcher(
  handlers: CallHandlers,
  isTrustedSender: (sender: SenderInfo) => boolean,
  onUnexpectedError: (name: string, error: unknown) => void = () => {},
): Dispatch {
  return async (name, rawArgs, sender) => {
    if (!Object.hasOwn(calls, name)) {
      return { ok: false, problem: makeProblem('IPC_UNKNOWN_CALL', { facts: { call: name } }) };
    }
    if (!isTrustedSender(sender)) {
      return {
        ok: false,
        problem: makeProblem('IPC_UNTRUSTED_SENDER', { raw: `Refused ${name} from ${sender.url}` }),
      };
    }
    const callName = name as CallName;
    const spec = calls[callName];
    const parsed = spec.args.safeParse(rawArgs);
    if (!parsed.success) {
      return {
        ok: false,
        problem: makeProblem('IPC_INVALID_ARGUMENT', {
          raw: `${name}: ${describeIssues(parsed.error)}`,
        }),
      };
    }
    try {
      const handler = handlers[callName] as (args: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.result.parse(value) };
    } catch (error) {
      if (error instanceof ProblemError) return { ok: false, problem: error.problem };
      onUnexpectedError(name, error);
      // The raw message is not passed on: it could quote data the page must not see.
      return { ok: false, problem: makeProblem('INTERNAL_ERROR', { raw: `${name} failed` }) };
    }
  };
}
