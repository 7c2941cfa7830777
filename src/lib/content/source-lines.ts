/**
 * Astro's Markdown loader renders a page's body with the front matter cut off and the rest
 * trimmed, so positions in errors count from the body, not the file. Padding the body back to
 * where it starts in the source makes every line and column the author's.
 */

/** The body, preceded by the blank lines and spaces that put its first character where it is in `source`. */
export function bodyAtSourcePosition(source: string, body: string): string {
  // The loader's body is the text after the front matter, trimmed: it ends where the trimmed source ends.
  const start = source.trimEnd().length - body.length;
  if (body === '' || start < 0 || !source.startsWith(body, start)) return body;
  const before = source.slice(0, start);
  const lines = before.split('\n').length - 1;
  // The first line's indent counts for columns; 4 spaces or a tab would make it a code block,
  // which the trimmed body never was, so then the column is off rather than the page changed.
  const indent = before.slice(before.lastIndexOf('\n') + 1);
  return '\n'.repeat(lines) + (/^ {0,3}$/.test(indent) ? indent : '') + body;
}
