import { interpretAnswer } from '../../src/main/core/veza/interpret-answer';
import { rendererSecurityHeaders } from '../../src/main/core/renderer-files';
import { serveRenderer } from './serve-renderer';

/** A file the lab page may fetch from lab-data/ on its own origin. */
export interface LabFile {
  contentType: string;
  body: Buffer | string;
}

/**
 * Serves the built renderer (out/renderer) exactly as serve-renderer.ts does, plus
 * /lab-data/<name> from memory, so the component lab page can load fixtures of any size
 * from its own origin under the app's CSP.
 */
export function serveComponentLab(
  root: string,
  labFiles: ReadonlyMap<string, LabFile>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  return serveRenderer(root, (urlPath) => {
    const path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
    const labFile = path.startsWith('/lab-data/')
      ? labFiles.get(path.slice('/lab-data/'.length))
      : undefined;
    return (
      labFile && {
        status: 200,
        headers: { ...rendererSecurityHeaders, 'Content-Type': labFile.contentType },
        body: Buffer.from(labFile.body),
      }
    );
  });
}

/** The two lab files for one response fixture: its description and its body. */
export function responseFixture(
  name: string,
  fixture: {
    status: number;
    headers: Array<{ name: string; value: string }>;
    body: Buffer | string;
    timings?: Record<string, number>;
    keyKind?: 'personal' | 'team';
    host?: string;
  },
): Array<[string, LabFile]> {
  const { body, keyKind, host, ...rest } = fixture;
  // The problem as main reads the answer (the viewer shows main's reading, never its own).
  const text = Buffer.from(body).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const contentType =
    fixture.headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? '';
  const reading = interpretAnswer(
    { status: fixture.status, contentType, text, json },
    {
      url: `https://${host ?? 'veza.test'}/`,
      redirects: [],
      headers: Object.fromEntries(
        fixture.headers.map((header) => [header.name.toLowerCase(), header.value]),
      ),
    },
    { keyKind },
  );
  const problem = !reading.ok && fixture.status >= 400 ? reading.problem : undefined;
  return [
    [
      `${name}.json`,
      {
        contentType: 'application/json',
        body: JSON.stringify({
          ...rest,
          ...(problem ? { problem } : {}),
          bodyFile: `${name}.body`,
        }),
      },
    ],
    [`${name}.body`, { contentType: 'application/octet-stream', body }],
  ];
}
