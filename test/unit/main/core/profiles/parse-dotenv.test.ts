import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../../../src/main/core/profiles/parse-dotenv';
import { findVezaSettings } from '../../../../../src/main/core/profiles/find-veza-settings';

describe('parseDotenv', () => {
  it('reads the usual forms without evaluating anything', () => {
    const values = parseDotenv(
      [
        '\uFEFF# a comment',
        '',
        'export VEZA_URL=https://acme.vezacloud.com # trailing comment',
        'VEZA_TOKEN="QUJD\\nREVG"',
        "SINGLE='$HOME and \\n stay literal'",
        'EXPANDED=$(rm -rf ~)',
        '  SPACED = value with spaces  ',
        'not a line',
        'MULTI="first',
        'second"',
      ].join('\r\n'),
    );
    expect(Object.fromEntries(values)).toEqual({
      VEZA_URL: 'https://acme.vezacloud.com',
      VEZA_TOKEN: 'QUJD\nREVG',
      SINGLE: '$HOME and \\n stay literal',
      EXPANDED: '$(rm -rf ~)',
      SPACED: 'value with spaces',
      MULTI: 'first\nsecond',
    });
  });
});

describe('findVezaSettings', () => {
  const from = (vars: Record<string, string>) => findVezaSettings((name) => vars[name]);

  it('follows Veza’s conventions in order', () => {
    expect(from({ VEZA_URL: 'u', VEZA_TOKEN: 't', VEZA_API_KEY: 'k' })).toEqual({
      address: 'u',
      apiKey: 't',
      keySource: 'VEZA_TOKEN',
    });
    expect(from({ VEZA_URL: 'u', VEZA_API_KEY: 'k' })).toMatchObject({ apiKey: 'k' });
    expect(from({ VEZA_API_URL: 'a', VEZA_API_KEY: 'k' })).toEqual({
      address: 'a',
      apiKey: 'k',
      keySource: 'VEZA_API_KEY',
    });
  });

  it('needs an address; takes the key exactly as found', () => {
    expect(from({ VEZA_TOKEN: 't' })).toBeUndefined();
    expect(from({ VEZA_URL: '  ' })).toBeUndefined();
    expect(from({ VEZA_URL: 'u' })).toEqual({ address: 'u' });
    expect(from({ VEZA_URL: 'u', VEZA_TOKEN: ' t\n' })).toMatchObject({ apiKey: ' t\n' });
  });
});
