/** An HTTP status in words: its name and what it means for a Veza request. */
export interface StatusDescription {
  name: string;
  meaning: string;
  tone: 'success' | 'redirect' | 'refused' | 'server';
}

const known: Record<number, [string, string]> = {
  200: ['OK', 'the request worked'],
  201: ['Created', 'the item was created'],
  202: ['Accepted', 'Veza took the request and will finish it later'],
  204: ['No Content', 'the request worked and there is nothing to show'],
  301: ['Moved Permanently', 'the address has moved'],
  302: ['Found', 'the server points to another address, often a sign-in page'],
  304: ['Not Modified', 'nothing changed since the last time'],
  307: ['Temporary Redirect', 'the server points to another address for now'],
  308: ['Permanent Redirect', 'the address has moved'],
  400: ['Bad Request', 'Veza did not accept something in the request'],
  401: ['Unauthorized', 'the key was refused'],
  403: ['Forbidden', 'the key is not allowed to do this'],
  404: ['Not Found', 'there is nothing at this address, or the item does not exist'],
  405: ['Method Not Allowed', 'this address does not take this method'],
  408: ['Request Timeout', 'the request took too long to arrive'],
  409: ['Conflict', 'it clashes with something that exists, such as a name already used'],
  413: ['Content Too Large', 'the body is too large for Veza'],
  415: ['Unsupported Media Type', 'Veza does not take this kind of body; send JSON'],
  422: ['Unprocessable Content', 'Veza could not use the values sent'],
  429: ['Too Many Requests', 'Veza asks you to slow down'],
  500: ['Internal Server Error', 'Veza ran into a problem on its side'],
  501: ['Not Implemented', 'Veza does not offer this'],
  502: ['Bad Gateway', 'a server in between got no proper answer from Veza'],
  503: ['Service Unavailable', 'the instance is busy or under maintenance'],
  504: ['Gateway Timeout', 'a server in between waited too long for Veza'],
};

const byClass: Record<number, [string, string, StatusDescription['tone']]> = {
  1: ['Informational', 'the server is still working on it', 'success'],
  2: ['Success', 'the request worked', 'success'],
  3: ['Redirect', 'the server points to another address', 'redirect'],
  4: ['Refused', 'Veza did not accept the request', 'refused'],
  5: ['Server error', 'the server ran into a problem', 'server'],
};

export function describeHttpStatus(status: number): StatusDescription {
  const statusClass = Math.floor(status / 100);
  const [className, classMeaning, tone] = byClass[statusClass] ?? [
    'Unknown',
    'an answer the app does not know',
    'server',
  ];
  const [name, meaning] = known[status] ?? [className, classMeaning];
  return { name, meaning, tone };
}
