/**
 * `--fix` edits only the reported spots: the rest of a page, MDX included, stays byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { applyFixes } from '../../src/lib/lint/fixes.ts';
import { makeLinter, type Syntax } from '../../src/lib/lint/processor.ts';
import { resolveLintConfig } from '../../src/lib/lint/config.ts';

function messagesOf(text: string, syntax: Syntax = 'md') {
  const config = resolveLintConfig();
  const linter = makeLinter(syntax, {
    sections: config.sections,
    links: { site: { routes: new Set(), routeOfFile: new Map(), base: '/' }, anchorsOfFile: () => undefined, fileOfRoute: () => undefined },
  });
  const file = new VFile({ path: `/c/x.${syntax}`, value: text, data: { page: { frontMatter: {} } } });
  linter.runSync(linter.parse(file), file);
  return file.messages;
}

function fix(text: string, syntax: Syntax = 'md') {
  const result = applyFixes(text, messagesOf(text, syntax));
  return { ...result, remaining: messagesOf(result.text, syntax).map((m) => m.ruleId) };
}

describe('applyFixes', () => {
  it('adds the final newline', () => {
    expect(fix('## a\n\ntext')).toEqual({ text: '## a\n\ntext\n', fixed: 1, remaining: [] });
  });

  it('wraps literal URLs in <> (Markdown) and leaves the rest of the line alone', () => {
    const r = fix('## a\n\nSee https://example.com/x and *this*.\n');
    expect(r.text).toBe('## a\n\nSee <https://example.com/x> and *this*.\n');
    expect(r.remaining).toEqual([]);
  });

  it('fixes several literal URLs on one line', () => {
    expect(fix('## a\n\nhttps://a.example https://b.example\n').text).toBe('## a\n\n<https://a.example> <https://b.example>\n');
  });

  it('turns shortcut references into collapsed ones and list markers into the file\'s own style', () => {
    const r = fix('## a\n\n[x]\n\n1. one\n\ntext\n\n1) two\n2) three\n\n[x]: https://example.com\n');
    expect(r.text).toBe('## a\n\n[x][]\n\n1. one\n\ntext\n\n1. two\n2. three\n\n[x]: https://example.com\n');
    expect(r.remaining).toEqual([]);
    expect(fix('## a\n\n1) one\n\ntext\n\n1. two\n').text).toBe('## a\n\n1) one\n\ntext\n\n1) two\n');
  });

  it('removes extra spaces after # in a heading and in hard breaks', () => {
    expect(fix('##   a\n\nline one   \nline two\n').text).toBe('## a\n\nline one  \nline two\n');
  });

  it('touches nothing it cannot fix for sure: an MDX page keeps its tables, JSX and expressions', () => {
    const mdx = '## 表\n\n|a|b|\n|-|-|\n|1|2|\n\n<Aside type="note">x</Aside>\n\n{/* comment */}\n\n* one\n* two\n\n_em_ and __strong__\n';
    const r = fix(mdx, 'mdx');
    expect(r.text).toBe(mdx);
    expect(r.fixed).toBe(0);
  });
});
