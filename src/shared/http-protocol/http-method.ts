/** The HTTP methods the Veza API uses; the composer offers exactly these. */
export const httpMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** Whether a method changes something on the server (the production guard asks before these). */
export function methodWrites(method: HttpMethod): boolean {
  return method !== 'GET';
}
