import { useState } from 'react';
import { lintApiKey } from '../../../shared/profiles/lint-api-key';
import type { Problem } from '../../../shared/problems/problem';
import { isKeySendable } from './ApiKeyField';

/**
 * A key being typed or pasted: the text, whether the user chose "save anyway", and the props
 * ApiKeyField takes. Typing again withdraws "save anyway", so it never covers a new paste.
 */
export function useApiKeyDraft() {
  const [apiKey, setApiKey] = useState('');
  const [acceptAsIs, setAcceptAsIs] = useState(false);
  return {
    apiKey,
    acceptAsIs,
    /** Forgets the key once main has it: the window keeps no copy. */
    clear: () => {
      setApiKey('');
      setAcceptAsIs(false);
    },
    /** The problem that stops this key from being sent, if any. */
    blockingProblem: (): Problem | null =>
      isKeySendable(apiKey, acceptAsIs) ? null : (lintApiKey(apiKey).problems[0] ?? null),
    fieldProps: {
      value: apiKey,
      onChange: (value: string) => {
        setApiKey(value);
        setAcceptAsIs(false);
      },
      acceptAsIs,
      onAcceptAsIsChange: setAcceptAsIs,
    },
  };
}
