import { describe, expect, it } from 'vitest';
import { networkSettingsSchema } from '../../../../src/shared/profiles/profile';
import {
  networkFormOf,
  networkFromForm,
  type NetworkForm,
} from '../../../../src/shared/profiles/network-form';

const blank = networkFormOf(undefined);
const form = (changes: Partial<NetworkForm>): NetworkForm => ({ ...blank, ...changes });

describe('the network settings form', () => {
  it('saves nothing when nothing was changed', () => {
    expect(blank.proxyMode).toBe('system');
    expect(networkFromForm(blank)).toEqual({ problems: [] });
  });

  it('round-trips every setting, timeouts in seconds on screen and ms when saved', () => {
    const network = {
      proxy: { mode: 'manual' as const, url: 'http://proxy.corp.example:8080' },
      caFile: '/etc/ssl/company-root.pem',
      pinnedCertSha256: 'AB:'.repeat(31) + 'AB',
      timeouts: { connectMs: 2500, responseMs: 60_000 },
    };
    const shown = networkFormOf(network);
    expect(shown.connectSeconds).toBe('2.5');
    expect(shown.responseSeconds).toBe('60');
    const saved = networkFromForm(shown, network.pinnedCertSha256);
    expect(saved).toEqual({ network, problems: [] });
    expect(networkSettingsSchema.parse(saved.network)).toEqual(network);
  });

  it('keeps "no proxy", and leaves out the system proxy (the default)', () => {
    expect(networkFromForm(form({ proxyMode: 'none' })).network).toEqual({
      proxy: { mode: 'none' },
    });
    expect(networkFromForm(form({ proxyMode: 'system', proxyUrl: 'http://x:1' })).network).toBe(
      undefined,
    );
  });

  it.each([
    ['', 'Type the proxy address'],
    ['http://proxy host:8080', 'This is not an address'],
    ['socks5://proxy:1080', 'starts with http:// or https://'],
    ['http://me:secret@proxy:8080', 'Leave the password out'],
  ])('refuses the manual proxy %j', (proxyUrl, words) => {
    const answer = networkFromForm(form({ proxyMode: 'manual', proxyUrl }));
    expect(answer.network).toBeUndefined();
    expect(answer.problems).toEqual([
      { field: 'proxyUrl', message: expect.stringContaining(words) },
    ]);
  });

  it('refuses timeouts out of range, naming each field', () => {
    const answer = networkFromForm(form({ connectSeconds: '0', responseSeconds: 'soon' }));
    expect(answer.problems.map((problem) => problem.field)).toEqual([
      'connectSeconds',
      'responseSeconds',
    ]);
    expect(networkFromForm(form({ connectSeconds: '601' })).problems).toHaveLength(1);
    expect(networkFromForm(form({ responseSeconds: '3600' })).network).toEqual({
      timeouts: { responseMs: 3_600_000 },
    });
  });

  it('the check time limit: seconds on screen, 1 to 600, saved in ms the schema takes', () => {
    const saved = networkFromForm(form({ checkSeconds: '45' })).network;
    expect(saved).toEqual({ timeouts: { checkMs: 45_000 } });
    expect(networkSettingsSchema.parse(saved)).toEqual(saved);
    expect(networkFormOf(saved).checkSeconds).toBe('45');
    for (const bad of ['0.5', '601', 'soon'])
      expect(networkFromForm(form({ checkSeconds: bad })).problems).toEqual([
        { field: 'checkSeconds', message: 'Give a number of seconds from 1 to 600.' },
      ]);
  });
});
