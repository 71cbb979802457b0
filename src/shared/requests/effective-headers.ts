import { activeRows, isCredentialHeader, type RequestRow, type RequestSpec } from './request-spec';

const jsonContentType: RequestRow = {
  name: 'Content-Type',
  value: 'application/json',
  enabled: true,
};

/**
 * The headers a request sends besides Authorization: its ticked rows, never a credential, and
 * Content-Type: application/json when it has a body and no Content-Type of its own (the Veza
 * API only takes JSON). The transport and every code snippet use this same list.
 */
export function effectiveHeaders(spec: Pick<RequestSpec, 'headers' | 'body'>): RequestRow[] {
  const rows = activeRows(spec.headers).filter((row) => !isCredentialHeader(row.name));
  const hasBody = spec.body !== undefined && spec.body !== '';
  const hasContentType = rows.some((row) => row.name.trim().toLowerCase() === 'content-type');
  return hasBody && !hasContentType ? [...rows, jsonContentType] : rows;
}

/** Whether the request sends a body (an empty text counts as none). */
export function hasBody(spec: Pick<RequestSpec, 'body'>): spec is { body: string } {
  return spec.body !== undefined && spec.body !== '';
}
