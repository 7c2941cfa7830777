/**
 * The one-pass highlighter must colour every character as Expressive Code's own Shiki plugin does,
 * in both themes (colour and font style). Checked on real Expressive Code output for blocks in the
 * languages runbooks use, the ones it hands to the upstream plugin, and every fenced block of the
 * shared corpora when they are beside the repository.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element, ElementContent, Root } from 'hast';
import { createRenderer, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';
import { coloursFor, highlightPlugin, tokenizesItself } from '../../src/integration/highlight-plugin.ts';
import { codeTokensPlugin } from '../../src/integration/code-tokens-plugin.ts';

const REPO = resolve(import.meta.dirname, '../..');
const LANG_ALIAS = { promql: 'txt' };
const THEMES = ['night-owl', 'night-owl-light'] as const;

/**
 * Each character of the code with the style properties it gets from all its spans (Expressive
 * Code nests spans where the themes' tokens differ), as `char<TAB>--0:…;--1:…` sorted. A space
 * shows no colour or font, only a background or a line through or under it; a colour that is
 * every theme's plain code colour (`foregrounds`, the code element's own) shows as none ("fg").
 */
function styledText(root: Root | Element, foregrounds: readonly string[]): string[] {
  const out: string[] = [];
  const plain = (style: ReadonlyMap<string, string>) => style.size === foregrounds.length && foregrounds.every((colour, i) => style.get(`--${i}`) === colour.toLowerCase());
  const walk = (node: Root | ElementContent, style: ReadonlyMap<string, string>) => {
    if (node.type === 'text') {
      const text = (space: boolean) =>
        [...(plain(style) ? new Map() : style)]
          .filter(([k]) => !space || /(bg|td)$/.test(k))
          .sort()
          .map(([k, v]) => `${k}:${v}`)
          .join(';') || 'fg';
      for (const char of node.value) out.push(`${char}\t${text(/\s/.test(char))}`);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let own = style;
    if (node.type === 'element') {
      if ((node.properties?.className as string[] | undefined)?.includes('sr-only')) return;
      const value = node.properties?.style;
      if (node.tagName === 'span' && typeof value === 'string' && value.startsWith('--')) {
        own = new Map([...style, ...value.split(';').map((d) => d.split(':').map((x) => x.trim().toLowerCase()) as [string, string])]);
      }
    }
    for (const child of node.children) walk(child as ElementContent, own);
  };
  walk(root, new Map());
  return out;
}

const countSpans = (root: Root | ElementContent): number =>
  root.type === 'element' || root.type === 'root'
    ? (root.type === 'element' && root.tagName === 'span' ? 1 : 0) + root.children.reduce((n, c) => n + countSpans(c as ElementContent), 0)
    : 0;

async function renderers() {
  const upstream = await createRenderer({ themes: [...THEMES], shiki: { langAlias: LANG_ALIAS } });
  const ours = await createRenderer({ themes: [...THEMES], shiki: false, plugins: [highlightPlugin({ langAlias: LANG_ALIAS }) as ExpressiveCodePlugin] });
  const tidied = await createRenderer({ themes: [...THEMES], shiki: false, plugins: [highlightPlugin({ langAlias: LANG_ALIAS }), codeTokensPlugin()] as ExpressiveCodePlugin[] });
  const foregrounds = ours.ec.styleVariants.map((variant) => String(variant.resolvedStyleSettings.get('codeForeground')));
  return async (code: string, language: string) => {
    const a = (await upstream.ec.render({ code, language })).renderedGroupAst;
    const b = (await ours.ec.render({ code, language })).renderedGroupAst;
    const c = (await tidied.ec.render({ code, language })).renderedGroupAst;
    // Spans: upstream's, ours, ours tidied by code-tokens-plugin; whether our tokenizer handled the block.
    const ownLanguage = tokenizesItself(LANG_ALIAS[language as keyof typeof LANG_ALIAS] ?? language);
    return { upstream: styledText(a, foregrounds), ours: styledText(b, foregrounds), spans: [countSpans(a), countSpans(b), countSpans(c)], ownLanguage };
  };
}

const BLOCKS: Array<[language: string, code: string]> = [
  ['bash', 'kubectl -n <namespace> get pods -l app=search-api -o wide\n\ncat <<EOF > /tmp/x.yaml\nkey: "$VALUE"\n\nEOF\n  # 戻す前に確認する\nfor i in $(seq 1 3); do echo "${i}"; done'],
  ['yaml', 'groups:\n  - name: search\n    rules:\n      - alert: SLOBurnRateHigh\n        expr: |\n          rate(errors[5m]) > 0.1 # 5 分\n        labels: { severity: page }\n'],
  ['json', '{"a": [1, 2.5, true, null], "b": {"c": "d\\n"}}'],
  ['ts', 'export async function f<T extends object>(x: T): Promise<T> {\n  // why\n  return /re[a-z]+/gi.test(`${x}`) ? x : await g(x as never);\n}'],
  ['python', 'import os\n\n@decorator\ndef main(argv: list[str]) -> int:\n    """Doc."""\n    return 0 if os.environ.get("X") else f"{argv!r}"\n'],
  ['go', 'package main\n\nfunc main() {\n\tfmt.Println("hi", 0x1F)\n}'],
  ['hcl', 'resource "google_sql_database_instance" "main" {\n  name = "db-${var.env}"\n  settings { tier = "db-f1-micro" }\n}'],
  ['sql', "SELECT status, COUNT(*) AS n FROM `logs.requests`\nWHERE ts > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 1 HOUR) -- 直近\nGROUP BY 1;"],
  ['dockerfile', 'FROM node:24-slim AS build\nRUN npm ci && npm run build\nCOPY --from=build /app /app\nCMD ["node", "server.js"]'],
  ['md', '# Title\n\nSome *em* and `code`.\n\n```python\nprint("embedded")\n```\n\n- [link](https://example.com)'],
  ['html', '<style>a { color: red }</style>\n<script>const x = 1 < 2;</script>\n<a href="/x" onclick="go()">x</a>'],
  ['diff', '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new'],
  ['powershell', 'Get-Process | Where-Object { $_.CPU -gt 100 } # comment'],
  // Handed to the upstream plugin: an alias to plain text, ANSI colours, an unknown name.
  ['promql', 'sum(rate(http_requests_total{code=~"5.."}[5m])) by (service)'],
  ['ansi', '\u001b[31mred\u001b[0m and \u001b[1mbold\u001b[0m'],
  ['not-a-language', 'just text <x>'],
];

describe('one tokenization for both themes', () => {
  it('colours every character as the upstream Shiki plugin does, in the languages runbooks use', async () => {
    const render = await renderers();
    for (const [language, code] of BLOCKS) {
      const { upstream, ours } = await render(code, language);
      expect({ language, styled: ours }).toEqual({ language, styled: upstream });
    }
  });

  it('colours something: the comparison is not between two plain renderings', async () => {
    const render = await renderers();
    const { ours } = await render('kubectl get pods # list', 'bash');
    expect(new Set(ours.map((c) => c.split('\t')[1])).size).toBeGreaterThan(2);
  });

  it('needs no more spans than the upstream plugin', async () => {
    const render = await renderers();
    const { spans } = await render(BLOCKS[0][1], 'bash');
    expect(spans[1]).toBeLessThanOrEqual(spans[0]);
  });

  it('leaves no span for code-tokens-plugin to remove: whitespace and plain-colour tokens are never made into spans', async () => {
    const render = await renderers();
    let checked = 0;
    for (const [language, code] of BLOCKS) {
      const { spans, ownLanguage } = await render(code, language);
      if (!ownLanguage) continue;
      expect({ language, spans: spans[1] }).toEqual({ language, spans: spans[2] });
      checked += spans[1];
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("parses a theme once, though every page's renderer hands it as a new object", async () => {
    const made = () => createRenderer({ themes: [...THEMES], shiki: false });
    const [first, second] = await Promise.all([made(), made()]);
    const [dark, light] = first.ec.styleVariants.map((v) => v.theme);
    const [darkAgain, lightAgain] = second.ec.styleVariants.map((v) => v.theme);
    expect(darkAgain).not.toBe(dark);
    expect(await coloursFor(darkAgain)).toBe(await coloursFor(dark));
    expect(await coloursFor(lightAgain)).toBe(await coloursFor(light));
    expect(await coloursFor(light)).not.toBe(await coloursFor(dark));
  });
});

/** Fenced blocks of a corpus's Markdown pages, with the language each names. */
function fencedBlocks(dir: string): Array<[string, string, string]> {
  const blocks: Array<[string, string, string]> = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/^```([\w+-]*)[^\n]*\n([\s\S]*?)^```\s*$/gm)) blocks.push([path, m[1] || 'txt', m[2].replace(/\n$/, '')]);
      }
    }
  };
  walk(dir);
  return blocks;
}

const corpus = ['../shared', '../../shared'].map((p) => resolve(REPO, p, 'corpus')).find((c) => existsSync(c));
if (!corpus) console.warn('highlight-plugin: corpus comparison SKIPPED: shared/corpus is not beside the repository');

describe.skipIf(!corpus)('on the shared corpora', () => {
  it('colours every fenced block of the runbook and Japanese corpora as upstream does', { timeout: 120_000 }, async () => {
    const render = await renderers();
    const blocks = ['prometheus-operator-runbooks', 'openshift-runbooks', 'rust-book-ja', 'vue-docs-ja'].flatMap((name) => fencedBlocks(join(corpus!, name)));
    expect(blocks.length).toBeGreaterThan(500);
    for (const [file, language, code] of blocks) {
      const { upstream, ours, spans, ownLanguage } = await render(code, language);
      expect({ file, language, styled: ours }).toEqual({ file, language, styled: upstream });
      if (ownLanguage) expect({ file, language, spans: spans[1] }).toEqual({ file, language, spans: spans[2] });
    }
  });
});
