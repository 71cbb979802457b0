import { hostToUnicode } from './host-to-unicode';

/** A stored origin as the user reads it: https://xn--bcher-kva.example -> https://bücher.example */
export function displayOrigin(baseUrl: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/i.exec(baseUrl);
  return match ? `${match[1]}${hostToUnicode(match[2] ?? '')}` : baseUrl;
}
