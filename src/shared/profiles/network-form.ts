import { encodeDomainSlash } from '../http-protocol/encode-domain-slash';
import type { ClientCertificateSetting, NetworkSettings } from './profile';

/** The network settings as the form edits them: text fields, seconds, "" for the default. */
export interface NetworkForm {
  proxyMode: 'system' | 'none' | 'manual';
  proxyUrl: string;
  caFile: string;
  /** Chosen with main's open dialog; its key or passphrase is in the keychain. */
  clientCertificate?: ClientCertificateSetting;
  connectSeconds: string;
  responseSeconds: string;
  checkSeconds: string;
}

export type NetworkFormField = 'proxyUrl' | 'connectSeconds' | 'responseSeconds' | 'checkSeconds';

export interface NetworkFormProblem {
  field: NetworkFormField;
  message: string;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '' : String(ms / 1000));

export function networkFormOf(network: NetworkSettings | undefined): NetworkForm {
  return {
    proxyMode: network?.proxy?.mode ?? 'system',
    proxyUrl: network?.proxy?.url ?? '',
    caFile: network?.caFile ?? '',
    ...(network?.clientCertificate && { clientCertificate: network.clientCertificate }),
    connectSeconds: seconds(network?.timeouts?.connectMs),
    responseSeconds: seconds(network?.timeouts?.responseMs),
    checkSeconds: seconds(network?.timeouts?.checkMs),
  };
}

function proxyUrlProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Type the proxy address, e.g. http://proxy.example.com:8080.';
  let url: URL;
  try {
    url = new URL(encodeDomainSlash(text.trim()));
  } catch {
    return 'This is not an address. Write it like http://proxy.example.com:8080.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'The proxy address starts with http:// or https://.';
  }
  // A password here would be saved in profiles.json, in plain text.
  if (url.password) return 'Leave the password out of the address.';
  return undefined;
}

/** Milliseconds from a seconds field; "" is the default, anything else must be in range. */
function timeoutOf(
  text: string,
  field: NetworkFormField,
  maxSeconds: number,
  problems: NetworkFormProblem[],
  minSeconds = 0.1,
): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.trim());
  if (!Number.isFinite(value) || value < minSeconds || value > maxSeconds) {
    problems.push({
      field,
      message: `Give a number of seconds from ${minSeconds} to ${maxSeconds}.`,
    });
    return undefined;
  }
  return Math.round(value * 1000);
}

/**
 * The settings to save from what the form holds, or what to fix first. Defaults are left out
 * (the system proxy, no CA file, the usual timeouts), so an untouched form saves nothing. A
 * pinned certificate is not edited here and is kept as it was.
 */
export function networkFromForm(
  form: NetworkForm,
  pinnedCertSha256?: string,
): { network?: NetworkSettings; problems: NetworkFormProblem[] } {
  const problems: NetworkFormProblem[] = [];
  const network: NetworkSettings = {};
  if (form.proxyMode === 'manual') {
    const problem = proxyUrlProblem(form.proxyUrl);
    if (problem) problems.push({ field: 'proxyUrl', message: problem });
    else network.proxy = { mode: 'manual', url: form.proxyUrl.trim() };
  } else if (form.proxyMode === 'none') {
    network.proxy = { mode: 'none' };
  }
  if (form.caFile.trim() !== '') network.caFile = form.caFile.trim();
  if (form.clientCertificate) network.clientCertificate = form.clientCertificate;
  if (pinnedCertSha256) network.pinnedCertSha256 = pinnedCertSha256;
  const connectMs = timeoutOf(form.connectSeconds, 'connectSeconds', 600, problems);
  const responseMs = timeoutOf(form.responseSeconds, 'responseSeconds', 3600, problems);
  const checkMs = timeoutOf(form.checkSeconds, 'checkSeconds', 600, problems, 1);
  if (connectMs !== undefined || responseMs !== undefined || checkMs !== undefined) {
    network.timeouts = {
      ...(connectMs !== undefined && { connectMs }),
      ...(responseMs !== undefined && { responseMs }),
      ...(checkMs !== undefined && { checkMs }),
    };
  }
  if (problems.length > 0) return { problems };
  return Object.keys(network).length > 0 ? { network, problems } : { problems };
}
