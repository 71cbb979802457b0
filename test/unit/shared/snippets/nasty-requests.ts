import type { RequestSpec } from '../../../../src/shared/requests/request-spec';

/** Requests whose values break naive quoting in some shell; every snippet must survive all. */
export const nastyRequests: Record<string, RequestSpec> = {
  'the seed check': { method: 'GET', path: '/api/v1/providers', query: [], headers: [] },
  'a filter with quotes and spaces': {
    method: 'GET',
    path: '/api/v1/providers/custom',
    query: [
      { name: 'filter', value: 'name eq "GitHub"', enabled: true },
      { name: 'order_by', value: 'state', enabled: true },
      { name: 'page_size', value: '3', enabled: false },
    ],
    headers: [],
  },
  'shell signs everywhere': {
    method: 'POST',
    path: "/api/v1/teams/it's $HOME `id` !x",
    query: [{ name: 'q', value: `$(id) \`id\` %PATH% !! ^& | < > ' " \\`, enabled: true }],
    headers: [
      { name: 'X-Note', value: `it's "$HOME" \`id\` %PATH% !! ^& | ; \\ end\\`, enabled: true },
      { name: 'Accept', value: 'application/json', enabled: true },
    ],
    body: `{"name": "O'Brien \\"q\\" $HOME \`id\` %PATH% !! ^&", "path": "C:\\\\temp\\\\"}`,
  },
  'line breaks and unicode': {
    method: 'PATCH',
    path: '/api/v1/teams/équipe 🎉',
    query: [{ name: 'note', value: 'line one\nline two ü ✓', enabled: true }],
    headers: [{ name: 'X-Unicode', value: 'Grüße ✓', enabled: true }],
    body: '{\n  "name": "Équipe ✓ 🎉",\n  "lines": "a\\nb"\n}\n\'@ not an end\n',
  },
  'percent signs that name real variables': {
    method: 'DELETE',
    path: '/api/v1/teams/%HOME%',
    query: [],
    headers: [{ name: 'X-Percent', value: '100%PATH%done %HOME', enabled: true }],
  },
  'an own content type': {
    method: 'PUT',
    path: '/api/v1/providers/abc:enable',
    query: [],
    headers: [{ name: 'content-type', value: 'application/json; charset=utf-8', enabled: true }],
    body: '{}',
  },
};
