import { describe, expect, it } from 'vitest';
import { attemptsInWords } from '../../../../../src/main/core/transport/connect/attempts-in-words';
import { resolveAddresses } from '../../../../../src/main/core/transport/connect/dial';
import { isPrivateAddress } from '../../../../../src/main/core/transport/connect/private-address';
import { mappedLookup } from '../../../../support/network/lookups';

describe('resolveAddresses', () => {
  it('takes IPv6 and IPv4 in turns, starting with the kind the resolver put first', async () => {
    const lookup = mappedLookup({
      'veza.test': ['2001:db8::1', '2001:db8::2', '192.0.2.1', '192.0.2.2'],
    });
    expect((await resolveAddresses(lookup, 'veza.test')).map((a) => a.address)).toEqual([
      '2001:db8::1',
      '192.0.2.1',
      '2001:db8::2',
      '192.0.2.2',
    ]);
  });

  it('keeps at most four addresses, and skips the resolver for an IP address', async () => {
    const many = Array.from({ length: 9 }, (_, i) => `192.0.2.${i + 1}`);
    const lookup = mappedLookup({ 'veza.test': many });
    expect(await resolveAddresses(lookup, 'veza.test')).toHaveLength(4);
    expect(await resolveAddresses(lookup, '::1')).toEqual([{ address: '::1', family: 6 }]);
    expect(lookup.asked).toEqual(['veza.test']);
  });

  it('an empty answer is a name with no address (ENODATA), not a crash', async () => {
    await expect(resolveAddresses(mappedLookup({ 'veza.test': [] }), 'veza.test')).rejects.toThrow(
      /ENODATA/,
    );
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.10', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['fd12:3456::1', true],
    ['127.0.0.1', false],
    ['::1', false],
    ['192.0.2.1', false],
    ['veza.test', false],
  ])('%s: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('attemptsInWords', () => {
  it('says nothing for one address: the problem already names the server', () => {
    expect(attemptsInWords([{ address: '192.0.2.1', family: 4, error: 'ETIMEDOUT' }])).toBe(
      undefined,
    );
  });

  it('names each address, its kind and how it failed; one still being tried did not answer', () => {
    expect(
      attemptsInWords([
        { address: '2001:db8::1', family: 6, error: 'ENETUNREACH' },
        { address: '192.0.2.1', family: 4, error: 'ECONNREFUSED' },
        { address: '192.0.2.2', family: 4 },
      ]),
    ).toBe(
      "It tried all 3 of the name's addresses: 2001:db8::1 (IPv6) could not be reached from this network; 192.0.2.1 (IPv4) refused the connection; 192.0.2.2 (IPv4) did not answer.",
    );
  });
});
