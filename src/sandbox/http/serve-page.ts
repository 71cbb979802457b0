import type { ServerResponse } from 'node:http';
import { landingPage } from '../pages/landing-page';
import { ssoLoginPage } from '../pages/sso-login-page';
import type { DeliveryFault } from '../faults/fault-rules';
import { sendHtml } from './send-response';

/** Everything outside /api is the web app's: HTML, never JSON, as on a real instance. */
export function servePage(
  path: string,
  query: URLSearchParams,
  response: ServerResponse,
  delivery?: DeliveryFault,
): Promise<void> {
  if (path === '/sso/login')
    return sendHtml(response, 200, ssoLoginPage(query.get('RelayState') ?? '/'), {}, delivery);
  if (path === '/' || path === '/index.html')
    return sendHtml(response, 200, landingPage(), {}, delivery);
  return sendHtml(
    response,
    404,
    '<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>\n',
    {},
    delivery,
  );
}
