/**
 * hikitsugi's own lint rules, each with a page that fails and one that passes, run through the
 * same unified processor as `npm run lint:content` (parser, presets, rules, lint comments).
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { makeLinter, makeParser, type Syntax } from '../../src/lib/lint/processor.ts';
import { resolveLintConfig, severityOf, type LintConfig } from '../../src/lib/lint/config.ts';
import { headingAnchors } from '../../src/lib/lint/anchors.ts';
import { formatGithub, formatText } from '../../src/lib/lint/report.ts';
import { headingMatches, normalizeHeading, sectionConfig } from '../../src/lib/lint/sections.ts';
import type { Kind } from '../../src/lib/content/schema.ts';
import type { Root } from 'mdast';

/** A tiny site: two runbooks, one guideline. Paths are absolute, as the runner gives them. */
const PAGES: Record<string, string> = {
  '/c/runbooks/db.mdx': '---\ntitle: DB\n---\n\n## 概要\n\n## 2. DB のログを確認する\n\n## 確認\n\n## 確認\n',
  '/c/runbooks/gke/node.mdx': '---\ntitle: Node\n---\n\n## Overview\n',
  '/c/guideline/intro.mdx': '---\ntitle: Intro\n---\n\n## はじめに\n',
};
const ROUTE: Record<string, string> = {
  '/c/runbooks/db.mdx': '/runbooks/db/',
  '/c/runbooks/gke/node.mdx': '/runbooks/gke/node/',
  '/c/guideline/intro.mdx': '/guideline/intro/',
};
const routes = new Set(['/', '/runbooks/', '/guideline/', ...Object.values(ROUTE)].flatMap((r) => [r, `/en${r}`]));
const routeOfFile = new Map(Object.entries(ROUTE));
const fileOfRoute = new Map(Object.entries(ROUTE).flatMap(([f, r]) => [[r, f], [`/en${r}`, f]] as [string, string][]));

function lint(body: string, opts: { kind?: Kind; path?: string; frontMatter?: string; config?: LintConfig } = {}) {
  const path = opts.path ?? `/c/${opts.kind ?? 'runbooks'}/page.mdx`;
  const syntax: Syntax = path.endsWith('.mdx') ? 'mdx' : 'md';
  const fm = opts.frontMatter ?? 'title: T';
  const source = `---\n${fm}\n---\n\n${body}`;
  const config = resolveLintConfig(opts.config);
  const linter = makeLinter(syntax, {
    sections: config.sections,
    links: {
      site: { routes, routeOfFile: new Map([...routeOfFile, [path, '/runbooks/page/']]), base: '/' },
      anchorsOfFile: (p) => (PAGES[p] ? headingAnchors(makeParser('mdx').parse(PAGES[p]) as Root) : undefined),
      fileOfRoute: (r) => fileOfRoute.get(r),
    },
  });
  const frontMatter = parseYaml(fm) as Record<string, unknown>;
  const file = new VFile({ path, value: source, data: { page: { kind: opts.kind ?? 'runbooks', frontMatter } } });
  linter.runSync(linter.parse(file), file);
  return file.messages
    .map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, reason: m.reason, severity: severityOf(m, { adopted: 'adopted_from' in frontMatter }, config) }))
    .filter((m) => m.severity);
}
const ids = (messages: { ruleId?: string | null }[]) => messages.map((m) => m.ruleId);

const RUNBOOK_JA = `## 概要

説明。

## 影響

影響。

## 調査

\`\`\`bash
kubectl get pods
\`\`\`

## 対応

対応。

## 切り戻し

戻し方。

## エスカレーション

連絡先。
`;
const RUNBOOK_EN = RUNBOOK_JA.replace('## 概要', '## Overview')
  .replace('## 影響', '## Impact')
  .replace('## 調査', '## Diagnosis')
  .replace('## 対応', '## Mitigation')
  .replace('## 切り戻し', '## Rollback')
  .replace('## エスカレーション', '## Escalation');

describe('required-sections', () => {
  it('a runbook with the Japanese sections passes', () => {
    expect(lint(RUNBOOK_JA)).toEqual([]);
  });

  it('a runbook with the English sections passes, and Meaning counts as Overview', () => {
    expect(lint(RUNBOOK_EN)).toEqual([]);
    expect(lint(RUNBOOK_EN.replace('## Overview', '## Meaning'))).toEqual([]);
  });

  it('numbered or annotated headings count: "1. 概要", "対応手順", "Mitigation steps", "影響（ユーザー）"', () => {
    const body = RUNBOOK_JA.replace('## 概要', '## 1. 概要').replace('## 対応', '## 対応手順').replace('## 影響', '## 影響（ユーザー）');
    expect(lint(body)).toEqual([]);
    expect(lint(RUNBOOK_EN.replace('## Mitigation', '## Mitigation steps'))).toEqual([]);
  });

  it('missing sections fail once per page, naming them in Japanese and English', () => {
    const messages = lint(RUNBOOK_JA.replace('## 影響', '## 背景').replace('## エスカレーション', '## メモ'));
    expect(ids(messages)).toEqual(['required-sections']);
    expect(messages[0]).toMatchObject({ severity: 'error', line: 1, column: 1 });
    expect(messages[0].reason).toMatch(/"影響 \/ Impact", "エスカレーション \/ Escalation"/);
  });

  it('front matter `escalation:` stands in for the エスカレーション section', () => {
    const body = RUNBOOK_JA.replace(/## エスカレーション[\s\S]*$/, '');
    expect(ids(lint(body))).toEqual(['required-sections']);
    expect(lint(body, { frontMatter: 'title: T\nescalation: 15 分で戻らなければテックリードを呼ぶ' })).toEqual([]);
  });

  it('a "Mitigation" inside a word does not count (Mitigationless)', () => {
    expect(ids(lint(RUNBOOK_EN.replace('## Mitigation', '## Mitigationless')))).toEqual(['required-sections']);
  });

  it('handover sections are checked too; guideline chapters have none by default', () => {
    expect(ids(lint('## この引き継ぎについて\n', { kind: 'handover', path: '/c/handover/x.mdx' }))).toEqual(['required-sections']);
    expect(lint('## 自由な見出し\n', { kind: 'guideline', path: '/c/guideline/x.mdx' })).toEqual([]);
  });

  it('the config decides which sections are required and adds names', () => {
    const config = { sections: { runbooks: ['overview', 'mitigation'] }, aliases: { mitigation: ['暫定対応'] } };
    expect(lint('## 概要\n\n## 暫定対応\n', { config })).toEqual([]);
    expect(() => resolveLintConfig({ sections: { runbooks: ['nonsense'] } })).toThrow(/unknown section "nonsense"/);
  });

  it('on an adopted page the missing sections only warn', () => {
    const messages = lint('## Meaning\n\nText.\n', { frontMatter: 'title: T\nadopted_from: runbooks/x.md' });
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['required-sections', 'warning']]);
  });
});

describe('rollback-section', () => {
  it('a runbook with a command block and no 切り戻し section warns at the first command', () => {
    const messages = lint(RUNBOOK_JA.replace('## 切り戻し', '## 補足'));
    expect(messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([['rollback-section', 'warning', 15]]);
    expect(messages[0].reason).toMatch(/切り戻し \/ Rollback/);
  });

  it('a Rollback or ロールバック heading at any level satisfies it', () => {
    expect(lint(RUNBOOK_JA.replace('## 切り戻し', '### ロールバック'))).toEqual([]);
    expect(lint(RUNBOOK_EN)).toEqual([]);
  });

  it('code that is not a command (SQL, YAML, output without a language) does not need a rollback', () => {
    const body = RUNBOOK_JA.replace('```bash', '```sql').replace('## 切り戻し', '## 補足');
    expect(lint(body)).toEqual([]);
  });

  it('does not apply to guideline pages', () => {
    expect(lint('## 手順\n\n```bash\nls\n```\n', { kind: 'guideline', path: '/c/guideline/x.mdx' })).toEqual([]);
  });
});

describe('heading-structure', () => {
  it('a # heading in the body is a second title', () => {
    const messages = lint(`# 二つ目のタイトル\n\n${RUNBOOK_JA}`);
    expect(messages.map((m) => [m.ruleId, m.line, m.severity])).toEqual([['heading-structure', 5, 'error']]);
    expect(messages[0].reason).toMatch(/title comes from front matter/);
  });

  it('skipping a level fails (## then ####), going back up is fine', () => {
    const messages = lint(`${RUNBOOK_JA}\n#### 深すぎる\n\n## 付録\n\n### 詳細\n`);
    expect(messages.map((m) => [m.ruleId, m.reason, m.severity])).toEqual([['heading-structure', 'heading level skipped: h4 after h2; use ###', 'error']]);
  });

  it('a page starting at ### skips h2', () => {
    expect(ids(lint('### いきなり\n', { kind: 'guideline', path: '/c/guideline/x.mdx' }))).toEqual(['heading-structure']);
  });
});

describe('link-targets', () => {
  const page = (link: string) => lint(`${RUNBOOK_JA}\n[リンク](${link})\n`);

  it('links to existing pages, by URL or by source file, pass', () => {
    for (const link of ['/runbooks/db/', '/en/runbooks/db/', './db.mdx', './gke/node.mdx', '../guideline/intro.mdx', 'https://example.com/x#y']) {
      expect(page(link), link).toEqual([]);
    }
  });

  it('a link to a missing page fails with the resolver the build uses', () => {
    const messages = page('/runbooks/nope/');
    expect(messages.map((m) => m.ruleId)).toEqual(['link-targets']);
    expect(messages[0].reason).toMatch(/broken internal link.*\/runbooks\/nope\//);
    expect(ids(page('./missing.mdx'))).toEqual(['link-targets']);
  });

  it('a #fragment must name a heading on this page, with Japanese slugs like the built page', () => {
    expect(page('#概要')).toEqual([]);
    expect(page(`#${encodeURIComponent('エスカレーション')}`)).toEqual([]);
    expect(page('#_top')).toEqual([]);
    const messages = page('#rollback');
    expect(messages.map((m) => m.ruleId)).toEqual(['link-targets']);
    expect(messages[0].reason).toMatch(/no heading with id "rollback"/);
  });

  it('a misspelt #fragment gets the heading it meant', () => {
    expect(page('#エスカレエション')[0].reason).toMatch(/did you mean "#エスカレーション"\?/);
  });

  it('a fragment on another page is checked against that page\'s headings (numbered, duplicate)', () => {
    expect(page('/runbooks/db/#2-db-のログを確認する')).toEqual([]);
    expect(page('/runbooks/db/#確認-1')).toEqual([]);
    expect(page('./db.mdx#概要')).toEqual([]);
    const messages = page('/runbooks/db/#対応');
    expect(messages.map((m) => m.ruleId)).toEqual(['link-targets']);
    expect(messages[0].reason).toMatch(/\/runbooks\/db\/ has no heading with id "対応"/);
  });

  it('fragments on generated pages (indexes) are not guessed at', () => {
    expect(page('/runbooks/#anything')).toEqual([]);
  });

  it('reference definitions are checked too', () => {
    expect(ids(lint(`${RUNBOOK_JA}\n[手順][x]\n\n[x]: /runbooks/gone/\n`))).toEqual(['link-targets']);
  });
});

describe('no-secrets in the linter', () => {
  const token = ['gh', 'p_', 'aB3dE5gH7jK9mN2pQ4sT6vW8yZaB3dE5gH7jK9'].join('');

  it('fails, and stays an error on adopted pages and when the config says off', () => {
    for (const opts of [{}, { frontMatter: 'title: T\nadopted_from: x.md' }, { config: { rules: { 'no-secrets': 'off' as const } } }]) {
      const messages = lint(`${RUNBOOK_JA}\nGITHUB_TOKEN=${token}\n`, opts);
      expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([['no-secrets', 'error']]);
      expect(messages[0].reason).not.toContain(token);
    }
  });
});

describe('lint comments and syntax', () => {
  it('{/* lint ignore */} in MDX and <!-- lint ignore --> in Markdown silence hikitsugi rules', () => {
    expect(lint(`${RUNBOOK_JA}\n{/* lint ignore link-targets */}\n[x](/runbooks/nope/)\n`)).toEqual([]);
    expect(lint(`${RUNBOOK_JA}\n<!-- lint ignore link-targets -->\n[x](/runbooks/nope/)\n`, { path: '/c/runbooks/page.md' })).toEqual([]);
  });

  it('Markdown files may use <https://...> autolinks; in MDX bare URLs are allowed (MDX has no autolinks)', () => {
    expect(ids(lint(`${RUNBOOK_JA}\nSee https://example.com now.\n`, { path: '/c/runbooks/page.md' }))).toEqual(['no-literal-urls']);
    expect(lint(`${RUNBOOK_JA}\nSee https://example.com now.\n`)).toEqual([]);
  });

  it('a MDX syntax error throws with its position (the runner reports it as mdx-syntax)', () => {
    expect(() => lint(`${RUNBOOK_JA}\n<div>\n`)).toThrow(/Expected a closing tag/);
  });

  it('preset rules warn by default and follow the config', () => {
    const mixed = `${RUNBOOK_JA}\n1. one\n\ntext\n\n1) two\n`;
    expect(lint(`${RUNBOOK_JA}\n1. one\n2. two\n`, { path: '/c/runbooks/p.md' })).toEqual([]);
    const messages = lint(mixed, { path: '/c/runbooks/p.md' });
    // +4: the front matter (3 lines) and the blank line the helper puts before the body.
    const line = mixed.split('\n').indexOf('1) two') + 1 + 4;
    expect(messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([['ordered-list-marker-style', 'warning', line]]);
    expect(lint(mixed, { path: '/c/runbooks/p.md', config: { rules: { 'ordered-list-marker-style': 'off' } } })).toEqual([]);
    expect(lint(mixed, { path: '/c/runbooks/p.md', config: { rules: { 'ordered-list-marker-style': 'error' } } })[0].severity).toBe('error');
  });
});

describe('section names', () => {
  it('normalizes numbering, width and notes in brackets', () => {
    expect(normalizeHeading('１．概要（このページについて）')).toBe('概要');
    expect(normalizeHeading('2) Impact:')).toBe('impact');
  });
  it('matches English names case-insensitively and Japanese prefixes', () => {
    const config = sectionConfig();
    expect(headingMatches('DIAGNOSIS', 'diagnosis', config)).toBe(true);
    expect(headingMatches('原因調査', 'diagnosis', config)).toBe(true);
    expect(headingMatches('影響範囲と期間', 'impact', config)).toBe(true);
    expect(headingMatches('Impacted', 'impact', config)).toBe(false);
  });
});

describe('output', () => {
  const m = { path: 'content/runbooks/a.mdx', line: 12, column: 3, message: 'broken internal link: x', ruleId: 'link-targets', severity: 'error' as const };
  it('prints file:line:column  message  rule-id', () => {
    expect(formatText(m)).toBe('content/runbooks/a.mdx:12:3  broken internal link: x  link-targets');
    expect(formatText({ ...m, severity: 'warning' })).toBe('content/runbooks/a.mdx:12:3  warning: broken internal link: x  link-targets');
  });
  it('GitHub annotations escape what would break the workflow command', () => {
    expect(formatGithub({ ...m, message: '50% done\nnext', path: 'a,b.mdx' })).toBe('::error file=a%2Cb.mdx,line=12,col=3,title=link-targets::50%25 done%0Anext');
  });
});
