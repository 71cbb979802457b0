/**
 * Tells a Veza API answer from the other things an address can answer with: a company sign-in
 * page (SSO) in front of the instance, a web page of some other server, or JSON that is not
 * Veza's. Veza's API answers JSON shaped `{"value": ...}`, `{"values": [...]}` or its error
 * envelope `{"code": "...", "message": "..."}`.
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

function parsesAsVeza(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
    const keys = Object.keys(parsed);
    return (
      keys.includes('value') ||
      keys.includes('values') ||
      keys.includes('path_values') ||
      (keys.includes('code') && keys.includes('message')) ||
      keys.length === 0 // revoke/reinstate answer {}
    );
  } catch {
    return false;
  }
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
    return parsesAsVeza(facts.bodyStart) ? 'veza-json' : 'other';
  }
  return wentToLogin ? 'login-page' : 'other';
}
