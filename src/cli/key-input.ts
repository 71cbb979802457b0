/**
 * A key read from standard input without the final newline `echo "$KEY" |` or a file adds;
 * anything else (a line break inside, spaces) is left for the key checks to refuse.
 */
export function withoutFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
