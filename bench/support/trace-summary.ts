import type { CDPSession } from '@playwright/test';

/**
 * A Chromium performance trace of a page, reduced to what the docs need: every task on the
 * page's main thread that ran longer than a threshold, with where its time went (script,
 * garbage collection, style and layout, paint...). The trace file itself is not kept.
 */
export interface LongTaskSummary {
  /** Start, ms from the first event of the trace. */
  at: number;
  ms: number;
  /** Time inside the task by kind of work, ms, largest first. */
  parts: Array<{ name: string; ms: number }>;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

// Trace events grouped into the kinds of work the docs talk about.
const kinds: Array<[RegExp, string]> = [
  [
    /^(MinorGC|MajorGC|V8\.GC|BlinkGC|ScavengeTask|V8\.GCScavenger|V8\.GCFinalizeMC)/,
    'garbage collection',
  ],
  [
    /^(UpdateLayoutTree|RecalculateStyles|Layout|UpdateLayerTree|PrePaint|Layerize)$/,
    'style and layout',
  ],
  [/^(Paint|PaintImage|Commit|CompositeLayers|RasterTask)$/, 'paint'],
  [
    /^(v8\.compile|v8\.parseOnBackground|V8\.CompileCode|v8\.produceCache|CompileScript|EvaluateScript|v8\.compileModule|v8\.evaluateModule)$/,
    'script load',
  ],
  [/^(ParseHTML|ParseAuthorStyleSheet)$/, 'parse HTML/CSS'],
  [
    /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|v8\.callFunction|RunMicrotasks|V8\.Execute|HandlePostMessage)$/,
    'script',
  ],
];
const kindOf = (name: string) => kinds.find(([pattern]) => pattern.test(name))?.[1];

export async function startTrace(browserSession: CDPSession): Promise<void> {
  await browserSession.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8',
        'v8.execute',
        'blink.user_timing',
        'disabled-by-default-v8.gc',
      ],
    },
  });
}

/** Stops the trace and answers the page's main-thread tasks longer than `overMs`. */
export async function stopTrace(
  browserSession: CDPSession,
  overMs = 50,
): Promise<{ tasks: LongTaskSummary[]; longestMs: number }> {
  const complete = new Promise<{ stream: string }>((resolve) =>
    browserSession.once('Tracing.tracingComplete', (event) =>
      resolve(event as unknown as { stream: string }),
    ),
  );
  await browserSession.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = (await browserSession.send('IO.read', { handle: stream })) as {
      data: string;
      eof: boolean;
      base64Encoded?: boolean;
    };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await browserSession.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  return summarise(events, overMs);
}

function summarise(events: TraceEvent[], overMs: number) {
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter(
    (event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`),
  );
  const origin = Math.min(...events.filter((event) => event.ts > 0).map((event) => event.ts));
  const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
  const tasks = onMain.filter((event) => taskNames.has(event.name));
  const summaries: LongTaskSummary[] = [];
  let longestMs = 0;
  for (const task of tasks) {
    const ms = (task.dur ?? 0) / 1000;
    longestMs = Math.max(longestMs, ms);
    if (ms <= overMs) continue;
    const end = task.ts + (task.dur ?? 0);
    // Each kind's time counted once: the outermost event of a kind inside the task.
    const inside = onMain
      .filter((event) => event !== task && event.ts >= task.ts && event.ts < end)
      .sort((a, b) => a.ts - b.ts);
    const totals = new Map<string, number>();
    const openUntil = new Map<string, number>();
    for (const event of inside) {
      const kind = kindOf(event.name);
      if (!kind || (openUntil.get(kind) ?? 0) > event.ts) continue;
      openUntil.set(kind, event.ts + (event.dur ?? 0));
      totals.set(kind, (totals.get(kind) ?? 0) + (event.dur ?? 0) / 1000);
    }
    summaries.push({
      at: Math.round((task.ts - origin) / 1000),
      ms: Math.round(ms),
      parts: [...totals]
        .map(([name, total]) => ({ name, ms: Math.round(total) }))
        .sort((a, b) => b.ms - a.ms),
    });
  }
  return { tasks: summaries, longestMs: Math.round(longestMs) };
}
