/**
 * Sticky notes, texts and shapes hold HTML (`<p>line</p><p>line</p>`). An entry keeps only the
 * words: line breaks kept, tags dropped, entities decoded exactly once (`&amp;lt;` stays `&lt;`),
 * so `&lt;script&gt;` becomes the seven characters `<script>` and never markup.
 * htmlparser2 tokenizes like a browser: a stray `<` in text stays text.
 */
import { Parser } from 'htmlparser2';

const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'table', 'section',
]);
/** Elements whose content is not text a person wrote. */
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object']);

export function htmlToText(html: string | undefined | null): string {
  if (!html) return '';
  let out = '';
  let skipping = 0;
  const lineBreak = () => {
    if (out !== '' && !out.endsWith('\n')) out += '\n';
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping++;
        else if (name === 'br') out += '\n';
        else if (BLOCK.has(name)) lineBreak();
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        // Each paragraph is a line, an empty one too (`<p></p>` is a blank line in a sticky).
        else if (BLOCK.has(name)) out += '\n';
      },
      ontext(text) {
        if (skipping === 0) out += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return cleanText(out);
}

/**
 * Plain text as it goes into front matter: one kind of line break, no control characters
 * (they cannot be seen and some cannot be written in YAML), no-break spaces as spaces,
 * no blank lines at either end and no trailing spaces on lines.
 */
export function cleanText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .replace(/\u00a0/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, '')
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}
