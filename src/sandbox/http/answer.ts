import type { RouteResult } from './route-table';

// Veza's success shapes (veza-api.md): one object `{"value": ...}`, a list
// `{"values", "has_more", "next_page_token"}`, and `{}` for revoke/reinstate/delete.

export function one(value: unknown, status = 200): RouteResult {
  return { status, body: { value } };
}

export function list(page: {
  values: unknown[];
  has_more: boolean;
  next_page_token: string;
}): RouteResult {
  return { body: page };
}

export function empty(): RouteResult {
  return { body: {} };
}
