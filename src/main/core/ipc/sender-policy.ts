/** Who sent an IPC message: the frame's URL and whether it is the window's top frame. */
export interface SenderInfo {
  url: string;
  isMainFrame: boolean;
}

/** scheme://host[:port] of a URL, also for custom schemes (whose WHATWG origin is "null"). */
function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Only the app's own page, in the top frame, may call main. Anything else (an iframe, a page
 * that somehow navigated elsewhere, devtools-injected frames) is refused.
 */
export function createSenderPolicy(trustedOrigins: readonly string[]) {
  const origins = new Set(trustedOrigins.map(originOf));
  return (sender: SenderInfo): boolean => {
    if (!sender.isMainFrame) return false;
    const origin = originOf(sender.url);
    return origin !== undefined && origins.has(origin);
  };
}
