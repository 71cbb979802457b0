// A load balancer's own error page (502/504), in HTML as nginx and cloud balancers send them:
// the request never reached Veza, so there is no Veza envelope. A 502 says what Veza's docs say
// it means: "Returned when the service is temporarily unavailable"
// (developers/api/query-builder/getassessmentquery, its status list).
export const gatewayUnavailableText = 'The service is temporarily unavailable.';

export function gatewayErrorPage(status: 502 | 504): string {
  const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
  const text = status === 502 ? `\r\n<p>${gatewayUnavailableText}</p>` : '';
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>${text}\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
