import type { Problem } from '../../../shared/problems/problem';
import type { ResponseViewerProps } from '../response-viewer/ResponseViewer';

/** What a lab fixture describes: an HTTP answer whose body lives in a file next to it. */
interface LabFixture {
  status: number;
  headers: Array<{ name: string; value: string }>;
  timings?: ResponseViewerProps['timings'];
  /** The problem main read the answer as, when it stands for one. */
  problem?: Problem;
  bodyFile: string;
}

/**
 * Reads lab-data/<name>.json and its body, from the page's own origin only (the CSP allows
 * nothing else). Marks when the body has arrived, so a benchmark can time what follows.
 */
export async function readLabFixture(name: string): Promise<ResponseViewerProps> {
  const fixture = (await (
    await fetch(`lab-data/${encodeURIComponent(name)}.json`)
  ).json()) as LabFixture;
  // A Blob, as the request tab reads a large answer (read-response-body.ts).
  const body = await (await fetch(`lab-data/${encodeURIComponent(fixture.bodyFile)}`)).blob();
  performance.mark('lab:body-received');
  return {
    status: fixture.status,
    headers: fixture.headers,
    timings: fixture.timings,
    ...(fixture.problem ? { problem: fixture.problem } : {}),
    body,
  };
}
