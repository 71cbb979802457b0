// Behaviours where Veza's real answer is unknown (veza-api.md says so). Each default is our best
// guess, and each can be switched per instance so the app is tested against the alternatives.

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
   * page_size above the documented maximum (100). Unknown in Veza; 'clamp' follows Google's
   * AIP-158 (which Veza's gRPC-gateway style suggests), 'error' answers InvalidArgument.
   */
  pageSizeOverMax: 'clamp' | 'error';
  /** Veza may put a next_page_token on the last page (has_more false). */
  tokenOnLastPage: boolean;
  /** Veza may answer an empty page while has_more is true (once, on the second page). */
  emptyPageWhileHasMore: boolean;
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
  latencyMs: 0,
};

/** The documented maximum page size. */
export const maxPageSize = 100;
