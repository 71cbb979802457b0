import { useEffect, useState } from 'react';
import { methodWrites } from '../../../shared/http-protocol/http-method';
import type { Profile } from '../../../shared/profiles/profile';
import { requestSpecSchema, type RequestSpec } from '../../../shared/requests/request-spec';
import { veza } from '../bridge/veza';
import { cancelCall, newCallId } from '../data/long-calls';
import { callKey, requestLine } from './composer-call';
import { cutBodyNotSent, sendsCutBodyUnasked } from './cut-body';
import { readResponseBody } from './read-response-body';
import { useRequestsStore } from './requests-store';

export interface PendingConfirmation {
  spec: RequestSpec;
  paging: boolean;
}

/**
 * Sending from the composer: checks the request (a body the history cut is refused until the
 * user changes it or says it is meant), asks before a change on a production instance, sends
 * through main (one call, or one walk over every page with live progress), reads the body and
 * hands it to the viewer. Cancel stops either.
 */
export function useSendRequest(profile: Profile) {
  const update = useRequestsStore((state) => state.update);
  const [confirming, setConfirming] = useState<PendingConfirmation | null>(null);

  useEffect(
    () =>
      veza.on('requests.pagingProgress', ({ requestId, pages, items }) => {
        const running = useRequestsStore.getState().byProfile[profile.id]?.running;
        if (running?.requestId === requestId)
          update(profile.id, { running: { ...running, pages, items } });
      }),
    [profile.id, update],
  );

  const run = async (spec: RequestSpec, paging: boolean, confirmed: boolean) => {
    // A body the history cut is not sent as if it were whole (Send, Ctrl+Enter, Send again).
    if (sendsCutBodyUnasked(useRequestsStore.getState().byProfile[profile.id], spec.body)) {
      update(profile.id, { invalid: cutBodyNotSent });
      return;
    }
    const checked = requestSpecSchema.safeParse(spec);
    if (!checked.success) {
      update(profile.id, { invalid: checked.error.issues.map((issue) => issue.message).join(' ') });
      return;
    }
    if (profile.production && methodWrites(spec.method) && !confirmed) {
      setConfirming({ spec, paging });
      return;
    }
    const requestId = newCallId();
    update(profile.id, {
      running: { requestId, paging },
      problem: undefined,
      invalid: undefined,
      cleared: undefined,
    });
    const args = {
      profileId: profile.id,
      spec: checked.data,
      requestId,
      confirmedProduction: confirmed,
    };
    const result = await veza.invoke(paging ? 'requests.fetchAllPages' : 'requests.send', args);
    if (!result.ok) {
      update(profile.id, { running: undefined, problem: result.problem });
      return;
    }
    const body = await readResponseBody(result.value.body);
    if (!body.ok) {
      update(profile.id, { running: undefined, problem: body.problem });
      return;
    }
    // For the benchmark: from here on the time is the viewer's (bench/request-body-transfer).
    performance.mark('requests:body-received');
    update(profile.id, {
      running: undefined,
      response: {
        answer: result.value,
        body: body.body,
        sentAs: requestLine(checked.data),
        call: callKey(checked.data),
      },
    });
  };

  return {
    send: (spec: RequestSpec, paging = false) => void run(spec, paging, false),
    cancel: () => {
      const running = useRequestsStore.getState().byProfile[profile.id]?.running;
      if (running) cancelCall(running.requestId);
    },
    confirming,
    confirm: () => {
      if (confirming) void run(confirming.spec, confirming.paging, true);
      setConfirming(null);
    },
    dismiss: () => setConfirming(null),
  };
}
