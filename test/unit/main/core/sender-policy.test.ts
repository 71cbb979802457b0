import { describe, expect, it } from 'vitest';
import { createSenderPolicy } from '../../../../src/main/core/ipc/sender-policy';

describe('createSenderPolicy', () => {
  const trusted = createSenderPolicy(['app://veza-desk', 'http://127.0.0.1:5173']);

  it.each([
    ['app://veza-desk/index.html', true],
    ['http://127.0.0.1:5173/', true],
    ['app://other/index.html', false],
    ['http://127.0.0.1:5174/', false],
    ['https://evil.example/', false],
    ['file:///etc/passwd', false],
    ['about:blank', false],
    ['', false],
    ['not a url', false],
  ])('top frame %s -> %s', (url, expected) => {
    expect(trusted({ url, isMainFrame: true })).toBe(expected);
  });

  it('refuses sub-frames even of the app origin', () => {
    expect(trusted({ url: 'app://veza-desk/index.html', isMainFrame: false })).toBe(false);
  });
});
