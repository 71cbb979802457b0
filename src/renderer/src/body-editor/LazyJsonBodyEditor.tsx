import { lazy, Suspense } from 'react';
import type { JsonBodyEditorProps } from './JsonBodyEditor';

// CodeMirror is ~150 KB gzipped: it loads the first time a body is edited, not at start.
const JsonBodyEditor = lazy(() => import('./JsonBodyEditor'));

/** The JSON body editor, fetched on first use; a short note shows while it loads. */
export function LazyJsonBodyEditor(props: JsonBodyEditorProps) {
  return (
    <Suspense fallback={<p className="muted">Loading the editor…</p>}>
      <JsonBodyEditor {...props} />
    </Suspense>
  );
}
