import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { json } from '@codemirror/lang-json';
import { linter, type Diagnostic } from '@codemirror/lint';
import { findJsonError, formatJson } from '../../../shared/json/format-json';
import type { JsonSyntaxError } from '../../../shared/json/scan-json';
import { editorTheme } from './editor-theme';
import './body-editor.css';

export interface JsonBodyEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** The editor's accessible name, e.g. "Request body". */
  label: string;
}

/** Where a syntax error is in the editor's document (its line and column count from 1). */
function positionIn(view: EditorView, error: JsonSyntaxError): number {
  const line = view.state.doc.line(Math.min(error.line, view.state.doc.lines));
  return Math.min(line.from + error.column - 1, line.to);
}

const jsonLinter = linter((view): Diagnostic[] => {
  const text = view.state.doc.toString();
  const error = text.trim() ? findJsonError(text) : undefined;
  if (!error) return [];
  const from = positionIn(view, error);
  return [
    {
      from,
      to: Math.min(from + 1, view.state.doc.length),
      severity: 'error',
      message: error.message,
    },
  ];
});

/** The message under the editor: nothing wrong, or where and what, in plain words. */
export function describeJsonBody(text: string): string {
  if (!text.trim()) return 'No body: the request is sent without one.';
  const error = findJsonError(text);
  return error ? `Line ${error.line}, column ${error.column}: ${error.message}` : 'Valid JSON.';
}

/**
 * A JSON editor for request bodies (CodeMirror 6): highlighting, brackets, undo, and a check
 * that says where the JSON is wrong in plain words. Format pretty-prints it without changing
 * any value. Loaded only when needed (see LazyJsonBodyEditor).
 */
export default function JsonBodyEditor({ value, onChange, label }: JsonBodyEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    // CodeMirror writes its styles as a <style> element in a document, which our CSP
    // (style-src 'self') blocks; in a shadow root it uses a constructed style sheet instead,
    // which the CSP allows. So the editor lives in the host's shadow root.
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const view = new EditorView({
      parent: shadow,
      root: shadow,
      doc: value,
      extensions: [
        basicSetup,
        json(),
        jsonLinter,
        editorTheme,
        EditorView.lineWrapping,
        // tabindex: axe counts a contenteditable as focusable only with it, and the editor's
        // scroller must hold something focusable (it is reached with Tab either way).
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    viewRef.current = view;
    return () => view.destroy();
    // The view is made once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value set from outside (a saved request, an import) replaces the document.
  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc.toString() !== value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    }
  }, [value]);

  const format = () => {
    const view = viewRef.current;
    if (!view) return;
    const formatted = formatJson(view.state.doc.toString());
    if (formatted.ok) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: formatted.text } });
    } else {
      view.dispatch({
        selection: { anchor: positionIn(view, formatted.error) },
        scrollIntoView: true,
      });
    }
    view.focus();
  };

  const message = describeJsonBody(value);
  const valid = message === 'Valid JSON.' || !value.trim();
  return (
    <div className="body-editor">
      <div className="body-editor-toolbar">
        <button type="button" onClick={format} disabled={!value.trim()}>
          Format
        </button>
      </div>
      <div ref={hostRef} className="body-editor-host" />
      <p className={valid ? 'body-editor-ok' : 'body-editor-error'} role="status">
        {message}
      </p>
    </div>
  );
}
