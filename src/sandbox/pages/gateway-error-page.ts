// A load balancer's own error page (502/504), in HTML as nginx and cloud balancers send them:
// the request never reached Veza, so there is no Veza envelope.
export function gatewayErrorPage(status: 502 | 504): string {
  const title = status === 502 ? '502 Bad Gateway' : '504 Gateway Time-out';
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
