import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from '../../../src/cli/commands/parse-check-args';

describe('veza-desk check arguments', () => {
  it('checks an address with the key from VEZA_TOKEN, then VEZA_API_KEY, by default', () => {
    expect(parseCheckArgs(['--url', 'https://acme.vezacloud.com', '--json'])).toEqual({
      target: { kind: 'url', url: 'https://acme.vezacloud.com' },
      keySource: { kind: 'env', names: ['VEZA_TOKEN', 'VEZA_API_KEY'] },
      caFile: undefined,
      proxy: undefined,
      timeoutMs: undefined,
      json: true,
    });
  });

  it('takes the key variable, stdin, CA file, proxy and timeout', () => {
    expect(
      parseCheckArgs([
        '--url',
        'u',
        '--key-env',
        'MY_KEY',
        '--ca-file',
        '/ca.pem',
        '--proxy',
        'http://p:3128',
        '--timeout',
        '5000',
      ]),
    ).toMatchObject({
      keySource: { kind: 'env', names: ['MY_KEY'] },
      caFile: '/ca.pem',
      proxy: 'http://p:3128',
      timeoutMs: 5000,
    });
    expect(parseCheckArgs(['--url', 'u', '--key-stdin'])).toMatchObject({
      keySource: { kind: 'stdin' },
    });
  });

  it('--client-cert with --client-key, or a PKCS#12 file alone; a key without a certificate is refused', () => {
    expect(
      parseCheckArgs(['--url', 'u', '--client-cert', '/c.pem', '--client-key', '/k.pem']),
    ).toMatchObject({ clientCert: '/c.pem', clientKey: '/k.pem' });
    expect(parseCheckArgs(['--url', 'u', '--client-cert', '/me.p12'])).toMatchObject({
      clientCert: '/me.p12',
    });
    expect(parseCheckArgs(['--url', 'u', '--client-key', '/k.pem'])).toMatch(
      /^--client-key goes with --client-cert/,
    );
  });

  it('--check-timeout limits one whole check, in milliseconds from 1000 to 600000', () => {
    expect(parseCheckArgs(['--all', '--check-timeout', '45000'])).toMatchObject({
      checkMs: 45_000,
    });
    expect(parseCheckArgs(['--all'])).not.toHaveProperty('checkMs');
    for (const bad of ['999', '600001', '1.5', 'soon'])
      expect(parseCheckArgs(['--all', '--check-timeout', bad])).toMatch(/^--check-timeout takes/);
  });

  it('checks saved instances by name or all of them', () => {
    expect(parseCheckArgs(['--profile', 'Prod EU'])).toMatchObject({
      target: { kind: 'profile', name: 'Prod EU' },
    });
    expect(parseCheckArgs(['--all'])).toMatchObject({ target: { kind: 'all' } });
  });

  it.each([
    [[], 'exactly one'],
    [['--all', '--profile', 'x'], 'exactly one'],
    [['--profile', 'x', '--key-stdin'], 'go with --url'],
    [['--url', 'u', '--key-stdin', '--key-env', 'A'], 'not both'],
    [['--url', 'u', '--timeout', 'soon'], '--timeout'],
    [['--url', 'u', '--timeout', '5'], '--timeout'],
    [['--url', 'u', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['--url', 'u', 'extra'], 'positional'],
  ])('refuses %j', (argv, message) => {
    const result = parseCheckArgs(argv);
    expect(typeof result).toBe('string');
    expect(result).toContain(message);
  });
});
