import type { Socket } from 'node:net';
import { codedError } from '../connect/connect-failure';
import { authenticateMessage, negotiateMessage, parseChallenge } from './ntlm-messages';
import { ntlmUser } from './ntlm-user';
import { readProxyAnswer, type ProxyAnswer } from './read-proxy-answer';

export { parseProxyHead } from './read-proxy-answer';

/** The proxy user, when the proxy URL names one (password from the keychain or the URL). */
export interface TunnelSignIn {
  username: string;
  password: string;
  /** The Basic value, sent as is when the proxy asks for Basic. */
  basic: string;
}

/**
 * What a connector remembers of its proxy between connections: the scheme it asked for, so
 * only the first connection spends a round trip finding out.
 */
export interface ProxySchemeMemory {
  scheme?: 'basic' | 'ntlm';
}

export interface TunnelOptions {
  signIn?: TunnelSignIn;
  memory?: ProxySchemeMemory;
  /** A fresh connection to the proxy, for when it closed the one it refused on. */
  reconnect?: () => Promise<Socket>;
}

const offers = (answer: ProxyAnswer, scheme: string) =>
  answer.response.authenticate.some((value) => value.split(/\s+/)[0]?.toLowerCase() === scheme);

/**
 * Asks an HTTP proxy for a tunnel (CONNECT host:port) and resolves with the socket carrying it
 * when the proxy answers 2xx; otherwise rejects with the proxy's last answer attached, so the
 * classifier can tell "sign in" (407) from "refused" (403, 502...).
 *
 * With a user, the first connection asks without credentials and signs in with what the
 * proxy offers: NTLM when it offers it (the password never goes in clear), else Basic. NTLM
 * signs in the connection itself, so its three steps run on one socket.
 */
export async function openTunnel(
  first: Socket,
  authority: string,
  options: TunnelOptions = {},
): Promise<Socket> {
  const { signIn, memory = {} } = options;
  let socket = first;
  let used = false;
  const send = (authorization: string | undefined) => {
    const auth = authorization ? `Proxy-Authorization: ${authorization}\r\n` : '';
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth}\r\n`);
    return readProxyAnswer(socket);
  };
  // A proxy may close a connection it said it kept (its FIN still on the way): a request that
  // opens a sign-in is asked again once on a new connection. Not NTLM's Type 3: its challenge
  // belongs to the connection that was lost.
  const ask = async (authorization: string | undefined, retry = true) => {
    const reused = used;
    used = true;
    try {
      return await send(authorization);
    } catch (error) {
      if (!reused || !retry || !options.reconnect) throw error;
      socket.destroy();
      socket = await options.reconnect();
      return send(authorization);
    }
  };
  const opened = (answer: ProxyAnswer) =>
    answer.response.status >= 200 && answer.response.status < 300;
  const again = async (answer: ProxyAnswer) => {
    if (answer.keepAlive) return;
    if (!options.reconnect) throw refused(answer);
    socket.destroy();
    socket = await options.reconnect();
    used = false;
  };

  if (!signIn) {
    const answer = await ask(undefined);
    if (opened(answer)) return socket;
    throw refused(answer);
  }
  // No saved password: NTLM is not tried (an empty password is no Windows sign-in).
  const ntlm = signIn.password !== '';
  let answer: ProxyAnswer | undefined;
  if (memory.scheme === 'basic' || !ntlm) {
    answer = await ask(signIn.basic);
    if (opened(answer)) return socket;
    if (!ntlm || answer.response.status !== 407 || !offers(answer, 'ntlm')) throw refused(answer);
  } else if (memory.scheme !== 'ntlm') {
    answer = await ask(undefined);
    if (opened(answer)) return socket;
    if (answer.response.status !== 407) throw refused(answer);
    if (!offers(answer, 'ntlm')) {
      if (!offers(answer, 'basic')) throw refused(answer);
      await again(answer);
      memory.scheme = 'basic';
      answer = await ask(signIn.basic);
      if (opened(answer)) return socket;
      throw refused(answer);
    }
  }
  if (answer) await again(answer);
  memory.scheme = 'ntlm';
  const negotiated = await ask(`NTLM ${negotiateMessage()}`);
  if (opened(negotiated)) return socket;
  const challenge = challengeIn(negotiated);
  if (!challenge) {
    // The proxy no longer does NTLM: the next connection finds out again.
    memory.scheme = undefined;
    throw refused(negotiated);
  }
  // The answer must come on the same connection: NTLM signs in the connection, not requests.
  if (!negotiated.keepAlive) throw refused(negotiated);
  const user = ntlmUser(signIn.username, signIn.password);
  const final = await ask(`NTLM ${authenticateMessage(challenge, user)}`, false);
  if (opened(final)) return socket;
  throw refused(final);
}

function challengeIn(answer: ProxyAnswer) {
  if (answer.response.status !== 407) return undefined;
  const value = answer.response.authenticate.find((entry) => /^NTLM\s+\S/i.test(entry));
  return value ? parseChallenge(value.split(/\s+/)[1] ?? '') : undefined;
}

function refused(answer: ProxyAnswer): Error {
  const { response } = answer;
  return Object.assign(
    codedError('VEZA_PROXY_STATUS', `The proxy answered CONNECT with ${response.status}.`),
    { proxyResponse: response },
  );
}
