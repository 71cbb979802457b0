import { EditorView } from 'codemirror';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/**
 * The editor's look, from theme.css variables (custom properties reach into the editor's
 * shadow root), so it follows light and dark like the rest of the app.
 */
export const editorTheme = [
  EditorView.theme({
    '&': {
      border: '1px solid var(--border)',
      borderRadius: '6px',
      background: 'var(--bg-raised)',
      color: 'var(--text)',
      minHeight: '8rem',
      maxHeight: '24rem',
      fontSize: '13px',
    },
    '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
    '.cm-scroller': {
      fontFamily: "ui-monospace, 'Cascadia Mono', 'SF Mono', Menlo, Consolas, monospace",
    },
    '.cm-gutters': {
      background: 'var(--bg-sidebar)',
      color: 'var(--text-muted)',
      borderRight: '1px solid var(--border)',
    },
    '.cm-activeLine, .cm-activeLineGutter': { background: 'var(--be-active-line)' },
    '.cm-cursor': { borderLeftColor: 'var(--text)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground':
      {
        background: 'var(--be-selection)',
      },
  }),
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: tags.propertyName, color: 'var(--be-key)' },
      { tag: tags.string, color: 'var(--be-string)' },
      { tag: tags.number, color: 'var(--be-number)' },
      { tag: [tags.bool, tags.null], color: 'var(--be-literal)' },
      { tag: tags.invalid, color: 'var(--danger)' },
    ]),
  ),
];
