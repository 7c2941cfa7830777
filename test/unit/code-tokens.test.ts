/**
 * The code-token plugin makes code blocks smaller; what readers rely on is that every visible
 * character keeps its colour in both themes. Checked on real Expressive Code output (night-owl
 * dark and light, Starlight's defaults) with and without the plugin, and on hand-made spans.
 */
import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { createRenderer } from '@astrojs/starlight/expressive-code';
import { codeTokensPlugin, isInvisibleToken, simplifyTokens } from '../../src/integration/code-tokens-plugin.ts';

const FOREGROUNDS = ['#d6deeb', '#403f53'];
const span = (style: string, text: string, extra: Record<string, unknown> = {}): Element => ({
  type: 'element',
  tagName: 'span',
  properties: { style, ...extra },
  children: [{ type: 'text', value: text }],
});
const line = (...children: ElementContent[]): Element => ({ type: 'element', tagName: 'div', properties: {}, children });

describe('which token spans show nothing of their own', () => {
  it('a word in the plain code colour of every theme, or whitespace in any colour', () => {
    expect(isInvisibleToken(span('--0:#D6DEEB;--1:#403F53', 'echo'), FOREGROUNDS)).toBe(true);
    expect(isInvisibleToken(span('--0:#82AAFF;--1:#3B61B0', '  '), FOREGROUNDS)).toBe(true);
  });

  it('keeps a token coloured in only one theme, or with a background, underline or font style', () => {
    expect(isInvisibleToken(span('--0:#D6DEEB;--1:#AA0982', 'x'), FOREGROUNDS)).toBe(false);
    expect(isInvisibleToken(span('--0:#D6DEEB', 'x'), FOREGROUNDS)).toBe(false);
    expect(isInvisibleToken(span('--0:#D6DEEB;--1:#403F53;--0bg:#FF000055;--1bg:#FF000055', ' '), FOREGROUNDS)).toBe(false);
    expect(isInvisibleToken(span('--0:#D6DEEB;--1:#403F53;--0td:underline;--1td:underline', ' '), FOREGROUNDS)).toBe(false);
    expect(isInvisibleToken(span('--0:#D6DEEB;--1:#403F53;--0fs:italic;--1fs:italic', 'x'), FOREGROUNDS)).toBe(false);
  });

  it('never touches spans other plugins made (classes) or that hold markup', () => {
    expect(isInvisibleToken(span('--0:#D6DEEB;--1:#403F53', 'x', { className: ['mark'] }), FOREGROUNDS)).toBe(false);
    const nested: Element = { ...span('--0:#D6DEEB;--1:#403F53', ''), children: [span('--0:#82AAFF;--1:#3B61B0', 'x')] };
    expect(isInvisibleToken(nested, FOREGROUNDS)).toBe(false);
  });
});

describe('simplifying a rendered line', () => {
  it('drops invisible spans, joins same-colour tokens across spaces, keeps every character', () => {
    const node = line(
      span('--0:#82AAFF;--1:#3B61B0', 'kubectl'),
      span('--0:#D6DEEB;--1:#403F53', ' '),
      span('--0:#ECC48D;--1:#3B61B0', 'get'),
      span('--0:#D6DEEB;--1:#403F53', ' '),
      span('--0:#ECC48D;--1:#3B61B0', 'pods'),
      span('--0:#D6DEEB;--1:#403F53', ' | '),
      span('--0:#ECC48D;--1:#3B61B0', 'wc'),
    );
    simplifyTokens(node, FOREGROUNDS);
    expect(node.children).toEqual([
      span('--0:#82AAFF;--1:#3B61B0', 'kubectl'),
      { type: 'text', value: ' ' },
      span('--0:#ECC48D;--1:#3B61B0', 'get pods'),
      { type: 'text', value: ' | ' },
      span('--0:#ECC48D;--1:#3B61B0', 'wc'),
    ]);
  });

  it('does not join tokens of the same colour across visible text', () => {
    const node = line(span('--0:#ECC48D;--1:#3B61B0', 'a'), { type: 'text', value: '=' }, span('--0:#ECC48D;--1:#3B61B0', 'b'));
    simplifyTokens(node, FOREGROUNDS);
    expect(node.children).toHaveLength(3);
  });
});

/** Every character of a rendered block's code with its colour in each theme (`fg` = the code colour). */
function colouredText(root: Root | Element): { char: string; colours: string }[] {
  const out: { char: string; colours: string }[] = [];
  const walk = (node: Root | ElementContent, colours: string) => {
    if (node.type === 'text') {
      for (const char of node.value) out.push({ char, colours });
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let own = colours;
    if (node.type === 'element') {
      if ((node.properties?.className as string[] | undefined)?.includes('sr-only')) return;
      const style = node.properties?.style;
      if (node.tagName === 'span' && typeof style === 'string' && style.startsWith('--')) own = style.toLowerCase();
    }
    for (const child of node.children) walk(child as ElementContent, own);
  };
  walk(root, 'fg');
  return out;
}

const countSpans = (root: Root | ElementContent): number =>
  root.type === 'element' || root.type === 'root'
    ? (root.type === 'element' && root.tagName === 'span' ? 1 : 0) + root.children.reduce((n, c) => n + countSpans(c as ElementContent), 0)
    : 0;

describe('on real Expressive Code output', () => {
  const BLOCKS = [
    ['bash', 'kubectl -n app get pods -l app=search-api -o wide\ngcloud sql instances describe search-api --format="value(state,gceZone)"\n  # 戻す前に確認する\n'],
    ['sql', "SELECT httpRequest.status, COUNT(*) AS n\nFROM `logs.requests`\nWHERE timestamp > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR)\nGROUP BY 1 ORDER BY n DESC"],
    ['yaml', 'groups:\n  - name: search\n    rules:\n      - alert: SLOBurnRateHigh\n        expr: rate(errors[5m]) > 0.1 # 5 分\n'],
  ] as const;
  const render = async (plugins: ReturnType<typeof codeTokensPlugin>[], code: string, language: string) =>
    (await createRenderer({ themes: ['night-owl', 'night-owl-light'], plugins })).ec.render({ code, language });

  for (const [language, code] of BLOCKS) {
    it(`${language}: same text, every visible character the same colour in both themes, fewer spans`, async () => {
      const before = (await render([], code, language)).renderedGroupAst;
      const after = (await render([codeTokensPlugin()], code, language)).renderedGroupAst;
      const [a, b] = [colouredText(before), colouredText(after)];
      expect(b.map((c) => c.char).join('')).toBe(a.map((c) => c.char).join(''));
      const FG = 'fg';
      const visible = (list: typeof a) =>
        list.map(({ char, colours }) => (/\s/.test(char) ? ' ' : colours === FG || colours === '--0:#d6deeb;--1:#403f53' ? FG : colours));
      expect(visible(b)).toEqual(visible(a));
      expect(countSpans(after)).toBeLessThan(countSpans(before) * 0.8);
    });
  }
});
