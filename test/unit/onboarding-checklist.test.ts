import { describe, expect, it } from 'vitest';
import { makeOnboardingSchema } from '../../src/lib/content/schema.ts';
import { renderChecklist } from '../../src/lib/onboarding/checklist.ts';
import { resolvePath, type PageInfo } from '../../src/lib/onboarding/paths.ts';

const PAGES = new Map<string, PageInfo>([
  ['guideline/values', { title: '大切にしていること', description: '', minutes: 4, reviewed: '2026-09-10', reviewEvery: 180 }],
  ['runbooks/db', { title: 'DB [本番] フェイルオーバー', description: '', minutes: 6, reviewed: '2026-05-01', reviewEvery: 90 }],
]);
const data = makeOnboardingSchema(new Set(), new Set(PAGES.keys())).parse({
  title: '初日',
  audience: '初日',
  steps: [
    { page: 'guideline/values', why: '土台になる考え方' },
    { task: 'BigQuery の権限を申請する', why: '調査に必要', minutes: 10, link: 'https://forms.example.com/a (b)' },
    { page: 'runbooks/db', why: '重要', optional: true },
    { task: '[悪意](javascript:alert(1)) のある <b>文字</b>', why: '複数行の\n説明' },
  ],
});
const path = resolvePath('first-day', data, PAGES, '2026-11-24');

describe('renderChecklist', () => {
  it('lists every step as a task with its link, time, optional and overdue marks, and why', () => {
    const md = renderChecklist(path, { siteUrl: 'https://hb.example.com/handbook/', locale: 'ja' });
    expect(md.split('\n')).toEqual([
      '## 初日（初日）',
      '',
      'パス: https://hb.example.com/handbook/onboarding/first-day/ · 合計 約 20 分',
      '',
      '- [ ] [大切にしていること](https://hb.example.com/handbook/guideline/values/)（4 分）',
      '  土台になる考え方',
      '- [ ] [BigQuery の権限を申請する](https://forms.example.com/a%20%28b%29)（10 分）',
      '  調査に必要',
      '- [ ] [DB \\[本番\\] フェイルオーバー](https://hb.example.com/handbook/runbooks/db/)（6 分、任意、レビュー期限切れ、内容に注意）',
      '  重要',
      '- [ ] \\[悪意\\](javascript:alert(1)) のある \\<b\\>文字\\</b\\>',
      '  複数行の 説明',
      '',
    ]);
  });

  it('uses site-relative links without a site URL, and English labels', () => {
    const md = renderChecklist(path, { siteUrl: '/', locale: 'en' });
    expect(md).toContain('## 初日 (初日)');
    expect(md).toContain('Path: /onboarding/first-day/ · about 20 min');
    expect(md).toContain('- [ ] [大切にしていること](/guideline/values/) (4 min)');
    expect(md).toContain('(6 min, optional, overdue for review, double-check it)');
  });
});
