import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authenticateMessage,
  negotiateMessage,
  ntlmV2Responses,
  ntowfV2,
  parseChallenge,
} from '../../../../../src/main/core/transport/proxy/ntlm-messages';
import { ntlmUser } from '../../../../../src/main/core/transport/proxy/ntlm-user';

// MS-NLMP 4.2.4 (NTLMv2 Authentication): the specification's own example values.
const user = { username: 'User', domain: 'Domain', password: 'Password', workstation: 'COMPUTER' };
const nonce = { clientChallenge: Buffer.alloc(8, 0xaa), timestamp: Buffer.alloc(8) };
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');
// 4.2.4.3 CHALLENGE_MESSAGE
const challengeMessage = hex(`
  4e544c4d53535000 02000000 0c000c0038000000 33828ae2 0123456789abcdef 0000000000000000
  2400240044000000 060070170000000f
  53006500720076006500720002000c0044006f006d00610069006e0001000c005300650072007600650072000000
  0000`);

function fields(base64: string) {
  const message = Buffer.from(base64, 'base64');
  const field = (index: number) => {
    const at = 12 + index * 8;
    const length = message.readUInt16LE(at);
    const offset = message.readUInt32LE(at + 4);
    return message.subarray(offset, offset + length);
  };
  return {
    signature: message.subarray(0, 8).toString('latin1'),
    type: message.readUInt32LE(8),
    lm: field(0),
    nt: field(1),
    domain: field(2).toString('utf16le'),
    user: field(3).toString('utf16le'),
    workstation: field(4).toString('utf16le'),
    flags: message.readUInt32LE(60),
    bytes: message,
  };
}

describe('NTLM messages (MS-NLMP 4.2.4 vectors)', () => {
  it('reads the Challenge message: flags, server challenge, target info', () => {
    const challenge = parseChallenge(challengeMessage.toString('base64'));
    expect(challenge?.flags).toBe(0xe28a8233);
    expect(challenge?.serverChallenge).toEqual(hex('0123456789abcdef'));
    expect(challenge?.targetInfo).toEqual(challengeMessage.subarray(0x44, 0x44 + 0x24));
    expect(parseChallenge(Buffer.from('not ntlm at all, no').toString('base64'))).toBeUndefined();
    expect(parseChallenge(negotiateMessage())).toBeUndefined();
  });

  it('NTOWFv2, the LMv2 and NTLMv2 responses and the session key are the spec’s', () => {
    expect(ntowfV2(user)).toEqual(hex('0c868a403bfd7a93a3001ef22ef02e3f'));
    const challenge = parseChallenge(challengeMessage.toString('base64'));
    if (!challenge) throw new Error('challenge not parsed');
    const { nt, lm } = ntlmV2Responses(challenge, user, nonce);
    expect(lm).toEqual(hex('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa'));
    const proof = nt.subarray(0, 16);
    expect(proof).toEqual(hex('68cd0ab851e51c96aabc927bebef6a1c'));
    // 4.2.4.1.3: SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr), proving the whole blob.
    const sessionBaseKey = createHmac('md5', ntowfV2(user)).update(proof).digest();
    expect(sessionBaseKey).toEqual(hex('8de40ccadbc14a82f15cb0ad0de95ca3'));
  });

  it('the Authenticate message carries NTLMv2 only, the names, and never the password', () => {
    const challenge = parseChallenge(challengeMessage.toString('base64'));
    if (!challenge) throw new Error('challenge not parsed');
    const message = authenticateMessage(challenge, user, nonce);
    const read = fields(message);
    expect(read).toMatchObject({
      signature: 'NTLMSSP\0',
      type: 3,
      domain: 'Domain',
      user: 'User',
      workstation: 'COMPUTER',
    });
    // NTLMv1 answers are 24 bytes; NTLMv2's is the proof, then the blob with the target info.
    expect(read.nt.length).toBeGreaterThan(24);
    expect(read.nt.subarray(0, 16)).toEqual(hex('68cd0ab851e51c96aabc927bebef6a1c'));
    expect(read.lm).toEqual(hex('86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa'));
    expect(read.flags & 0x00080000).toBeTruthy(); // extended session security
    for (const form of ['Password', Buffer.from('Password', 'utf16le').toString('latin1')])
      expect(read.bytes.toString('latin1')).not.toContain(form);
  });

  it('a fresh client challenge each time (crypto random), the time now', () => {
    const challenge = parseChallenge(challengeMessage.toString('base64'));
    if (!challenge) throw new Error('challenge not parsed');
    const a = fields(authenticateMessage(challenge, user)).nt;
    const b = fields(authenticateMessage(challenge, user)).nt;
    expect(a.subarray(32, 40)).not.toEqual(b.subarray(32, 40));
    const filetime = a.readBigUInt64LE(24);
    const ms = Number(filetime / 10000n - 11644473600000n);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
  });

  it('a Negotiate message names nothing and asks for NTLM with extended session security', () => {
    const message = Buffer.from(negotiateMessage(), 'base64');
    expect(message.subarray(0, 8).toString('latin1')).toBe('NTLMSSP\0');
    expect(message.readUInt32LE(8)).toBe(1);
    expect(message.readUInt32LE(12) & 0x00080200).toBe(0x00080200);
    expect(message.length).toBe(32);
  });
});

describe('the NTLM user in a proxy URL', () => {
  it('splits DOMAIN\\user; a bare name or a UPN has no domain', () => {
    expect(ntlmUser('ACME\\jdoe', 'pw')).toMatchObject({ username: 'jdoe', domain: 'ACME' });
    expect(ntlmUser('jdoe', 'pw')).toMatchObject({ username: 'jdoe', domain: '' });
    expect(ntlmUser('jdoe@acme.com', 'pw')).toMatchObject({
      username: 'jdoe@acme.com',
      domain: '',
    });
  });
});
