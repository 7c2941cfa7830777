/** `npm run new` templates: valid front matter, the required sections, clean lint, a sane file name. */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { renderNewPage, sectionsFor, slugFromTitle, type NewKind } from '../../src/lib/scaffold/templates.ts';
import { makeSchemas } from '../../src/lib/content/schema.ts';
import { makeLinter } from '../../src/lib/lint/processor.ts';
import { resolveLintConfig } from '../../src/lib/lint/config.ts';

const FM = /^---\n([\s\S]*?)\n---\n/;

function lintMessages(text: string, kind: NewKind) {
  const config = resolveLintConfig();
  const linter = makeLinter('mdx', {
    sections: config.sections,
    links: { site: { routes: new Set(), routeOfFile: new Map(), base: '/' }, anchorsOfFile: () => undefined, fileOfRoute: () => undefined },
  });
  const file = new VFile({ path: `/c/${kind}/x.mdx`, value: text, data: { page: { kind, frontMatter: parseYaml(FM.exec(text)![1]) } } });
  linter.runSync(linter.parse(file), file);
  return file.messages.map((m) => `${m.ruleId}: ${m.reason}`);
}

describe('renderNewPage', () => {
  const schemas = makeSchemas(new Set(['aoki', 'baba']));
  for (const kind of ['runbooks', 'guideline', 'handover'] as const) {
    it(`a new ${kind} page is valid for the build's schema and lints clean`, () => {
      const text = renderNewPage({ kind, title: 'Cloud SQL: フェイルオーバー "手順"', owners: ['aoki'], today: '2026-11-24', order: 3 });
      const fm = parseYaml(FM.exec(text)![1]);
      const parsed = schemas[kind].safeParse(fm);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(fm).toMatchObject({ title: 'Cloud SQL: フェイルオーバー "手順"', owners: ['aoki'], reviewed: '2026-11-24' });
      expect(lintMessages(text, kind)).toEqual([]);
    });
  }

  it('a runbook has the Japanese sections in order, with 切り戻し before エスカレーション', () => {
    const text = renderNewPage({ kind: 'runbooks', title: 'x', owners: ['aoki'], today: '2026-11-24', service: 'cloud-sql', severity: 'critical' });
    expect(text.match(/^## .+$/gm)).toEqual(['## 概要', '## 影響', '## 調査', '## 対応', '## 切り戻し', '## エスカレーション']);
    expect(text).toMatch(/^service: cloud-sql$/m);
    expect(text).toMatch(/^severity: critical$/m);
    expect(text).toMatch(/^owners: \[aoki\]$/m);
  });

  it('follows the configured sections', () => {
    expect(sectionsFor('runbooks', ['overview', 'mitigation'])).toEqual(['overview', 'mitigation', 'rollback']);
    expect(sectionsFor('guideline', [])).toEqual(['purpose']);
  });
});

describe('slugFromTitle', () => {
  it('uses the ASCII words of the title', () => {
    expect(slugFromTitle('Cloud SQL のフェイルオーバー', 'runbooks', '2026-11-24')).toBe('cloud-sql');
    expect(slugFromTitle('GKE: Node Pressure!', 'runbooks', '2026-11-24')).toBe('gke-node-pressure');
    expect(slugFromTitle('ＢｉｇＱｕｅｒｙ 調査', 'runbooks', '2026-11-24')).toBe('bigquery');
  });
  it('falls back to kind and date for a title without ASCII words', () => {
    expect(slugFromTitle('オンコールの心得', 'guideline', '2026-11-24')).toBe('guideline-2026-11-24');
    expect(slugFromTitle('DB 障害', 'runbooks', '2026-11-24')).toBe('runbook-2026-11-24');
  });
});
