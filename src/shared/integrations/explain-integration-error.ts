import type { IntegrationError } from './integration-health';

/** Veza's reason and resolution in plain words: what it means, what to do, who can do it. */
export interface IntegrationErrorExplanation {
  meaning: string;
  whatToDo: string;
  whoCanDo: string;
}

// Veza documents the shape of an event's error (developers/api/events-api: reason, message,
// resolution, request_id) but not the list of reasons: its OpenAPI sample shows `reason` as a
// number. So the reason and then the message are only read for a few words they may contain (GUESS,
// each group), and
// Veza's own resolution is always what to do when it gives one. Nothing here claims more.
const kinds: { words: RegExp; meaning: string; whoCanDo: string }[] = [
  {
    words: /PERMISSION|ACCESS|DENIED|CREDENTIAL|AUTH|FORBIDDEN|UNAUTHORI/,
    meaning:
      'Veza could not read the system. The account or secret the integration uses was refused.',
    whoCanDo: 'The owner of that account in the other system, with a Veza admin to update it.',
  },
  {
    words: /TIMEOUT|TIMED_OUT|UNAVAILABLE|UNREACHABLE|NETWORK|CONNECT|DNS/,
    meaning: 'Veza could not reach the system in time.',
    whoCanDo: 'Whoever runs the network or the system Veza reads, or the Insight Point host.',
  },
  {
    words: /PUSH|OAA|PAYLOAD|SCHEMA|INVALID/,
    meaning: 'Veza turned down the data a connector sent it.',
    whoCanDo: 'Whoever runs the connector that pushes this data (often a script with a team key).',
  },
  {
    words: /PARSE|INTERNAL/,
    meaning: 'Veza got the data but could not process it.',
    whoCanDo: 'Veza support. Give them the request id.',
  },
];

const retry =
  'Open the data source in Veza and start a new sync. If it fails again, contact Veza support with the request id.';

export function explainIntegrationError(error: IntegrationError): IntegrationErrorExplanation {
  // The reason first, then Veza's message (a reason like EXTRACTION_FAILED says only where).
  const said = [error.reason, error.message].map((part) => part.toUpperCase().replace(/ /g, '_'));
  const kind = kinds.find((candidate) => said.some((part) => part && candidate.words.test(part)));
  const resolution = error.resolution.trim();
  return {
    meaning: kind?.meaning ?? 'Veza says the last run failed. It gave no more than its message.',
    whatToDo: resolution ? `Veza says: ${resolution}` : retry,
    whoCanDo: kind?.whoCanDo ?? 'A Veza admin of this instance, with Veza support if needed.',
  };
}
