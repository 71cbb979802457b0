import { useEffect, useState } from 'react';
import { ResponseViewer, type ResponseViewerProps } from '../response-viewer/ResponseViewer';
import { LazyJsonBodyEditor } from '../body-editor/LazyJsonBodyEditor';
import { readLabFixture } from './read-lab-fixture';

function ViewerLab({ fixture }: { fixture: string }) {
  const [props, setProps] = useState<ResponseViewerProps | string>('Loading…');
  const [saves, setSaves] = useState(0);
  useEffect(() => {
    readLabFixture(fixture).then(setProps, (error: unknown) =>
      setProps(`The fixture could not be read: ${String(error)}`),
    );
  }, [fixture]);
  if (typeof props === 'string') return <p role="status">{props}</p>;
  return (
    <>
      <ResponseViewer
        {...props}
        onCopy={(text) => {
          document.body.dataset.copiedBytes = String(new TextEncoder().encode(text).length);
        }}
        onSaveToFile={() => setSaves(saves + 1)}
      />
      <p className="muted" role="status">
        {saves > 0 ? `Save to file was asked ${saves} time(s).` : ''}
      </p>
    </>
  );
}

function EditorLab() {
  const [text, setText] = useState('{"name": "My application", "custom_template": "application"}');
  const [shown, setShown] = useState(false);
  return (
    <>
      {shown ? (
        <LazyJsonBodyEditor value={text} onChange={setText} label="Request body" />
      ) : (
        <button type="button" onClick={() => setShown(true)}>
          Edit the body
        </button>
      )}
      <output aria-label="Current body">{text}</output>
    </>
  );
}

/**
 * A page that shows one building block of the Requests workspace with data from its own
 * origin, for the end-to-end tests and benchmarks: ?show=viewer&fixture=NAME or ?show=editor.
 * It ships in the build but nothing in the app links to it, and the app window refuses to
 * navigate anywhere, so users never reach it.
 */
export function ComponentLab() {
  const params = new URLSearchParams(window.location.search);
  const show = params.get('show');
  return (
    <main className="component-lab">
      <h1>Component lab</h1>
      {show === 'viewer' && <ViewerLab fixture={params.get('fixture') ?? 'default'} />}
      {show === 'editor' && <EditorLab />}
    </main>
  );
}
