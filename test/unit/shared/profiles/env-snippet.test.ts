import { describe, expect, it } from 'vitest';
import {
  apiKeyPlaceholder,
  buildEnvSnippet,
  envSnippetFileName,
} from '../../../../src/shared/profiles/env-snippet';

describe('buildEnvSnippet', () => {
  const url = 'https://acme.vezacloud.com';

  it('writes the three forms of Veza’s documentation, with the placeholder by default', () => {
    expect(buildEnvSnippet('posix', url)).toBe(
      'export VEZA_TOKEN="your_api_key_here"\nexport VEZA_URL="https://acme.vezacloud.com"\n',
    );
    expect(buildEnvSnippet('cmd', url)).toBe(
      'set VEZA_TOKEN=your_api_key_here\nset VEZA_URL=https://acme.vezacloud.com\n',
    );
    expect(buildEnvSnippet('powershell', url)).toBe(
      '$env:VEZA_TOKEN="your_api_key_here"\n$env:VEZA_URL="https://acme.vezacloud.com"\n',
    );
    expect(apiKeyPlaceholder).toBe('your_api_key_here');
  });

  it('puts a key in only when one is given, and refuses values that need quoting', () => {
    expect(buildEnvSnippet('posix', url, 'QUJD+/==')).toContain('export VEZA_TOKEN="QUJD+/=="');
    expect(() => buildEnvSnippet('posix', url, 'a"; rm -rf ~; "')).toThrow();
    expect(() => buildEnvSnippet('cmd', url, 'a & calc')).toThrow();
    expect(() => buildEnvSnippet('powershell', 'https://x.example/$(calc)')).toThrow();
  });

  it('names files after the host and the shell', () => {
    expect(envSnippetFileName('posix', url)).toBe('veza-acme.vezacloud.com.sh');
    expect(envSnippetFileName('cmd', 'http://127.0.0.1:8080')).toBe('veza-127.0.0.1_8080.cmd');
    expect(envSnippetFileName('powershell', url)).toBe('veza-acme.vezacloud.com.ps1');
  });
});
