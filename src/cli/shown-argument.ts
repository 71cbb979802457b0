/**
 * An argument as the CLI may echo it in an error: text that could be an API key (16 or more
 * characters of base64, not an UPPER_CASE variable name) is not shown, so a key typed where
 * a name was expected (`set-key "$KEY"`) is never printed back.
 */
export function shownArgument(text: string): string {
  const couldBeKey =
    text.length >= 16 && /^[A-Za-z0-9+/_=-]+$/.test(text) && !/^[A-Z][A-Z0-9_]*$/.test(text);
  return couldBeKey ? '(not shown: it could be a key)' : text;
}
