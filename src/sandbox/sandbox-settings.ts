// Behaviours where Veza's real answer is unknown, or where Veza's docs disagree with themselves.
// Each default is the likeliest answer (the source or "Guess" is named next to it, and in
// docs/sandbox.md), and each can be switched per instance so the app is tested against the
// alternatives.

export interface SandboxSettings {
  /**
   * Message text for a refused key (unknown, revoked, deleted, owner gone). Unknown in Veza.
   * 'specific' (default) says which: "revoked", "deleted", "owner removed from the team"...;
   * 'generic' gives every refusal the same words, as many APIs do to avoid leaking state.
   */
  authMessages: 'generic' | 'specific';
  /** Status for a refused (revoked/deleted/unknown) key. Veza's own client test expects 401. */
  refusedKeyStatus: 401 | 403;
  /** Status when a team key calls a non-OAA endpoint. Unknown: veza-api.md says assume 403. */
  teamKeyRefusalStatus: 403 | 401;
  /**
   * page_size above the documented maximum (100; developers/api/management/provider-management
   * documents 25 as the providers default). Veza's own client (oaaclient/client.py) sends 250
   * and it works, so it is not refused: 'clamp' (default, a guess: Google AIP-158) serves 100,
   * 'allow' serves what was asked (up to 10,000), 'error' answers InvalidArgument.
   */
  pageSizeOverMax: 'clamp' | 'allow' | 'error';
  /** Veza may put a next_page_token on the last page (has_more false). */
  tokenOnLastPage: boolean;
  /** Veza may answer an empty page while has_more is true (once, on the second page). */
  emptyPageWhileHasMore: boolean;
  /**
   * The last page carries the very token it was asked with (not a fresh one, not ""), so a
   * client that goes on while a token is present loops. Default false; a hostile-server test.
   */
  repeatTokenOnLastPage: boolean;
  /**
   * `GET /api/preview/teamkeys/{id}`. Not in Veza's docs (developers/api/users-teams/
   * team-api-keys lists list, create, delete, revoke, reinstate, update only), so by default
   * (false) the route answers like any unknown path: 404 NotFound. true serves it.
   */
  teamKeyGetById: boolean;
  /**
   * Team key `status` on the wire. The docs' examples say "ACTIVE"; the page's OpenAPI
   * rendering shows a number (1). Default 'string'; 'number' sends 1 (ACTIVE) / 2 (INACTIVE).
   */
  teamKeyStatusFormat: 'string' | 'number';
  /**
   * Who created a team key. Guess: Veza's documented list item has no creator field.
   * 'id' (default, kept from earlier versions) sends `created_by: <user id>`; 'named' sends
   * `created_by_name`, `created_by_email` and `user_id`; 'none' sends only documented fields.
   */
  teamKeyCreator: 'id' | 'named' | 'none';
  /**
   * VQL must be switched on for the instance (features/search/vql/vql-api). Default true;
   * false answers vql:nodes with a FailedPrecondition (the status is a guess).
   */
  vqlEnabled: boolean;
  /**
   * The answer to `PUT /api/v1/providers/{id}:enable` / `:disable`. The docs
   * (developers/api/management/provider-management) show no answer. Guess: 'empty' (default,
   * `{}` like :revoke); 'value' answers the provider as `{"value": ...}`.
   */
  providerToggleAnswer: 'empty' | 'value';
  /** Latency added to every request, in ms (faults can add more per path). */
  latencyMs: number;
}

export const defaultSettings: Readonly<SandboxSettings> = {
  authMessages: 'specific',
  refusedKeyStatus: 401,
  teamKeyRefusalStatus: 403,
  pageSizeOverMax: 'clamp',
  tokenOnLastPage: true,
  emptyPageWhileHasMore: true,
  repeatTokenOnLastPage: false,
  teamKeyGetById: false,
  teamKeyStatusFormat: 'string',
  teamKeyCreator: 'id',
  vqlEnabled: true,
  providerToggleAnswer: 'empty',
  latencyMs: 0,
};

/** The documented maximum page size. */
export const maxPageSize = 100;
/** The largest page_size any list serves with pageSizeOverMax 'allow' (the audit log's max). */
export const allowedPageSizeCeiling = 10_000;
