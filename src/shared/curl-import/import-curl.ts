import { httpMethods, type HttpMethod } from '../http-protocol/http-method';
import { encodeQueryComponent } from '../requests/build-request-url';
import { parseQuery, parseRequestTarget } from '../requests/parse-request-target';
import {
  isCredentialHeader,
  requestSpecSchema,
  type RequestRow,
  type RequestSpec,
} from '../requests/request-spec';
import { bashWords } from './bash-words';
import { cmdWords } from './cmd-words';
import { powershellWords } from './powershell-words';
import { detectShellStyle, type ShellStyle, type ShellWords } from './shell-words';
import { splitUrl, type ImportedBase } from './split-url';

export type CurlImport =
  | {
      ok: true;
      /** What the composer is filled with: never a credential. */
      spec: RequestSpec;
      base: ImportedBase;
      /** A key found in the command, to offer to the keychain; it is not in `spec`. */
      foundKey?: { value: string };
      /** What was understood and handled differently, in plain words. */
      notes: string[];
      /** What was left out or cannot be done the same way, in plain words. */
      warnings: string[];
      shell: ShellStyle;
    }
  | { ok: false; reason: string };

// Short options that take a value; -XPOST and -X POST both work.
const shortWithValue = new Set('XHdubAeoFTxwmcKErCyYzQ'.split(''));
const longWithValue = new Set([
  '--request',
  '--header',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
  '--url',
  '--user',
  '--oauth2-bearer',
  '--cookie',
  '--user-agent',
  '--referer',
  '--output',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--proxy',
  '--cacert',
  '--cert',
  '--key',
  '--form',
  '--upload-file',
  '--write-out',
  '--config',
  '--resolve',
  '--connect-to',
  '--proxy-user',
  '--cookie-jar',
  '--range',
  '--max-redirs',
  '--retry-delay',
]);
const shortNames: Record<string, string> = {
  X: '--request',
  H: '--header',
  d: '--data',
  u: '--user',
  b: '--cookie',
  A: '--user-agent',
  e: '--referer',
  o: '--output',
  F: '--form',
  T: '--upload-file',
  x: '--proxy',
  G: '--get',
  k: '--insecure',
  s: '--silent',
  S: '--show-error',
  L: '--location',
  i: '--include',
  v: '--verbose',
  f: '--fail',
  I: '--head',
  m: '--max-time',
  w: '--write-out',
  K: '--config',
};
// Options that change nothing Veza Desk needs to copy.
const harmless = new Set([
  '--silent',
  '--show-error',
  '--compressed',
  '--location',
  '--include',
  '--verbose',
  '--fail',
  '--fail-with-body',
  '--no-progress-meter',
  '--progress-bar',
  '--http1.1',
  '--http2',
  '--output',
  '--max-time',
  '--connect-timeout',
  '--retry',
  '--retry-delay',
  '--write-out',
  '--max-redirs',
  '--globoff',
  '--user-agent',
  '--referer',
  '--no-buffer',
]);

const tokenVariables = /^(?:\$\{?\w+\}?|%\w+%|\$env:\w+)$/i;
// <token>, your_api_key_here, API_KEY, ...: documentation's stand-ins, not keys.
const isPlaceholderKey = (text: string) =>
  /^<.*>$|your|^\.{3}$/i.test(text) || /^[A-Z_]+$/.test(text);

interface Option {
  name: string;
  value?: string;
}

/** Turns words into options and addresses, expanding -sSL and -XPOST. */
function readOptions(words: readonly string[]): { options: Option[]; urls: string[] } {
  const options: Option[] = [];
  const urls: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (word.startsWith('--')) {
      options.push(longWithValue.has(word) ? { name: word, value: words[++i] } : { name: word });
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j += 1) {
        const letter = word[j] ?? '';
        const name = shortNames[letter] ?? `-${letter}`;
        if (shortWithValue.has(letter)) {
          const attached = word.slice(j + 1);
          options.push({ name, value: attached || words[++i] });
          break;
        }
        options.push({ name });
      }
    } else {
      urls.push(word);
    }
  }
  return { options, urls };
}

const splitters: Record<ShellStyle, (text: string) => ShellWords> = {
  bash: bashWords,
  cmd: cmdWords,
  powershell: powershellWords,
};

/**
 * Reads a pasted curl command (bash/zsh, Windows cmd or PowerShell) into a request for the
 * composer. Nothing is run or sent. A key in it is answered apart, never put in the request.
 */
export function importCurl(text: string, shell: ShellStyle = detectShellStyle(text)): CurlImport {
  const split = splitters[shell](text.trim());
  const [command, ...rest] = split.words;
  if (!command || !/^curl(\.exe)?$/i.test(command.replace(/^.*[\\/]/, ''))) {
    return { ok: false, reason: 'This is not a curl command: it should start with the word curl.' };
  }
  const notes: string[] = [];
  const warnings: string[] = [];
  let foundKey: string | undefined;
  for (const what of new Set(split.ignored)) {
    warnings.push(`Only the curl command itself was read; ${what} was left out.`);
  }

  const { options, urls } = readOptions(rest);
  let method: string | undefined;
  let getMode = false;
  let headMode = false;
  const data: string[] = [];
  const headers: RequestRow[] = [];
  const addHeader = (name: string, value: string) => {
    if (!headers.some((row) => row.name.toLowerCase() === name.toLowerCase())) {
      headers.push({ name, value, enabled: true });
    }
  };
  const takeAuthorization = (value: string) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(value.trim());
    const credential = bearer?.[1]?.trim();
    if (!credential) {
      warnings.push(
        'The command signs in with something other than an API key (Authorization header); Veza Desk always uses the key saved for the instance, so it was left out.',
      );
    } else if (tokenVariables.test(credential)) {
      notes.push(
        'The command reads the API key from an environment variable; Veza Desk uses the key saved for the instance instead.',
      );
    } else if (isPlaceholderKey(credential)) {
      notes.push(
        'The command has a placeholder where the API key goes; Veza Desk uses the key saved for the instance.',
      );
    } else {
      foundKey = credential;
    }
  };

  for (const option of options) {
    const value = option.value ?? '';
    switch (option.name) {
      case '--request':
        method = value.toUpperCase();
        break;
      case '--header': {
        const colon = value.indexOf(':');
        const name = (colon < 0 ? value.replace(/;$/, '') : value.slice(0, colon)).trim();
        const headerValue = colon < 0 ? '' : value.slice(colon + 1).trim();
        if (!name || (colon >= 0 && headerValue === '')) break;
        if (name.toLowerCase() === 'authorization') takeAuthorization(headerValue);
        else if (isCredentialHeader(name))
          warnings.push(
            `The ${name} header was left out: Veza Desk never keeps sign-in data in a request.`,
          );
        else headers.push({ name, value: headerValue, enabled: true });
        break;
      }
      case '--oauth2-bearer':
        takeAuthorization(`Bearer ${value}`);
        break;
      case '--data':
      case '--data-ascii':
      case '--data-binary':
        if (value.startsWith('@')) {
          warnings.push(
            `The body is read from a file (${value}); paste the file's content into the body instead.`,
          );
        } else {
          data.push(value);
        }
        break;
      case '--data-raw':
        data.push(value);
        break;
      case '--data-urlencode': {
        const equals = value.indexOf('=');
        data.push(
          equals < 0
            ? encodeQueryComponent(value)
            : `${value.slice(0, equals)}=${encodeQueryComponent(value.slice(equals + 1))}`,
        );
        break;
      }
      case '--json':
        data.push(value);
        addHeader('Content-Type', 'application/json');
        addHeader('Accept', 'application/json');
        break;
      case '--get':
        getMode = true;
        break;
      case '--head':
        headMode = true;
        break;
      case '--url':
        urls.unshift(value);
        break;
      case '--user':
        warnings.push(
          'The command signs in with a user name and password (-u); Veza uses API keys, so it was left out.',
        );
        break;
      case '--cookie':
        warnings.push(
          'The cookies (-b) were left out: Veza Desk never keeps sign-in data in a request.',
        );
        break;
      case '--insecure':
        warnings.push(
          'The command turns certificate checks off (-k). Certificate checks are never turned off in Veza Desk: if the instance\'s certificate is not trusted, "Verify" explains what to do.',
        );
        break;
      case '--proxy':
        notes.push('The command names a proxy; Veza Desk uses the proxy set for the instance.');
        break;
      case '--form':
      case '--upload-file':
      case '--config':
        warnings.push(`The option ${option.name} is not supported and was left out.`);
        break;
      default:
        if (!harmless.has(option.name)) notes.push(`The option ${option.name} was ignored.`);
    }
  }

  const url = urls[0];
  if (!url) return { ok: false, reason: 'The curl command has no address to send the request to.' };
  if (urls.length > 1) warnings.push('The command has several addresses; only the first was read.');
  const { base, target, userInfoDropped } = splitUrl(url, split.variables);
  if (userInfoDropped) {
    warnings.push('A user name or password in the address was left out: Veza uses API keys.');
  }
  if (base.kind === 'variable') {
    notes.push(
      `The address comes from the variable ${base.name}; the request goes to the instance you choose.`,
    );
  }

  const { path, query } = parseRequestTarget(target || '/');
  const joined = data.length ? data.join('&') : undefined;
  if (getMode && joined !== undefined) query.push(...parseQuery(joined));
  const resolvedMethod =
    method ?? (headMode ? 'HEAD' : getMode || joined === undefined ? 'GET' : 'POST');
  if (!httpMethods.includes(resolvedMethod as HttpMethod)) {
    return {
      ok: false,
      reason: `The command uses the method ${resolvedMethod}; the Veza API uses only ${httpMethods.join(', ')}.`,
    };
  }
  const parsed = requestSpecSchema.safeParse({
    method: resolvedMethod,
    path,
    query,
    headers,
    ...(!getMode && joined !== undefined ? { body: joined } : {}),
  });
  if (!parsed.success) {
    return {
      ok: false,
      reason: parsed.error.issues[0]?.message ?? 'The command could not be read.',
    };
  }
  return {
    ok: true,
    spec: parsed.data,
    base,
    ...(foundKey ? { foundKey: { value: foundKey } } : {}),
    notes,
    warnings,
    shell,
  };
}
