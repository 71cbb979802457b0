import { createHmac, randomBytes } from 'node:crypto';
import md4 from 'js-md4';

/**
 * The three NTLM messages (MS-NLMP 2.2.1) a client needs to sign in to a proxy: Negotiate
 * (Type 1), the proxy's Challenge (Type 2) and Authenticate (Type 3). Responses are NTLMv2
 * only (MS-NLMP 3.3.2): LM and NTLMv1 are never computed, so nothing weaker can be cracked
 * from a captured handshake. No signing or sealing: a proxy sign-in needs neither.
 */

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
const UNICODE = 0x00000001;
const OEM = 0x00000002;
const REQUEST_TARGET = 0x00000004;
const NTLM = 0x00000200;
const ALWAYS_SIGN = 0x00008000;
const EXTENDED_SESSION_SECURITY = 0x00080000;
const TARGET_INFO = 0x00800000;
const KEY_128 = 0x20000000;
const KEY_56 = 0x80000000;
const NEGOTIATE_FLAGS =
  UNICODE |
  OEM |
  REQUEST_TARGET |
  NTLM |
  ALWAYS_SIGN |
  EXTENDED_SESSION_SECURITY |
  KEY_128 |
  KEY_56;

export interface NtlmChallenge {
  flags: number;
  serverChallenge: Buffer;
  /** The AV pairs (server, domain names, timestamp) the NTLMv2 response must carry. */
  targetInfo: Buffer;
}

export interface NtlmUser {
  username: string;
  /** The Windows domain (ACME of ACME\jdoe); empty for a UPN (jdoe@acme.com) or a bare name. */
  domain: string;
  password: string;
  workstation: string;
}

/** Test hooks: the spec's vectors fix the client challenge and the time. */
export interface NtlmNonce {
  clientChallenge?: Buffer;
  /** Windows FILETIME (100 ns since 1601), little-endian, 8 bytes. */
  timestamp?: Buffer;
}

/** Type 1: what we can do, no names (the proxy learns them from Type 3). */
export function negotiateMessage(): string {
  const message = Buffer.alloc(32);
  SIGNATURE.copy(message, 0);
  message.writeUInt32LE(1, 8);
  message.writeUInt32LE(NEGOTIATE_FLAGS >>> 0, 12);
  return message.toString('base64');
}

/** Type 2 from its base64 text; undefined when it is not one (a proxy answering nonsense). */
export function parseChallenge(base64: string): NtlmChallenge | undefined {
  const message = Buffer.from(base64, 'base64');
  if (message.length < 32 || !message.subarray(0, 8).equals(SIGNATURE)) return undefined;
  if (message.readUInt32LE(8) !== 2) return undefined;
  const flags = message.readUInt32LE(20);
  const serverChallenge = Buffer.from(message.subarray(24, 32));
  let targetInfo = Buffer.alloc(0);
  if (flags & TARGET_INFO && message.length >= 48) {
    const length = message.readUInt16LE(40);
    const offset = message.readUInt32LE(44);
    if (offset + length <= message.length)
      targetInfo = Buffer.from(message.subarray(offset, offset + length));
  }
  return { flags, serverChallenge, targetInfo };
}

const hmacMd5 = (key: Buffer, ...data: Buffer[]) =>
  createHmac('md5', key).update(Buffer.concat(data)).digest();

/** NTOWFv2: HMAC-MD5 of MD4(password) over UPPER(user) + domain, all UTF-16LE. */
export function ntowfV2(user: NtlmUser): Buffer {
  const ntHash = Buffer.from(md4.arrayBuffer(Buffer.from(user.password, 'utf16le')));
  return hmacMd5(ntHash, Buffer.from(user.username.toUpperCase() + user.domain, 'utf16le'));
}

/** The NTLMv2 and LMv2 responses to a challenge (MS-NLMP 3.3.2). */
export function ntlmV2Responses(
  challenge: NtlmChallenge,
  user: NtlmUser,
  nonce: NtlmNonce = {},
): { nt: Buffer; lm: Buffer } {
  const key = ntowfV2(user);
  const clientChallenge = nonce.clientChallenge ?? randomBytes(8);
  const timestamp = nonce.timestamp ?? fileTimeNow();
  const blob = Buffer.concat([
    Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]),
    timestamp,
    clientChallenge,
    Buffer.alloc(4),
    challenge.targetInfo,
    Buffer.alloc(4),
  ]);
  const proof = hmacMd5(key, challenge.serverChallenge, blob);
  const lm = Buffer.concat([
    hmacMd5(key, challenge.serverChallenge, clientChallenge),
    clientChallenge,
  ]);
  return { nt: Buffer.concat([proof, blob]), lm };
}

/** Type 3: the NTLMv2 answer with the user's names, in the proxy's chosen encoding. */
export function authenticateMessage(
  challenge: NtlmChallenge,
  user: NtlmUser,
  nonce: NtlmNonce = {},
): string {
  const { nt, lm } = ntlmV2Responses(challenge, user, nonce);
  const unicode = (challenge.flags & UNICODE) !== 0;
  const text = (value: string) => Buffer.from(value, unicode ? 'utf16le' : 'latin1');
  const fields = [lm, nt, text(user.domain), text(user.username), text(user.workstation)];
  const header = Buffer.alloc(64);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(3, 8);
  let offset = header.length;
  fields.forEach((field, index) => {
    const at = 12 + index * 8;
    header.writeUInt16LE(field.length, at);
    header.writeUInt16LE(field.length, at + 2);
    header.writeUInt32LE(offset, at + 4);
    offset += field.length;
  });
  // No session key (field 6 stays empty, its offset at the end).
  header.writeUInt32LE(offset, 56);
  const flags = (NEGOTIATE_FLAGS & ~(unicode ? OEM : UNICODE)) | (challenge.flags & TARGET_INFO);
  header.writeUInt32LE(flags >>> 0, 60);
  return Buffer.concat([header, ...fields]).toString('base64');
}

function fileTimeNow(): Buffer {
  const time = Buffer.alloc(8);
  time.writeBigUInt64LE((BigInt(Date.now()) + 11644473600000n) * 10000n);
  return time;
}
