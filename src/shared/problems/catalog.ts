import type { ProblemCode } from './problem-codes';
import { historyBodyBudgetBytes } from '../requests/request-records';

/**
 * The words a user sees for every problem code. Written for Veza admins who are not developers:
 * plain language, a few explaining words for any technical term, and fix steps in order.
 *
 * Placeholders such as {host} are filled by makeProblem() from `detail.facts`. Only these fact
 * names are used: host, url, proxy, issuer, subject, validFrom, validTo, seconds, status, limit,
 * scheme, file, where, pages, items, size, count, leftOut.
 *
 * Rules kept here on purpose:
 * - Never advise switching certificate checking off. TLS fixes are: check the address, add the
 *   company's root certificate as the instance's CA file, check the clock, or (lab instances
 *   only) trust one certificate after comparing its fingerprint with the server owner.
 * - Veza's two documented key error texts are quoted verbatim (their labels look swapped
 *   against their descriptions; we quote them as written and explain them in plain words).
 * - Avoid a space before . , ; : in the texts: the formatter removes such spaces (so a file
 *   ending is written in quotes, as in ".pem").
 * - Short sentences and common words: test/unit/shared/problems/readability.test.ts holds every
 *   title to 60 characters and every text to Flesch-Kincaid grade 9 (median 8) or below.
 */
export interface CatalogEntry {
  /** One line, plain words, e.g. "The server's certificate is out of date (expired)". */
  title: string;
  /** 1-3 sentences for an admin who is not a developer. May contain {placeholders}. */
  explanation: string;
  /** Numbered fix steps in order (the UI numbers them; do not put numbers in the text). May contain {placeholders}. */
  fix: string[];
}

const VEZA_NOT_BASE64 = '"Invalid API key: API key is not the correct format (not base64 encoded)"';
const VEZA_BAD_CHARS =
  '"Malformed API key: Typically due to a copy and paste error (correct format but invalid characters)"';

const CA_FILE_STEP =
  'In Veza Desk, press Edit on this instance and open Network settings. Press Choose CA file… and pick the root certificate file from IT. Then press Save changes and verify the instance again.';
// The controls these steps name exist in the window: the instance's Edit button, the form's
// "Network settings" section, Replace key, Verify, Trust this certificate.
/** The keychain step for each OS; main names this computer's in the fact `keychainStep`. */
export const keychainSteps = {
  win32:
    'The key is kept in Windows Credential Manager. Make sure you are signed in to Windows with your normal user account, not a temporary or restricted one, then restart Veza Desk.',
  darwin:
    'Open the Keychain Access app and make sure your login keychain is unlocked. Then restart Veza Desk. If macOS asks if Veza Desk may use the keychain, choose Allow.',
  linux:
    'A Secret Service (a password store such as GNOME Keyring or KWallet) must be installed, running and unlocked. That most often happens when you sign in to the desktop. Install or unlock one, then restart Veza Desk.',
} as const;

const PROXY_SETTINGS = 'Edit > Network settings > Proxy address';
const NEW_PERSONAL_KEY = 'Administration > API Keys > Personal > Add New Personal API Key';
const NEW_TEAM_KEY = 'Administration > API Keys > Team > Add New Team API Key';
const VPN =
  'Does your company use a VPN (the app that links your computer to the company network)? If so, make sure it is connected.';
// Filled only when the proxy came from an environment variable, which people forget they set.
const PROXY_VARIABLE_STEP =
  '{?variable} {variable} is a setting on this computer (an environment variable). It names a proxy for all programs. If your company no longer uses that proxy, ask IT to remove {variable}. Or choose "Connect directly, no proxy" under Edit > Network settings for this instance.';
const REPORT_STEP =
  'If it happens again, tell the person who looks after Veza Desk at your company. Send them the technical details shown below (they hold no API key).';
// Said of the proxy in each proxy problem, so a reader knows what a proxy is.
const PROXY_IS = 'A proxy is the server your company uses to reach the internet.';
const SAME_PROXY = `Does your company use a proxy (the server it uses to get to the internet)? Then set it in ${PROXY_SETTINGS}.`;
const KEEP_THE_START =
  'Keep only the start of it, for example https://yourcompany.vezacloud.com. Paste that as the address of this instance, and save.';
const COPY_AGAIN =
  'Copy the key again, right from where you saved it when it was made. Do not pass it through a word processor or an email, as they can change characters.';

const CHECK_AGAIN = 'Help > Check for updates…';

/**
 * The update check (Help > Check for updates…) meets the network's problems too, under the
 * same codes. Their own steps name an instance's network settings, which the check does not
 * use: it goes through this computer's proxy and trust. These steps take their place
 * (src/main/core/updates/update-problem.ts), by the kind of problem.
 */
export const updateCheckSteps = {
  proxy: [
    "Veza Desk checks for updates through this computer's proxy, not the proxy set for an instance. Ask IT if the proxy in this computer's network settings is right.",
    '{?variable} {variable} is a setting on this computer (an environment variable). It names a proxy for all programs. If your company no longer uses that proxy, ask IT to remove {variable}.',
    `Then choose ${CHECK_AGAIN} again.`,
  ],
  trust: [
    "Check that this computer's date, time and time zone are correct.",
    "Does your company check secure traffic? Then ask IT to add the company's root certificate (its master certificate) to this computer's certificate store. Then restart Veza Desk.",
    'Or IT can set NODE_EXTRA_CA_CERTS on this computer to that file. It is a setting that tells apps which extra certificates to trust.',
    'If IT does not know who issued the certificate, do not go on. Someone may be in the middle of the connection.',
  ],
  network: [
    'Check that this computer is on the internet. For example, open a website in your browser.',
    "Does your company use a proxy (the server it uses to reach the internet)? Veza Desk checks for updates through this computer's proxy, not the proxy set for an instance. Ask IT to set the proxy on this computer.",
    `Then choose ${CHECK_AGAIN} again.`,
  ],
  other: [`Wait a few minutes, then choose ${CHECK_AGAIN} again.`, REPORT_STEP],
} as const;

/**
 * For the few network problems whose own title or explanation speaks of an instance: the words
 * the update check shows instead (same code, same facts).
 */
export const updateCheckTexts: Partial<
  Record<ProblemCode, { title?: string; explanation: string }>
> = {
  PROXY_UNREACHABLE: {
    explanation: `The check for updates goes through a proxy ({proxy}, {proxySource}). ${PROXY_IS} Veza Desk could not connect to that proxy.`,
  },
  PROXY_REFUSED: {
    title: 'The proxy server would not let Veza Desk reach GitHub',
    explanation: `The proxy ({proxy}, {proxySource}) was reached. But it would not pass the link on to GitHub ({host}), where new versions of Veza Desk are published. ${PROXY_IS} Your company may block this address.`,
  },
  TLS_PROXY_INSPECTION: {
    explanation:
      "The check for updates goes through a proxy ({proxy}, {proxySource}). The certificate (the digital ID card) that came back is not GitHub's own. It was issued by {issuer}, which this computer does not trust. So the proxy opens secure links to check what passes (TLS inspection), as many companies do.",
  },
  TLS_SELF_SIGNED: {
    explanation:
      "A certificate is the server's digital ID card. The one that came back for GitHub ({host}) was made by the server itself ({subject}). GitHub never does that. So something may be in the middle of the link, such as a company security product that checks secure traffic.",
  },
  HTTP_TIMEOUT: {
    explanation:
      'The connection to GitHub ({host}) was made, but its answer did not arrive in time. The network may be slow. Or a proxy or firewall may hold the answer back.',
  },
  DNS_NOT_FOUND: {
    title: "GitHub's server name could not be found",
    explanation:
      "This computer cannot find the server name ({host}) in DNS (the internet's address book). Most of the time, this computer is not on the internet right now. Or the company network does not let it look up outside names.",
  },
  NETWORK_SIGN_IN: {
    explanation:
      'The server that answered at {host} showed a certificate (its digital ID card) made out for {subject}. That name has nothing to do with GitHub. Hotel, airport and guest Wi-Fi networks do this until you sign in to them, or accept their terms in a web browser.',
  },
  TLS_DEBUG_PROXY: {
    explanation:
      'The certificate (the digital ID card) that came back was issued by {issuer}. It belongs to {tool}, a program that developers use to watch and change web traffic. It sits between Veza Desk and GitHub ({host}). It can read all that is sent. So Veza Desk stops here.',
  },
  CA_FILE_INVALID: {
    title: 'The extra certificate file on this computer cannot be used',
    explanation:
      "NODE_EXTRA_CA_CERTS, a setting on this computer, names a file of extra certificates to trust ({file}). Most often it holds your company's root certificate. The file cannot be used. It could not be read in time. Or it is not a plain file of at most 1 MB. Or it does not hold a certificate in the form it should (PEM text that starts with -----BEGIN CERTIFICATE-----).",
  },
  HTTP_TOO_MANY_REDIRECTS: {
    explanation:
      'The check was sent to another address again and again. No answer ever came from GitHub ({host}). A network sign-in page or a wrong proxy setting often does this.',
  },
  COMPANY_NETWORK_ONLY: {
    title: "GitHub's name leads to an address inside a company",
    explanation:
      "The name {host} leads to {address}. That is a private address: it works only inside a company network. No answer came back. The network this computer is on may send GitHub's name to a server of its own.",
  },
};

export const problemCatalog: { readonly [C in ProblemCode]: CatalogEntry } = {
  // ---------------------------------------------------------------- The address of the instance
  URL_MISSING: {
    title: 'No instance address was entered',
    explanation:
      'Veza Desk needs the web address of your Veza instance to connect to it. It looks like https://yourcompany.vezacloud.com.',
    fix: [
      'Sign in to Veza in your web browser and look at the address bar.',
      'Copy the start of the address, up to and with the server name. For example: https://yourcompany.vezacloud.com.',
      'Paste it into the Address field of this instance and save.',
    ],
  },
  URL_INVALID: {
    title: 'The instance address is not a valid web address',
    explanation:
      'The address you typed ({url}) cannot be read as a web address. It may have a typing mistake or spaces in it. Or extra text was copied along with it.',
    fix: [
      'Check the address for typing mistakes, spaces and stray characters.',
      'Make sure it looks like https://yourcompany.vezacloud.com. There must be no spaces in it at all.',
      'If in doubt, sign in to Veza in your web browser and copy the address from the address bar instead of typing it.',
    ],
  },
  URL_NOT_HTTPS: {
    title: 'The instance address does not start with https://',
    explanation:
      'Veza Desk only connects to Veza over a secure link (an address that starts with https://). That way your API key is never sent in a form others can read. Veza instances always offer https.',
    fix: [
      'Change the start of the address from http:// to https://.',
      'Save and verify the instance again.',
      "If the address you were given only works with http://, ask the person who gave it to you for the instance's https address.",
    ],
  },
  URL_HAS_PATH: {
    title: 'The instance address has more than the server name',
    explanation:
      'The address ({url}) goes on after the server name. For example, it ends with /app or /api/v1. Veza Desk needs only the server part of the address. It adds the rest itself.',
    fix: [
      'Remove all that comes after the server name. The address should then look like https://yourcompany.vezacloud.com.',
      'Save and verify the instance again.',
    ],
  },

  URL_HAS_CREDENTIALS: {
    title: 'The instance address contains a user name or password',
    explanation:
      'The address has a user name or password written into it (the part before an @ sign). Veza Desk never keeps sign-in details in an address. Addresses are shown on screen and copied into exports. Veza itself only needs the server name and an API key.',
    fix: [
      'Remove all that is between https:// and the @ sign, and the @ sign too. Then the address looks like https://yourcompany.vezacloud.com.',
      'If that part held a password, take it that others have seen it, and change it.',
      'Save again.',
    ],
  },
  URL_UNSUPPORTED_SCHEME: {
    title: 'The instance address is not a web address',
    explanation:
      'The address starts with "{scheme}", which is not a web address. A Veza instance is always reached with an address that starts with https://.',
    fix: [
      'Sign in to Veza in your web browser and look at the address bar.',
      'Copy the start of the address, as in https://yourcompany.vezacloud.com. Then paste it into the Address field.',
      'Save again.',
    ],
  },

  // ---------------------------------------------------------------- The key as typed or pasted
  KEY_MISSING: {
    title: 'No API key was entered',
    explanation:
      'Veza Desk needs an API key to act for you on this instance. A key is a long secret text that Veza makes for you. None was entered or saved for this instance.',
    fix: [
      'If you already have a key for this instance, press Replace key (or Add key) on the instance and paste it there.',
      `If you do not have one, sign in to Veza. Open ${NEW_PERSONAL_KEY}. Give the key a name and click Save.`,
      'Copy the key value at once (Veza shows it only once) and paste it into Veza Desk.',
    ],
  },
  KEY_WHITESPACE: {
    title: 'The API key contains spaces or line breaks',
    explanation:
      'An API key is one unbroken piece of text. Spaces, tabs or line breaks usually get in when a key is copied from an email, a chat message or a document that wrapped it over several lines.',
    fix: [
      'Delete the key from the API key field.',
      'Copy the key again from where you saved it when it was created, taking care to copy only the key.',
      'Paste it and remove any spaces or line breaks that are left, making sure no part of the key is lost.',
      'Save and verify the instance again.',
    ],
  },
  KEY_BEARER_PREFIX: {
    title: 'The API key starts with the word "Bearer"',
    explanation:
      'The word "Bearer" is something Veza Desk adds on its own when it sends the key to Veza. If it is also part of the pasted key, Veza receives it twice and refuses the key.',
    fix: [
      'Delete the word "Bearer" and the space after it from the start of the API key field.',
      'Keep only the key itself and save.',
    ],
  },
  KEY_QUOTED: {
    title: 'The API key is wrapped in quotation marks',
    explanation:
      'The pasted key starts and ends with quotation marks, which are not part of the key. This usually happens when a key is copied from a script or a setting such as VEZA_TOKEN="..." in a command.',
    fix: [
      'Remove the quotation marks at the start and the end of the API key field.',
      'Keep only the key itself and save.',
    ],
  },
  KEY_INVALID_CHARS: {
    title: 'The API key contains characters a key cannot have',
    explanation: `A Veza API key only has letters, digits and a few signs such as +, / and =. But this text has other characters in it. It may be curly quotes, a long dash, or a hidden character that slipped in while copying. Veza calls this kind of key ${VEZA_BAD_CHARS}. That means the key looks right on the whole, but some of its characters do not belong there.`,
    fix: [
      COPY_AGAIN,
      'Paste it into the API key field (in Add instance, or after pressing Replace key on the instance) and save.',
      `If you no longer have the first key, make a new one in Veza under ${NEW_PERSONAL_KEY} (or the Team tab for a team key). Paste that one.`,
    ],
  },
  KEY_NOT_BASE64: {
    title: 'The pasted text does not look like an API key',
    explanation: `Veza API keys are written in a set form (base64): letters, digits, + and /, and at times = at the end. This text is not. Veza calls this ${VEZA_NOT_BASE64}. In plain words, what was sent is not a key at all. It may be the key's name or ID, just part of the key, or some other text.`,
    fix: [
      "Check that you copied the key value itself, not the key's name or ID from the API Keys page.",
      'Paste the complete key value into the API key field (in Add instance, or after pressing Replace key) and save.',
      `Veza shows a key value only once, when the key is made. If you no longer have it, make a new key in Veza under ${NEW_PERSONAL_KEY} (or the Team tab for a team key).`,
    ],
  },
  KEY_TOO_LONG: {
    title: 'The pasted text is far too long to be an API key',
    explanation:
      'The text in the API key field is much longer than any API key ({limit}). Perhaps a whole file, a page, or several lines were pasted instead of just the key.',
    fix: [
      'Clear the API key field.',
      'Copy only the key value itself, nothing before or after it.',
      'Paste it into the API key field (in Add instance, or after pressing Replace key on the instance) and save.',
    ],
  },
  KEYCHAIN_UNAVAILABLE: {
    title: "The computer's password store cannot be reached",
    explanation:
      "Veza Desk keeps API keys only in your computer's secure password store (the system keychain). It could not reach it, so the key was not saved. For your safety, the key is not saved anywhere else.",
    fix: [
      '{keychainStep}',
      'Enter the API key again and save.',
      'If your computer is managed by your company and this keeps happening, ask IT for help with the password store.',
    ],
  },

  // ---------------------------------------------------------------- The way to the server
  PROXY_UNREACHABLE: {
    title: 'The proxy server could not be reached',
    explanation: `Links to this instance go through a proxy ({proxy}, {proxySource}). ${PROXY_IS} Veza Desk could not connect to that proxy.`,
    fix: [
      PROXY_VARIABLE_STEP,
      VPN,
      `Check the proxy address in ${PROXY_SETTINGS}. It must match the one your IT team gave you, and so must the port number.`,
      "If the proxy comes from your computer's settings, ask IT whether the proxy address has changed.",
      'Then verify the instance again.',
    ],
  },
  PROXY_AUTH_REQUIRED: {
    title: 'The proxy server asks for a sign-in',
    explanation: `The proxy ({proxy}, {proxySource}) asks for a user name and password. It does so before it lets the link through. ${PROXY_IS} A Windows sign-in proxy (NTLM) takes your Windows user name and password.`,
    fix: [
      "Press Edit, open Network settings and choose Use this proxy. Write the proxy user name in front of the address, as in http://name@proxy.example.com:8080. A Windows user goes with its domain. So ACME\\jdoe is written http://ACME\\jdoe@proxy.example.com:8080. Type the password into Proxy password. It is often your company sign-in; IT can tell you. The password is kept in this computer's keychain.",
      'If they are already there, check them for typing mistakes. Also check if your password was changed of late.',
      'Save and verify the instance again.',
      PROXY_VARIABLE_STEP,
    ],
  },
  PROXY_REFUSED: {
    title: 'The proxy server refused to connect to the Veza instance',
    explanation: `The proxy ({proxy}, {proxySource}) was reached. But it would not pass the link on to the instance ({host}). ${PROXY_IS} Your company may block this address, or the address may be wrong.`,
    fix: [
      'Check that the instance address is correct.',
      'Open the instance address in your web browser on this computer to see whether it is blocked there too.',
      'Ask IT to let the address of the instance ({host}) through the proxy.',
      PROXY_VARIABLE_STEP,
    ],
  },
  PROXY_AUTH_UNSUPPORTED: {
    title: 'The proxy uses a sign-in method Veza Desk cannot use',
    explanation: `The proxy ({proxy}, {proxySource}) only takes an automatic Windows sign-in with a ticket (Negotiate or Kerberos). Veza Desk does not support that. ${PROXY_IS} Veza Desk can sign in to a proxy with a user name and password. That includes a Windows (NTLM) sign-in.`,
    fix: [
      'Ask IT for a proxy address that takes a user name and password (Basic or NTLM sign-in). Or ask them to let the Veza instance ({host}) through the proxy with no sign-in.',
      `Enter what IT gives you in ${PROXY_SETTINGS}. Then save and verify the instance again.`,
      PROXY_VARIABLE_STEP,
    ],
  },
  DNS_NOT_FOUND: {
    title: "The instance's server name could not be found",
    explanation:
      "This computer cannot find the server name ({host}) in DNS (the internet's address book). Most of the time, this is a typing mistake in the address. Or it is a name that only exists inside the company network.",
    fix: [
      'Check the spelling of the address. You can compare it with the address bar of your browser when you are signed in to Veza.',
      VPN,
      `Does the address open in your browser but not in Veza Desk? Then your browser may use a proxy (the server your company uses to reach the internet). Set the same proxy in ${PROXY_SETTINGS}, or ask IT for it.`,
    ],
  },
  DNS_UNAVAILABLE: {
    title: 'The computer could not look up server names',
    explanation:
      "The DNS service did not answer. It is the internet's address book: it turns names like {host} into network addresses. Most of the time, this means the computer has no working network link, or the VPN has trouble.",
    fix: [
      'Check that this computer is on the internet. For example, open a website in your browser.',
      VPN,
      'Wait a minute and verify the instance again.',
      'If it keeps happening, ask IT to check the network connection of this computer.',
    ],
  },
  TCP_REFUSED: {
    title: 'The server refused the connection',
    explanation:
      'This computer reached the server ({host}), but nothing there took the connection. Most of the time the address has the wrong port number. Or the service is not running just now. {tried}',
    fix: [
      'Check the address. A port number after a colon at the end of the server name should only be there if the instance owner told you to use it.',
      SAME_PROXY,
      'Try again in a few minutes, and ask the instance owner whether the instance is running.',
    ],
  },
  TCP_TIMEOUT: {
    title: 'The server did not answer in time',
    explanation:
      'Veza Desk tried to connect to the server ({host}) but got no answer at all. Often a company firewall (a network filter) blocks the link without a word. Or you need a proxy or VPN to get there. {tried}',
    fix: [
      VPN,
      'Open the instance address in your web browser on this computer.',
      `If it opens in the browser, your company likely uses a proxy (the server it uses to reach the internet). Set it in ${PROXY_SETTINGS}, or ask IT for its address.`,
      'If it does not open in the browser either, ask IT if a firewall blocks the link to the instance.',
    ],
  },
  TCP_RESET: {
    title: 'The connection was cut off',
    explanation:
      'The link to the server ({host}) was opened and then closed all of a sudden. Often a company firewall or security filter between you and Veza does this. Or the network dropped for a short time.',
    fix: [
      'Try again.',
      VPN,
      SAME_PROXY,
      'If it keeps happening, ask IT to check if a firewall or security filter blocks the Veza instance. It may be in the way.',
    ],
  },
  NETWORK_UNREACHABLE: {
    title: 'This computer has no network path to the server',
    explanation:
      'This computer is not on a network that can reach the server ({host}). It may be offline. Or the server can only be reached from the company network. {tried}',
    fix: [
      'Check that Wi-Fi or the network cable is connected and that other websites open.',
      VPN,
      'Then verify the instance again.',
    ],
  },
  COMPANY_NETWORK_ONLY: {
    title: 'This instance is only on the company network',
    explanation:
      'The name {host} leads to {address}. That is a private address: it works only inside a company network. No answer came back, so this computer is most likely not on that network right now. {tried}',
    fix: [
      'Turn on your company VPN (the app that connects this computer to the company network). Then verify the instance again.',
      'In the office, use the company network, not the guest Wi-Fi.',
      'If the VPN is on and this still happens, ask IT whether {host} can be reached over the VPN.',
    ],
  },

  // ---------------------------------------------------------------- The secure connection
  TLS_CERT_EXPIRED: {
    title: "The server's certificate is out of date (expired)",
    explanation:
      "A certificate is the server's digital ID card. It proves the server really is {host}. This one's end date ({validTo}) has passed, so Veza Desk cannot trust it. A wrong date on this computer can cause the same message.{clockChecked}",
    fix: [
      "{!clockChecked} Check that this computer's date, time and time zone are correct, and best of all set by itself. Then verify again.",
      'If the clock is right, tell the instance owner that the certificate is out of date and needs to be renewed. For a vezacloud.com instance, tell Veza support.',
      'If your company checks secure traffic, ask IT if its own certificate is out of date.',
      'When the certificate has been renewed, you can verify the instance again.',
    ],
  },
  TLS_CERT_NOT_YET_VALID: {
    title: "The server's certificate is not valid yet",
    explanation:
      "A certificate is the server's digital ID card. It proves the server really is {host}. This one's start date ({validFrom}) is still to come. That nearly always means this computer's clock is behind.{clockChecked}",
    fix: [
      "{!clockChecked} Check that this computer's date, time and time zone are correct, and best of all set by itself.",
      'Then verify the instance again.',
      "If the clock is correct, tell the instance owner that the certificate's start date is in the future.",
    ],
  },
  CLOCK_WRONG: {
    title: "This computer's clock is wrong",
    explanation:
      "This computer's date is {localTime}, but the instance ({host}) says it is {serverTime}. So this computer's clock is {difference}. A certificate (the server's digital ID card) is valid only between two dates. With a wrong date, secure links fail. The server's certificate is valid on the right date. Other secure websites and apps on this computer will fail the same way.",
    fix: [
      '{windowsStep}',
      '{macStep}',
      '{linuxStep}',
      'Then verify the instance again. If the clock keeps going wrong, the computer may have no network time or a flat clock battery: ask IT.',
    ],
  },
  TLS_HOSTNAME_MISMATCH: {
    title: "The server's certificate is for a different name",
    explanation:
      "A certificate is the server's digital ID card. The one it showed was made out for a name ({subject}) that is not the address you entered ({host}). So Veza Desk cannot be sure it is talking to the right server.",
    fix: [
      "Check that the address is just the same as the instance's real address. For example, take the one in your browser's address bar when you are signed in to Veza.",
      'Use the real server name, not a short name or a network address made of numbers.',
      'If the address is right, tell the instance owner or IT. Something between you and Veza may be answering in its place.',
    ],
  },
  NETWORK_SIGN_IN: {
    title: 'A network sign-in page may be in the way',
    explanation:
      'The server that answered at {host} showed a certificate (its digital ID card) made out for {subject}. That name has nothing to do with this address. Hotel, airport and guest Wi-Fi networks do this until you sign in to them, or accept their terms in a web browser. If not, the address leads to some other server, not the Veza instance.',
    fix: [
      'Open a web browser and go to any website. If a sign-in or welcome page for the network appears, sign in or accept its terms there, then verify the instance again.',
      'If no such page shows up, check the instance address. Compare it with the address bar of your browser when you are signed in to Veza.',
      VPN,
    ],
  },
  TLS_SELF_SIGNED: {
    title: 'The server made its own certificate (it is self-signed)',
    explanation:
      "A certificate is the server's digital ID card. This one ({subject}) was made by the server itself, not by a known authority. So Veza Desk cannot tell if the server is real. This is common for lab or test instances. It never happens for Veza cloud instances.",
    fix: [
      'Check that the address is correct.',
      'If this should be a normal Veza cloud instance, stop here and tell IT. Something may be in the middle of the connection (intercepting it).',
      'Did your company give you a certificate authority file for this server? Then use it. ' +
        CA_FILE_STEP,
      'For a lab instance, ask the server owner for the certificate\'s fingerprint (its unique SHA-256 code). Compare it with the one Veza Desk shows. Only if they are the same, choose "Trust this certificate".',
    ],
  },
  TLS_UNTRUSTED_ROOT: {
    title: 'This computer does not trust who issued the certificate',
    explanation:
      "The server's certificate (its digital ID card) was issued by an authority ({issuer}) that Veza Desk does not know. That issuer may be your company's own. Or it may be a security product such as Zscaler, Netskope, Palo Alto, Blue Coat or Fortinet. If so, your company likely inspects secure traffic. Then your IT team can give you its root certificate (the company's master certificate).",
    fix: [
      'Check that the instance address is correct.',
      "Ask IT for the company's root certificate file. Tell them the issuer shown here.",
      CA_FILE_STEP,
      'If neither you nor IT know the issuer, do not go on. Report it to IT, since someone may be in the middle of the connection (intercepting it).',
    ],
  },
  TLS_PROXY_INSPECTION: {
    title: 'Your proxy opens secure connections to inspect them',
    explanation:
      "Links to this instance go through a proxy ({proxy}, {proxySource}). The certificate (the digital ID card) that came back is not the instance's own. It was issued by {issuer}, which this computer does not trust. So the proxy opens secure links to check what passes (TLS inspection). Then it signs them again with its own certificate, as many companies do. Veza Desk does not send the API key through a link it cannot trust.",
    fix: [
      "Ask IT for the proxy's root certificate file (its master certificate). Tell them which proxy it is ({proxy}). Tell them the issuer shown here too.",
      CA_FILE_STEP,
      'Or ask IT to let the address of this instance ({host}) through the proxy. Ask that it not be checked there (no inspection).',
      'If IT does not know the proxy or the issuer, do not go on. Someone may be in the middle of the connection (intercepting it).',
    ],
  },
  TLS_DEBUG_PROXY: {
    title: 'A debugging tool ({tool}) can see your secure traffic',
    explanation:
      'The certificate (the digital ID card) that came back was issued by {issuer}. It belongs to {tool}, a program that developers use to watch and change web traffic. It sits between Veza Desk and the instance ({host}). It can read all that is sent, and that includes the API key. So Veza Desk stops here.',
    fix: [
      "If you started {tool} yourself, close it or stop its capture. Then verify the instance again. (It may also have set itself as this computer's proxy.)",
      "If you did not start it, do not continue: tell IT, because someone may be watching this computer's traffic.",
    ],
  },
  TLS_INCOMPLETE_CHAIN: {
    title: "The server's certificate is missing a link in its chain",
    explanation:
      'A server must send its certificate (its digital ID card) with the in-between certificates that link it to a trusted authority. This server ({host}) left some out. Web browsers at times fill the gap on their own, so the site may still open in your browser.',
    fix: [
      'Tell the instance owner that the server does not send its full certificate chain (the intermediate certificates). It must be set up to send it.',
      'For now, ask the instance owner or IT for the missing certificate as a file (the intermediate certificate). Or ask for the full chain.',
      CA_FILE_STEP,
    ],
  },
  TLS_NOT_TLS: {
    title: 'The server did not answer with a secure connection',
    explanation:
      'The address ({url}) points to something that does not speak https, the secure form of web link. Most of the time the port number in the address is wrong. Or a proxy setting is wrong.',
    fix: [
      'Check the address. Remove any port number after the server name, unless the instance owner told you to use it.',
      `Check the proxy settings in ${PROXY_SETTINGS}. A proxy address most often starts with http:// and ends with its port number.`,
      'If the address is correct, ask the instance owner which address to use.',
    ],
  },
  TLS_HANDSHAKE_FAILED: {
    title: 'The secure connection could not be set up',
    explanation:
      'This computer and the server ({host}) could not agree on how to make the link secure. The server may use old security settings. Or a device on the network between you and Veza may get in the way.',
    fix: [
      'Check that the instance address is correct and try again.',
      VPN,
      'If it keeps happening, send the technical details below to the instance owner or IT.',
    ],
  },
  TLS_OLD_PROTOCOL: {
    title: "The server's secure connection is old and unsafe",
    explanation:
      'The server ({host}) only offers secure links in {versions}. These versions are no longer safe, and the browsers of today refuse them too. Veza Desk needs TLS 1.2 or newer, so it cannot connect. This cannot be changed in Veza Desk or on this computer.',
    fix: [
      'Tell the people who run the server that {host} must offer TLS 1.2 or newer. For a vezacloud.com instance, that is Veza support. If not, it is the instance owner or your IT team.',
      'Does the link go through a company proxy or security box? Then ask IT if that box is the one that answers with the old version.',
    ],
  },
  TLS_NO_COMMON_CIPHER: {
    title: 'The server and Veza Desk share no safe way to encrypt',
    explanation:
      'The server ({host}) takes a secure link ({versions}) only with a way to encrypt ({cipher}) that is no longer safe, so Veza Desk does not use it. And Veza Desk offers none that the server takes. This cannot be changed in Veza Desk or on this computer.',
    fix: [
      'Tell the people who run the server that {host} must offer a way to encrypt that is safe today (any that the browsers of today take). For a vezacloud.com instance, that is Veza support. If not, it is the instance owner or your IT team.',
      'Does the link go through a company proxy or security box? Then ask IT if that box is the one that answers.',
    ],
  },
  TLS_CLIENT_CERT_REQUIRED: {
    title: 'The server asks for a client certificate',
    explanation:
      'The server ({host}) only lets in computers or people that show a certificate of their own. This is a client certificate: a digital ID card for this computer or for you, that IT often puts in. Veza Desk showed none. This is not about the API key.',
    fix: [
      'Ask IT if {host} needs a client certificate. Ask if it can be reached without one, for example over the company VPN or by some other address.',
      VPN,
      'If IT gave you one, press Edit on this instance and open Network settings. Press Choose client certificate…, give its private key or passphrase, and save.',
      'A terminal works too. There, veza-desk check and veza-desk api can show one. Use --client-cert and --client-key. A passphrase goes in the VEZA_CLIENT_CERT_PASSPHRASE variable.',
    ],
  },
  TLS_CLIENT_CERT_INVALID: {
    title: 'The client certificate cannot be used',
    explanation:
      'Veza Desk could not use the client certificate ({file}). The file cannot be read, or it is not a certificate. Or the private key does not go with the certificate, or the passphrase is wrong. Nothing was sent to the server.',
    fix: [
      '{?chooseAgain} The file changed since it was chosen, or its key is no longer saved here. Press Edit on this instance, open Network settings, and press Choose client certificate… again.',
      'Check that the files are the ones IT gave you. That is a certificate and its private key as two ".pem" files (--client-cert and --client-key). Or it is one ".p12" or ".pfx" file (--client-cert alone).',
      'Does the key or the ".p12" file have a passphrase? Then put it in the VEZA_CLIENT_CERT_PASSPHRASE environment variable.',
      'If it still fails, ask IT for a new copy of the certificate.',
    ],
  },
  TLS_CLIENT_CERT_REFUSED: {
    title: 'The server did not accept the client certificate',
    explanation:
      'The server ({host}) asked for a client certificate (a digital ID card for this computer or for you), and Veza Desk showed the one set for this instance. The server turned it down: {reason}. This is not about the API key.',
    fix: [
      'Ask IT which client certificate {host} accepts. If yours has expired, ask for a new one.',
      'To set the new one, press Edit on this instance, open Network settings, and press Choose client certificate… to pick it. Then verify the instance again.',
    ],
  },
  TLS_PIN_MISMATCH: {
    title: 'The trusted certificate for this instance has changed',
    explanation:
      'You chose before to trust one certificate for this instance ({host}). Now the server shows a different one. This may just be a new certificate in place of an old one. Or someone may be in the middle of the connection (intercepting it).',
    fix: [
      'Do not trust the new certificate yet.',
      'Ask the server owner for the fingerprint of the new certificate. Ask by phone or chat, not by email.',
      'Compare it with the fingerprint Veza Desk shows. Only if they are identical, choose "Trust this certificate" again.',
      'If they differ, do not connect, and tell IT or your security team.',
    ],
  },

  CA_FILE_INVALID: {
    title: 'The CA file set for this instance cannot be used',
    explanation:
      "This instance is set to trust the certificates in a file. That is its certificate authority file (CA file), most often your company's root certificate. The file cannot be used, for one of these reasons. It could not be read in time. Or it is not a plain file of at most 1 MB: it may be a folder, or far larger than a certificate. Or it does not hold a certificate in the form it should (PEM text that starts with -----BEGIN CERTIFICATE-----).",
    fix: [
      'Check that the file is still where it was chosen, and that you may open it. If it is on a network drive, check that the drive is connected.',
      'Ask IT for the root certificate as a PEM or ".crt" text file (not a ".pfx" or ".p12" bundle).',
      CA_FILE_STEP,
    ],
  },

  // ---------------------------------------------------------------- The HTTP answer
  HTTP_TIMEOUT: {
    title: 'The server took too long to answer',
    explanation:
      'The connection to the server ({host}) was made, but its answer did not arrive in time. The instance may be very busy, or the request may ask for a lot of data.',
    fix: [
      'Wait a few minutes and try again.',
      'If you asked for a large list or query, ask for less at a time. For example, use a smaller page size or a narrower filter.',
      'If each request runs out of time, ask the instance owner if the instance is running as it should.',
    ],
  },
  CHECK_TIMEOUT: {
    title: 'The check took too long',
    explanation:
      'The server ({host}) was still answering when the check reached its time limit of {seconds} seconds, so Veza Desk stopped it. When answers come this slowly, most of the time the network is very slow or too busy. Or a proxy or security box holds them back, or the instance has too much to do.',
    fix: [
      'Wait a few minutes, then verify the instance again.',
      'On a slow link, raise "Check time limit (seconds)" under Edit > Network settings for this instance.',
      'If it keeps happening, ask IT if a proxy or security box slows down the link to {host}. It may hold back the answers.',
    ],
  },
  HTTP_NOT_VEZA: {
    title: 'The server at this address is not a Veza instance',
    explanation:
      'A server answered at this address ({url}), but not the way Veza does. It sent a web page or some other data. So the address most likely points to something else. That may be a company portal, some other app or the wrong server.',
    fix: [
      'Sign in to Veza in your web browser and copy the address from the address bar.',
      KEEP_THE_START,
      `If your company uses a proxy (the server it uses to reach the internet), check ${PROXY_SETTINGS}. Some proxies answer with their own page.`,
    ],
  },
  HTTP_LOGIN_REDIRECT: {
    title: "The address led to a sign-in page instead of Veza's API",
    explanation:
      'The server did not answer. It sent Veza Desk to a sign-in page instead (SSO, single sign-on). Most of the time, this means the address is that of a company portal or sign-in page, not the Veza instance itself. Or a proxy (the server your company uses to reach the internet) wants you to sign in first.',
    fix: [
      'Sign in to Veza in your web browser and, once Veza itself is showing, copy the address from the address bar.',
      KEEP_THE_START,
      `If the address was already right, your proxy may want a sign-in. Enter the proxy user name and password in ${PROXY_SETTINGS}, or ask IT.`,
    ],
  },
  HTTP_NOT_FOUND: {
    title: 'Veza could not find what was asked for',
    explanation:
      "Veza answered that the path you asked for ({url}) leads to nothing. The item in it may no longer exist (such as a provider, data source or saved query, named by its ID). Or the path has a typing mistake. When Veza's own message is shown below, it tells what was missing.",
    fix: [
      "If Veza's message below names an ID, check that it is the one you meant: someone may have deleted the item. Refresh the list you were working with.",
      'Check the path for typing mistakes, or pick the call from the list in the Requests tab instead of typing it.',
    ],
  },
  HTTP_METHOD_NOT_ALLOWED: {
    title: 'This call does not take that method',
    explanation:
      "Veza knows the path ({url}) but not with the method that was used. Each call works with its own methods: GET reads, POST creates, PATCH or PUT changes, DELETE removes. Veza's own message below names the ones it takes.",
    fix: [
      'Pick the call from the list in the Requests tab: it sets the right method by itself.',
      'Or change the Method next to the path to the one Veza names, and send again.',
    ],
  },
  HTTP_TOO_MANY_REDIRECTS: {
    title: 'The server kept sending Veza Desk to another address',
    explanation:
      'The server redirected the request again and again without ever answering. This is often a loop between a sign-in page and the instance, or a wrongly set up proxy.',
    fix: [
      "Check that the address is exactly the instance's official address and starts with https://.",
      `Does your company use a proxy (the server it uses to get to the internet)? Then check ${PROXY_SETTINGS}.`,
      'If the address is right, tell the instance owner, and include the technical details below.',
    ],
  },
  HTTP_BODY_TOO_LARGE: {
    title: 'The data is larger than the size limit',
    explanation:
      "The data sent or received is larger than allowed ({limit}). This happens with very large query results or with uploads above Veza's limit.",
    fix: [
      'For lists and queries, ask for less at a time, for example with a smaller page size or a narrower filter.',
      'For uploads, split the data into smaller parts and send them one at a time.',
    ],
  },
  HTTP_BODY_INCOMPLETE: {
    title: 'The answer was cut off before it was complete',
    explanation:
      'The link dropped while the server ({host}) was still sending its answer. So Veza Desk only got part of it. A short drop in the network, a proxy or a firewall can cause this.',
    fix: [
      'Try again.',
      'If it happens often with large answers, ask for less at a time, for example with a smaller page size.',
      'If it keeps happening, ask IT whether a proxy or firewall cuts off long connections.',
    ],
  },
  HTTP_BAD_REQUEST: {
    title: 'Veza did not accept the request',
    explanation:
      "Veza answered that something in the request is not valid, for example a missing or wrong field, or a name that is already used. Veza's own message and advice, when shown below, say which part.",
    fix: [
      "Read Veza's message and advice below.",
      'Correct the field or value it names and try again.',
      'Did Veza Desk build the request itself, and you changed nothing? Then report the problem and include the request ID shown below.',
    ],
  },
  RATE_LIMITED: {
    title: 'Veza asks you to slow down',
    explanation:
      'Too many requests were sent to the instance in a short time, and Veza asked to wait {wait} before the next one.',
    fix: [
      'Wait {wait}, then try again.',
      'If this happens often, run fewer checks or requests at the same time.',
    ],
  },
  SERVER_ERROR: {
    title: 'Veza ran into a problem on its side',
    explanation:
      'The instance answered with an error of its own ({status}). This is not caused by your settings or your key, and it is often temporary.',
    fix: [
      'Wait a few minutes and try again.',
      'If it keeps happening, contact Veza support (support@veza.com). Give them the request ID shown below: with it they can find just what happened.',
    ],
  },
  SERVICE_UNAVAILABLE: {
    title: 'The Veza instance is down for now',
    explanation:
      'The instance ({host}) is busy, starting up again or down for upkeep (maintenance, {status}). Most of the time this does not last.{askedWait}',
    fix: [
      'Wait {wait}, then try again.',
      'Ask the instance owner whether maintenance is planned.',
      'If it lasts a long time, contact Veza support (support@veza.com). Give them the request ID shown below, if there is one.',
    ],
  },
  GATEWAY_REFUSED: {
    title: 'Something in front of Veza stopped the request',
    explanation:
      'The answer did not come from Veza: {answerer} answered with a web page of its own{titled} ({status}). A firewall, gateway or proxy stopped the request on its way to the instance ({host}). So Veza never saw the API key, and the key may well be fine.',
    fix: [
      "Open the instance's address in your web browser on this computer. If the same page appears there, the block is on the network, not in Veza Desk.",
      'Ask your IT team if the network lets this computer reach {host}. Tell them what answered ({answerer}) and the page title shown here.',
      `If your company uses a proxy (the server it uses to reach the internet), check ${PROXY_SETTINGS}. The right proxy may let the request through.`,
    ],
  },
  GATEWAY_UNAVAILABLE: {
    title: 'Veza cannot be reached behind its gateway right now',
    explanation:
      '{answerer} in front of the instance ({host}) answered that it could not get an answer from Veza ({status}). Veza may be restarting, under maintenance or overloaded, or the gateway itself has trouble. Your settings and your API key are not the cause.{askedWait}',
    fix: [
      'Wait {wait}, then try again.',
      'If it lasts, ask the instance owner or your IT team if there is an outage or maintenance. Ask the one who runs the gateway in front of Veza.',
      'If it still lasts, contact Veza support (support@veza.com) and tell them the time it happened.',
    ],
  },
  REQUEST_CANCELLED: {
    title: 'The request was cancelled',
    explanation:
      'The request was stopped before the answer arrived, because you cancelled it or closed the window. If it was a change, such as creating or deleting something, it may already have reached Veza.',
    fix: [
      'Run the request again when you are ready.',
      'For changes, refresh the list first to see whether the change was already made, so it is not done twice.',
    ],
  },

  // ---------------------------------------------------------------- Veza's verdict on the key
  AUTH_INVALID_KEY: {
    title: 'Veza refused the API key',
    explanation:
      'The instance ({host}) got the API key and refused it: it does not know this key. The key may have been made on another Veza instance. It may have been revoked or deleted. Its owner may have been removed from the key\'s team or from the platform. Or it was not copied in full. When Veza\'s own message is shown below, it tells which it is. It may say "Invalid API key" or "Malformed API key". Even then, the key as a whole is refused, since its form passed the check in Veza Desk.',
    fix: [
      'Check that the key was copied in full and with no mistakes. Paste it again from where you saved it when it was made. One missing character is enough to break it.',
      'Check that the key belongs to this instance: a key made on another Veza instance, such as a test one, does not work here.',
      'If the key was revoked (turned off for a time), its owner can turn it back on. In Veza, they go to Administration > API Keys and choose Reinstate.',
      'If the key was deleted, it is gone for good: make a new one.',
      "If the key's owner was removed from the key's team or from the platform, their personal keys were deleted: make a new key.",
      `To make a new key if you need one, sign in to Veza and open ${NEW_PERSONAL_KEY}. For a team key, open ${NEW_TEAM_KEY}. Copy the value at once, as Veza shows it only once. Paste it here and save.`,
    ],
  },
  AUTH_MALFORMED_KEY: {
    title: 'Veza says the API key is not in the right form',
    explanation: `Veza has two messages for this. The first is ${VEZA_NOT_BASE64}. It means the text is not in the form keys use at all. The second is ${VEZA_BAD_CHARS}. It means the text looks like a key but has characters that do not belong. Either way, the key was most likely changed while it was copied.`,
    fix: [
      COPY_AGAIN,
      'Make sure the API key field holds only the key: no spaces, quotation marks or the word "Bearer".',
      'Save and verify the instance again.',
      `If you no longer have the first key, make a new one. In Veza, open ${NEW_PERSONAL_KEY} (or the Team tab for a team key).`,
    ],
  },
  FORBIDDEN_TEAM_KEY: {
    title: 'A team key cannot be used for this action',
    explanation:
      'This is a team key, which can only push integration data (role oaa_push). Integrations use the Open Authorization API (OAA) to tell Veza who can reach what in other apps. A team key may work with those integrations (custom providers and their data sources) and read its own user. Veza refuses the rest.',
    fix: [
      'Keep the team key for pushing integration data (OAA).',
      `For this action, use a personal API key from a user who has the role it needs. In Veza, open ${NEW_PERSONAL_KEY}.`,
      'Add the instance a second time in Veza Desk with the personal key, or replace the key of this instance with it.',
    ],
  },
  FORBIDDEN_ROLE: {
    title: 'The API key is not allowed to do this',
    explanation:
      "The key works, but the user who created it does not have the role needed for this action; a key has exactly the roles of the user who created it. Veza's own message, when shown below, may name what is missing.",
    fix: [
      'Ask a Veza administrator to give the user who made the key the role this action needs. Then try again.',
      'Or use a key created by a user who already has that role.',
    ],
  },

  // ---------------------------------------------------------------- Managing API keys
  KEY_BOUND_ELSEWHERE: {
    title: 'The key was saved for another address',
    explanation:
      'The API key of "{name}" was saved for {savedFor}. But since then, {changed} of this instance changed: it now names {nowNames}. Veza Desk sends a key only where it was saved for, so it sent nothing. If it did not, a typing mistake in an address could hand the key to someone else. So could a settings file changed outside Veza Desk.',
    fix: [
      'Are {nowNames} and the new settings right? Then press Use the key for the new address (or Use the key with the new settings) on the Verify tab. Veza Desk asks you to confirm first, and names both.',
      'If they are not right, press Edit and put back {savedFor} (and the network settings you had). Then save.',
      'Or press Replace key and paste a key that was made on {nowNames}.',
    ],
  },
  KEY_TARGET_OTHER_INSTANCE: {
    title: 'A key from this instance cannot be saved for another one',
    explanation:
      'The new key was made on one Veza instance, but the instance chosen to keep it has a different address. A key only works on the instance that made it, so Veza Desk did not save it there.',
    fix: [
      'Choose an instance with the same address, or save the key as a new instance.',
      'Create the key again if it was not saved anywhere: Veza shows a key only once.',
    ],
  },
  TEAM_KEY_NOT_FOUND: {
    title: 'Veza no longer lists this team key',
    explanation:
      "The team key is not in Veza's list of team keys any more. Someone may have deleted it (in Veza or in another Veza Desk), or the key Veza Desk used to look cannot see that key's team. Nothing was changed.",
    fix: [
      'Refresh the list of team keys.',
      "If the key should still be there, open the instance of an administrator of the key's team and try again from there.",
    ],
  },
  ROTATION_KEY_MISMATCH: {
    title: 'This instance no longer holds that team key',
    explanation:
      'Veza Desk rotates a team key for the saved instance whose key it is, and the key saved for that instance is now a different one (it was replaced or removed). Nothing was changed in Veza or in the keychain.',
    fix: [
      'Refresh the list of team keys.',
      'If the instance should hold that key, verify it so Veza Desk learns which key it has, then rotate again.',
    ],
  },

  // ---------------------------------------------------------------- The app itself
  PROFILE_NOT_FOUND: {
    title: 'This instance is no longer saved in Veza Desk',
    explanation:
      'Veza Desk could not find this instance in its list. It may have been removed in another window or replaced by an import.',
    fix: ['Go back to the list of instances.', 'If the instance is missing, add it again.'],
  },
  PROFILE_NAME_TAKEN: {
    title: 'Another instance already has this name',
    explanation:
      'Each instance in Veza Desk needs its own name, so you can tell them apart, and this name is already used.',
    fix: ['Choose a different name, for example by adding "Production" or "Test".', 'Save again.'],
  },
  PROFILES_LIMIT_REACHED: {
    title: 'Veza Desk already keeps as many instances as it can',
    explanation: 'Veza Desk keeps at most {limit} instances, and {count} are saved now. {leftOut}',
    fix: [
      'Do you want a copy of the instances you are about to delete? Then press Export instances… first (the file holds no API keys).',
      'Delete the instances you no longer use: open each one, press Delete and then Delete instance.',
      'Then try again. Press Add instance, Duplicate, or the import you used (Import from a file… or Import from environment).',
    ],
  },
  PROFILES_FILE_DAMAGED: {
    title: 'The saved instances file could not be read',
    explanation:
      "The file where Veza Desk keeps your list of instances is damaged. It was kept as it was, as {aside} in Veza Desk's data folder, and nothing was overwritten. Veza Desk carried on with {kept}.",
    fix: [
      'Check the list of instances and add back any that are missing.',
      'If you need help to get it back, report the problem. Include the file that was set aside (it holds no API keys).',
    ],
  },
  PROFILES_FILE_TOO_NEW: {
    title: 'The saved instances file comes from a newer Veza Desk',
    explanation:
      'Your list of instances was saved by a newer version of Veza Desk, which this version cannot read safely. The file was left untouched.',
    fix: [
      'Update Veza Desk to the latest version.',
      'If your company manages the apps on your computer, ask IT for the latest version.',
    ],
  },
  FILE_UNREADABLE: {
    title: 'The file could not be read',
    explanation:
      'The chosen file could not be opened. It may have been moved or deleted, still be downloading, or you may not have permission to open it.',
    fix: [
      'Check that the file is still where you chose it.',
      'Copy the file to your Documents folder and choose the copy.',
      'Choose the file again.',
    ],
  },
  IMPORT_INVALID: {
    title: 'The file cannot be imported',
    explanation:
      'The file does not contain what Veza Desk expects to import. It may be a different kind of file, or it was changed by hand or damaged.',
    fix: [
      'Make sure you chose a file exported from Veza Desk.',
      'If you can, export it again from the original Veza Desk and import the new file.',
    ],
  },
  IMPORT_NO_VEZA_SETTINGS: {
    title: 'No Veza address and API key were found to import',
    explanation:
      'Veza Desk looked for the settings that scripts use to reach Veza. These are VEZA_URL with VEZA_TOKEN or VEZA_API_KEY, or VEZA_API_URL with VEZA_API_KEY. None of them were set {where}.',
    fix: [
      'If you keep these settings in a ".env" file, use Import from a file and choose that file.',
      'If you set them in a terminal, start Veza Desk from that same terminal so it can see them, then import again.',
      'Or add the instance by hand with Add instance.',
    ],
  },
  FILE_UNWRITABLE: {
    title: 'The file could not be saved',
    explanation:
      'Veza Desk could not write the file {file}. The disk may be full, the folder may be read-only or no longer exist, or you may not have permission to write there. Nothing was changed.',
    fix: [
      'Check that the disk has free space.',
      'Choose a folder you can write to, such as your Documents folder, and try again.',
      "Does this happen when your instances are saved? Then check that you can write to Veza Desk's data folder, and restart Veza Desk.",
    ],
  },
  // ---------------------------------------------------------------- The request workspace
  REQUEST_OUTSIDE_INSTANCE: {
    title: 'The request points outside this instance',
    explanation:
      'Veza Desk only sends requests to the address of the instance they belong to ({host}). That way the API key cannot reach some other server. This request would have gone somewhere else.',
    fix: [
      'Write the path from the start of the instance address, with a single "/" at the front. For example: /api/v1/providers.',
      'To call another instance, add it to Veza Desk and send the request from there.',
    ],
  },
  PRODUCTION_NOT_CONFIRMED: {
    title: 'A change to a production instance needs your confirmation',
    explanation:
      'This instance is marked as production, and this request can change something on it. Veza Desk sends it only after you confirm.',
    fix: ['Send the request again and confirm when Veza Desk asks.'],
  },
  KEY_IN_REQUEST: {
    title: 'The request contains an API key',
    explanation:
      'An API key saved in Veza Desk was found inside the request. Saved requests and exported files never hold keys, so it was not saved. Veza Desk adds the key itself when it sends a request.',
    fix: [
      'Remove the key from the headers, the query parameters and the body.',
      'Save or import again.',
    ],
  },
  SAVED_REQUESTS_LIMIT_REACHED: {
    title: 'Veza Desk already keeps as many saved requests as it can',
    explanation:
      'Veza Desk keeps at most {limit} saved requests, and {count} are saved now. {leftOut}',
    fix: [
      'To keep a copy of the requests you are about to delete, press Export saved requests… first (the file holds no API keys).',
      'In Saved requests, press Delete next to each request you no longer need.',
      'Then press Save this request, or Import saved requests…, again.',
    ],
  },
  PAGING_FAILED: {
    title: 'Not every page of the list could be fetched',
    explanation:
      'Veza Desk was going through the pages of a list. Then Veza gave an answer that cannot lead to the end of the list, so Veza Desk stopped.',
    fix: [
      'Send the request once without "Fetch all pages" to see what Veza answers.',
      'Try again later. If it happens again, report it with the technical details below.',
    ],
  },
  PAGING_LIMIT_REACHED: {
    title: 'Only part of the list was fetched',
    explanation:
      'The list is too long to fetch whole. Veza Desk stopped after {pages} pages ({items} items, {size}), at its limit of {limit}. What was fetched is shown; the rest of the list was not fetched.',
    fix: [
      'To get fewer items, add a filter in the Query parameters table. Then press Fetch all pages again.',
      'To read the list one page at a time, press Send instead. Each answer ends with a next_page_token: add it in the Query parameters table as page_token to get the next page.',
    ],
  },
  RESPONSE_BODY_GONE: {
    title: 'This answer is no longer kept',
    explanation: `The body of this answer was removed. Its history entry was deleted, or the history was cleared. Or older answers made room for newer ones: the history keeps up to ${historyBodyBudgetBytes / 1024 / 1024} MB of answers.`,
    fix: ['Send the request again to get a fresh answer.'],
  },
  DATA_FILE_DAMAGED: {
    title: 'A Veza Desk file could not be read and was set aside',
    explanation:
      "The file {file} in Veza Desk's data folder is damaged. It was kept as it was, as {aside}, and nothing was overwritten. Veza Desk carried on with {kept}.",
    fix: [
      'Carry on: the file fills up again as you work.',
      'If you need what was in it, report the problem and include the set-aside file (it contains no API keys).',
    ],
  },
  DATA_FILE_TOO_NEW: {
    title: 'A Veza Desk file comes from a newer Veza Desk',
    explanation:
      "The file {file} in Veza Desk's data folder was saved by a newer version of Veza Desk. This version cannot read it safely. It was left as it was. Nothing new is saved into it until Veza Desk is updated.",
    fix: [
      'Update Veza Desk to the latest version.',
      'If your company manages the apps on your computer, ask IT for the latest version.',
    ],
  },
  DATA_FOLDER_BUSY: {
    title: 'Another Veza Desk is busy with the same file',
    explanation:
      'Another Veza Desk window or the veza-desk command is saving {file} in the same data folder, and did not finish within 15 seconds. Nothing was changed.',
    fix: [
      'Wait a moment and try again.',
      'If it keeps happening, close the other Veza Desk windows. Stop any veza-desk commands that are running. Then try again.',
    ],
  },
  // ---------------------------------------------------------------- Help > Check for updates…
  UPDATE_RATE_LIMITED: {
    title: 'GitHub asks Veza Desk to wait before it checks again',
    explanation:
      'New versions of Veza Desk are published on GitHub. Veza Desk asks GitHub which one is the latest. GitHub answers each network only a few times an hour, and that limit was reached. People in the same office share it. GitHub can be asked again in {wait}.',
    fix: [
      `Wait {wait}, then choose ${CHECK_AGAIN} again.`,
      'Or ask the person who looks after Veza Desk at your company which version is the latest.',
    ],
  },
  UPDATE_NO_RELEASES: {
    title: 'No version of Veza Desk has been published yet',
    explanation:
      'New versions of Veza Desk are published on GitHub. GitHub answered that there is no published version yet ({status}). So there is nothing newer to get.',
    fix: [
      'Carry on with the version you have.',
      'If you got Veza Desk from your company, ask IT where new versions come from.',
    ],
  },
  UPDATE_ANSWER_UNREADABLE: {
    title: 'The answer about new versions could not be read',
    explanation:
      'Veza Desk asked GitHub ({host}) for the latest version. But the answer was not one GitHub gives ({status}). Something on the way may have answered in its place: a firewall, a proxy or a Wi-Fi sign-in page. Or GitHub had a problem.',
    fix: [
      `Wait a few minutes, then choose ${CHECK_AGAIN} again.`,
      'Open a website in your web browser. If a sign-in or welcome page for the network appears, sign in there first.',
      'If it keeps happening, ask IT if the network lets this computer reach GitHub.',
    ],
  },

  IPC_INVALID_ARGUMENT: {
    title: 'Veza Desk passed itself data it could not use',
    explanation:
      'One part of Veza Desk sent another part information in the wrong form. This is a fault in Veza Desk, not something you did.',
    fix: ['Try again.', 'Restart Veza Desk.', REPORT_STEP],
  },
  IPC_UNTRUSTED_SENDER: {
    title: 'Veza Desk blocked a request from an unexpected source',
    explanation:
      'As a safety measure, Veza Desk refused a request that did not come from its own window. This is either a fault in Veza Desk or something trying to use it.',
    fix: ['Restart Veza Desk.', REPORT_STEP],
  },
  IPC_UNKNOWN_CALL: {
    title: 'Veza Desk received a request it does not know',
    explanation:
      'One part of Veza Desk asked another part for something it does not offer. This is a fault in Veza Desk, for example after an incomplete update.',
    fix: [
      'Restart Veza Desk.',
      'If that does not help, install the latest version of Veza Desk.',
      REPORT_STEP,
    ],
  },
  INTERNAL_ERROR: {
    title: 'Something went wrong inside Veza Desk',
    explanation:
      'An unexpected error happened in Veza Desk itself. It is not caused by your settings or your key.',
    fix: ['Try again.', 'Restart Veza Desk.', REPORT_STEP],
  },
};
