import { describe, expect, it } from 'vitest';
import { bodyAtSourcePosition } from '../../src/lib/content/source-lines.ts';

/** Where `needle` is in `text`, as 1-based line and column. */
const position = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
};
/** What Astro's Markdown loader renders: the text after the front matter, trimmed. */
const loaderBody = (source: string) => source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();

describe('a Markdown body at its source position', () => {
  it.each([
    ['front matter and blank lines', '---\ntitle: 手順\nowners: [aoki]\n---\n\n\n## 目的\n\n本文 [x](/nope/)\n'],
    ['no front matter', '\n\n本文 [x](/nope/)\n'],
    ['CRLF line ends', '---\r\ntitle: 手順\r\n---\r\n\r\n本文 [x](/nope/)\r\n'],
    ['an indented first line', '---\ntitle: 手順\n---\n\n  本文 [x](/nope/)\n'],
  ])('puts every character on its line and column in the file (%s)', (_, source) => {
    const body = bodyAtSourcePosition(source, loaderBody(source));
    expect(position(body, '[x]')).toEqual(position(source, '[x]'));
    expect(body.trim()).toBe(loaderBody(source));
  });

  it('never indents the first line into a code block', () => {
    const source = '---\ntitle: 手順\n---\n\n    本文\n';
    expect(bodyAtSourcePosition(source, '本文')).toBe('\n\n\n\n本文');
  });

  it('leaves a body it cannot find in the source as it is', () => {
    expect(bodyAtSourcePosition('---\ntitle: x\n---\n本文\n', '別の本文')).toBe('別の本文');
    expect(bodyAtSourcePosition('---\ntitle: x\n---\n', '')).toBe('');
  });
});
