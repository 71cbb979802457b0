import { describe, expect, it } from 'vitest';
import { allowExternalLink } from '../../../../src/main/window/allow-external-link';

// Pure URL parsing: nothing here resolves a name or opens a connection.
const instances = ['https://acme.vezacloud.com', 'https://xn--bcher-kva.example:8443'];
const allow = (link: string) => allowExternalLink(link, instances);

describe('links the page may open in the system browser', () => {
  it.each([
    ['https://docs.veza.com', 'https://docs.veza.com/'],
    ['https://docs.veza.com/4yItIzMvkpAvMVFAamTf/', 'https://docs.veza.com/4yItIzMvkpAvMVFAamTf/'],
    ['https://docs.veza.com/a?b=c#d', 'https://docs.veza.com/a?b=c#d'],
    ['https://docs.veza.com:443/x', 'https://docs.veza.com/x'],
    ['HTTPS://DOCS.Veza.COM/Guide', 'https://docs.veza.com/Guide'],
    // Full-width letters map to ASCII under IDNA: the parser says it is the same host.
    ['https://ｄｏｃｓ.veza.com/', 'https://docs.veza.com/'],
    ['https://acme.vezacloud.com/app/dashboard', 'https://acme.vezacloud.com/app/dashboard'],
    ['https://ACME.vezacloud.com/', 'https://acme.vezacloud.com/'],
    ['https://bücher.example:8443/ui', 'https://xn--bcher-kva.example:8443/ui'],
    ['https://xn--bcher-kva.example:8443/ui', 'https://xn--bcher-kva.example:8443/ui'],
  ])('%s', (link, opened) => {
    expect(allow(link)).toBe(opened);
  });

  it('opens the address as parsed, so the browser cannot read it differently', () => {
    expect(allow('https://docs.veza.com\\@evil.example/')).toBe(
      'https://docs.veza.com/@evil.example/',
    );
    expect(allow('  https://docs.veza.com/a b\t')).toBe('https://docs.veza.com/a%20b');
  });
});

describe('links that are refused', () => {
  it.each([
    // Not https.
    'http://docs.veza.com/',
    'http://acme.vezacloud.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'mailto:support@veza.com',
    'ftp://docs.veza.com/',
    'veza-desk://open',
    'smb://docs.veza.com/share',
    // Other hosts, look-alikes and neighbours.
    'https://evil.example/',
    'https://veza.com/',
    'https://www.veza.com/',
    'https://docs.veza.com.evil.example/',
    'https://evil-docs.veza.com/',
    'https://sub.docs.veza.com/',
    'https://docs.veza.co/',
    'https://docs.veza.com./',
    'https://dоcs.veza.com/', // Cyrillic о
    'https://docs.veza.com:8443/',
    'https://acme.vezacloud.com:8443/',
    'https://other.vezacloud.com/',
    'https://bücher.example/',
    // Userinfo tricks, either way round.
    'https://docs.veza.com@evil.example/',
    'https://docs.veza.com:443@evil.example/',
    'https://evil.example@docs.veza.com/',
    'https://user:password@docs.veza.com/',
    'https://:password@acme.vezacloud.com/',
    'https://docs.veza.com%40evil.example/',
    // Not a URL at all.
    '',
    'docs.veza.com',
    '//docs.veza.com/',
    'https://',
    'https://[::1/',
  ])('%s', (link) => {
    expect(allow(link)).toBeUndefined();
  });

  it('refuses an address longer than any link the app shows', () => {
    expect(allow(`https://docs.veza.com/${'a'.repeat(5000)}`)).toBeUndefined();
  });
});

describe('the instances’ own origins', () => {
  it('only counts https instances, whatever else a profile holds', () => {
    const origins = ['http://127.0.0.1:4010', 'not a url', '', 'https://ok.example/some/path'];
    expect(allowExternalLink('http://127.0.0.1:4010/', origins)).toBeUndefined();
    expect(allowExternalLink('https://127.0.0.1:4010/', origins)).toBeUndefined();
    expect(allowExternalLink('https://ok.example/', origins)).toBe('https://ok.example/');
  });

  it('still allows the documentation with no instance saved, and nothing else', () => {
    expect(allowExternalLink('https://docs.veza.com/', [])).toBe('https://docs.veza.com/');
    expect(allowExternalLink('https://acme.vezacloud.com/', [])).toBeUndefined();
  });
});
