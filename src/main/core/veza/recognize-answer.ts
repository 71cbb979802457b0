/**
 * Tells a Veza API answer from the other things an address can answer with: a company sign-in
 * page (SSO) in front of the instance, a web page of some other server, or JSON that is not
 * Veza's. Veza's answers are JSON objects of many shapes (docs.veza.com, veza-api.md "Checked
 * against Veza's published docs"): `{"value": ...}`, `{"values": [...]}`, `{"provider_types":
 * [...]}`, `{"events": [...]}`, `{"number_value": "6"}`, `{"path_values": [...], "cursor"}`, `{}`,
 * and its error envelope `{"code": "...", "message": "..."}`. So any JSON object is Veza's,
 * except where Veza documents one shape for every instance and key: `users/self` answers
 * `{"value": ...}`, and another shape there is another server (the doctor asks it first).
 */
export type AnswerKind = 'veza-json' | 'login-page' | 'other-html' | 'other';

const loginPathPattern =
  /\/(login|log-in|signin|sign-in|sso|saml2?|oauth2?|openid|adfs|auth|authorize|okta)(\/|\?|$|\.)/i;
const loginTextPattern =
  /type\s*=\s*["']?password|\bsign[\s-]?in\b|\blog[\s-]?in\b|single sign-on|SAMLRequest/i;

export interface AnswerFacts {
  contentType: string;
  /** The start of the body (a few KB are enough to recognise it). */
  bodyStart: string;
  finalUrl: string;
  /** URLs of the redirect hops before the final answer. */
  redirectUrls: readonly string[];
}

/** Answers whose shape Veza documents for every instance and every key. */
const fixedShapes: readonly { path: RegExp; key: string }[] = [
  { path: /\/api\/v1\/users\/self\/?$/, key: 'value' },
];

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

/**
 * Whether a body start is a JSON object from Veza. A start that does not parse is judged by
 * its first characters: it may be the cut start of a large answer (the full body is read later).
 */
function parsesAsVeza(text: string, finalUrl: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return /^\s*\{\s*"/.test(text);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const keys = Object.keys(parsed);
  if (keys.includes('code') && keys.includes('message')) return true; // the error envelope
  const fixed = fixedShapes.find(({ path }) => path.test(pathOf(finalUrl)));
  return !fixed || keys.includes(fixed.key);
}

export function recognizeAnswer(facts: AnswerFacts): AnswerKind {
  const isHtml =
    /text\/html|application\/xhtml/i.test(facts.contentType) ||
    /^\s*<(!doctype|html)/i.test(facts.bodyStart);
  const wentToLogin = [...facts.redirectUrls, facts.finalUrl].some((url) => {
    try {
      return loginPathPattern.test(new URL(url).pathname + new URL(url).search);
    } catch {
      return false;
    }
  });
  if (isHtml)
    return wentToLogin || loginTextPattern.test(facts.bodyStart) ? 'login-page' : 'other-html';
  if (/json/i.test(facts.contentType) || /^\s*[[{]/.test(facts.bodyStart)) {
    return parsesAsVeza(facts.bodyStart, facts.finalUrl) ? 'veza-json' : 'other';
  }
  return wentToLogin ? 'login-page' : 'other';
}
