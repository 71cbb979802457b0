import { useId, type KeyboardEvent } from 'react';
import type { VezaEndpoint } from '../../../shared/catalog/endpoint';
import { findEndpoint } from '../../../shared/catalog/search-endpoints';
import { httpMethods, type HttpMethod } from '../../../shared/http-protocol/http-method';
import type { Profile } from '../../../shared/profiles/profile';
import type { RequestSpec } from '../../../shared/requests/request-spec';
import { LazyJsonBodyEditor } from '../body-editor/LazyJsonBodyEditor';
import type { SpecChange } from './composer-call';
import { cutBodyConfirmLabel, cutBodyNote } from './cut-body';
import { EndpointHelp } from './EndpointHelp';
import { PathCombobox } from './PathCombobox';
import { PathParameterFields } from './PathParameterFields';
import { RowsTable } from './RowsTable';

const methodsWithBody = new Set<HttpMethod>(['POST', 'PUT', 'PATCH']);

interface ComposerProps {
  profile: Profile;
  spec: RequestSpec;
  /** `how` says whether the path was typed or a call picked: those can start a new call. */
  onChange: (spec: RequestSpec, how: SpecChange) => void;
  busy: boolean;
  /** Moves focus to the answer's body; given while an answer is shown. */
  onJumpToBody?: () => void;
  onSend: () => void;
  onFetchAll: () => void;
  onCancel: () => void;
  /**
   * The body is still the one a history entry cut to its first part: whether the user ticked
   * that it is meant, and how they tick or untick it. Absent for a whole body.
   */
  cutBody?: { accepted: boolean; onAccept: (accepted: boolean) => void };
}

/** The Authorization row: where the key comes from and its fingerprint, never the key. */
function AuthorizationRow({ profile }: { profile: Profile }) {
  const key = profile.key;
  return (
    <tr className="fixed-row">
      <td>
        <input
          type="checkbox"
          aria-label="Send Authorization"
          checked={key !== undefined}
          disabled
          readOnly
        />
      </td>
      <td className="mono">Authorization</td>
      <td>
        {key
          ? `Bearer … from keychain (${key.length} characters, ending in …${key.last4})`
          : 'No key saved for this instance: add one with "Add key" above.'}
      </td>
      <td />
    </tr>
  );
}

/**
 * The request composer: method, path with the catalogue's suggestions and help, query and
 * header tables, the body editor (loaded when first needed), Send / Cancel (Ctrl/Cmd+Enter)
 * and, for paged lists, "Fetch all pages".
 */
export function Composer({
  profile,
  spec,
  onChange,
  busy,
  onSend,
  onFetchAll,
  onCancel,
  onJumpToBody,
  cutBody,
}: ComposerProps) {
  const ids = useId();
  const endpoint = findEndpoint(spec.method, spec.path);
  const set = (change: Partial<RequestSpec>, how: SpecChange = 'edit') =>
    onChange({ ...spec, ...change }, how);
  const pick = (chosen: VezaEndpoint) =>
    set(
      {
        method: chosen.method,
        path: chosen.path,
        ...(!methodsWithBody.has(chosen.method) ? { body: undefined } : {}),
      },
      'pick',
    );
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (busy) onCancel();
      else onSend();
    }
  };

  return (
    <section className="composer" aria-label="Compose a request" onKeyDown={onKeyDown}>
      <div className="composer-line">
        <div className="field method-field">
          <label htmlFor={`${ids}-method`}>Method</label>
          <select
            id={`${ids}-method`}
            value={spec.method}
            onChange={(event) => set({ method: event.target.value as HttpMethod })}
          >
            {httpMethods.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </div>
        <PathCombobox value={spec.path} onChange={(path) => set({ path }, 'path')} onPick={pick} />
        <div className="button-row send-buttons">
          {busy ? (
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              onClick={onSend}
              aria-keyshortcuts="Control+Enter Meta+Enter"
            >
              Send
            </button>
          )}
          {endpoint?.pagedList && !busy && (
            <button type="button" onClick={onFetchAll}>
              Fetch all pages
            </button>
          )}
          {onJumpToBody && !busy && (
            <button type="button" onClick={onJumpToBody}>
              Jump to the body
            </button>
          )}
        </div>
      </div>
      <PathParameterFields path={spec.path} onFill={(path) => set({ path })} />
      {endpoint && <EndpointHelp endpoint={endpoint} onUseExample={(body) => set({ body })} />}
      <RowsTable
        caption="Query parameters"
        noun="parameter"
        rows={spec.query}
        onChange={(query) => set({ query })}
      />
      <RowsTable
        caption="Headers"
        noun="header"
        rows={spec.headers}
        onChange={(headers) => set({ headers })}
        fixedRow={<AuthorizationRow profile={profile} />}
      />
      {cutBody && (
        <div className="notice body-cut-note">
          <p id={`${ids}-cut-note`}>{cutBodyNote}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={cutBody.accepted}
              aria-describedby={`${ids}-cut-note`}
              onChange={(event) => cutBody.onAccept(event.currentTarget.checked)}
            />
            {cutBodyConfirmLabel}
          </label>
        </div>
      )}
      {methodsWithBody.has(spec.method) && (
        <LazyJsonBodyEditor
          label="Request body"
          value={spec.body ?? ''}
          onChange={(body) => set({ body })}
        />
      )}
    </section>
  );
}
