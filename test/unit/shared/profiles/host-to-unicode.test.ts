import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode } from '../../../../src/shared/profiles/host-to-unicode';
import { displayOrigin } from '../../../../src/shared/profiles/display-origin';

describe('hostToUnicode', () => {
  it.each([
    'bücher.example',
    'münchen.example',
    'xn--nxasmq6b.example',
    '例え.テスト',
    'acme.vezacloud.com',
    'παράδειγμα.δοκιμή',
    'пример.испытание',
    'mañana.com',
    'café.fr:8443',
  ])('agrees with Node for %s', (name) => {
    const [host = '', port] = name.split(':');
    const ascii = domainToASCII(host);
    expect(hostToUnicode(ascii)).toBe(domainToUnicode(ascii));
    if (port) expect(hostToUnicode(`${ascii}:${port}`)).toBe(`${domainToUnicode(ascii)}:${port}`);
  });

  it('leaves labels that are not valid punycode as they are', () => {
    expect(decodePunycode('!!!')).toBeUndefined();
    expect(hostToUnicode('xn--!!!.example')).toBe('xn--!!!.example');
  });

  it('shows a stored origin as the user typed it', () => {
    expect(displayOrigin('https://xn--bcher-kva.example:8443')).toBe('https://bücher.example:8443');
    expect(displayOrigin('http://[::1]:80')).toBe('http://[::1]:80');
  });
});
