/**
 * Retro actions in real builds: bad action fields stop the build naming the file, and a series
 * of retros renders the actions page, carried-over lists and recurring problems from the data,
 * with sticky text escaped and links under the base path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAstro } from '../support/build.ts';
import { itFailsTheBuild, type BadContentCase } from '../support/bad-content.ts';
import { makeContentDir } from '../support/content-fixture.ts';

function retro(slug: string, date: string, items: string, team = 'チーム'): Record<string, string> {
  return {
    [`retros/${slug}.mdx`]: `---
title: 振り返り ${date}
date: ${date}
team: ${team}
owners: [baba]
reviewed: ${date}
items:
${items}
---

メモ
`,
  };
}

const TRY = (fields: string) => `  - kind: try\n    text: ダッシュボードを直す\n${fields}`;

describe.concurrent('bad action fields fail the build naming the file', () => {
  const cases: BadContentCase[] = [
    [
      'an unknown owner on a Try',
      retro('2026-10-20-team', '2026-10-20', TRY('    id: x1\n    owner: yamada\n')),
      [/2026-10-20-team/, /unknown member id "yamada"/],
    ],
    [
      'an unknown status',
      retro('2026-10-20-team', '2026-10-20', TRY('    id: x1\n    status: finished\n')),
      [/2026-10-20-team/, /status/, /open|done|dropped/],
    ],
    [
      'an impossible due date',
      retro('2026-10-20-team', '2026-10-20', TRY('    id: x1\n    due: 2026-11-31\n')),
      [/2026-10-20-team\.mdx/, /due: 2026-11-31/, /not a valid date/],
    ],
    [
      'the same action id in two retros',
      {
        ...retro('2026-10-20-team', '2026-10-20', TRY('    id: dup-1\n')),
        ...retro('2026-11-03-team', '2026-11-03', TRY('    id: dup-1\n')),
      },
      [/2026-11-03-team\.mdx: items\.0 \(action "dup-1"\): action id already used in .*2026-10-20-team\.mdx/],
      'build',
    ],
    [
      'closed_in naming no retro',
      retro('2026-10-20-team', '2026-10-20', TRY('    id: x1\n    status: done\n    closed_in: 2026-13-01-team\n')),
      [/2026-10-20-team\.mdx: items\.0 \(action "x1"\): closed_in "2026-13-01-team" is not a retro/],
      'build',
    ],
    [
      'a retro file that would hide the actions page',
      retro('actions', '2026-10-20', TRY('    id: x1\n')),
      [/retros\/actions\.mdx: the slug "actions" is reserved/],
      'build',
    ],
  ];

  itFailsTheBuild(cases);
});

describe('a series of retros under a base path', () => {
  const HOSTILE = '<script>alert(1)</script> {props} ${x}';
  const files = {
    'retros/2026-10-01-team.mdx': null,
    ...retro(
      '2026-07-01-team',
      '2026-07-01',
      `  - { kind: problem, text: 夜間のオンコール呼び出しが多い }
  - kind: try
    text: "${HOSTILE.replace(/"/g, '\\"')}"
    id: t-1
    owner: aoki
    due: 2026-08-01
  - { kind: try, text: 古い手順書を消す, id: t-2, owner: baba, status: done, closed: 2026-07-20 }`,
    ),
    ...retro('2026-08-01-team', '2026-08-01', `  - { kind: problem, text: 会議室の予約が取れない }\n  - { kind: try, text: 予約ルールを決める, id: t-3 }`),
    ...retro('2026-09-01-team', '2026-09-01', `  - { kind: keep, text: 予約ルールが効いた }`),
    // Content may link to the actions page: the link checker knows it.
    'guideline/intro.mdx': '---\ntitle: はじめに\norder: 1\nowners: [aoki]\nreviewed: 2026-10-01\n---\n\n[未完了のアクション](/retros/actions/)\n',
    ...retro('2026-10-01-team2', '2026-10-01', `  - { kind: problem, text: オンコールの夜間呼び出しが多すぎる }`),
  };

  it('renders actions, carried-over lists and recurring problems from the data', async () => {
    const result = await runAstro({ contentDir: makeContentDir(files), base: '/handbook/' });
    expect(result.code, result.output).toBe(0);
    const page = (path: string) => readFileSync(join(result.outDir, path, 'index.html'), 'utf8');

    const actions = page('retros/actions');
    // Open: t-1 (aoki, 146 days, 3 retros, overdue) and t-3 (unassigned); t-2 is done.
    expect(actions).toMatch(/data-action-id="t-1" data-age-days="146" data-age-retros="3" data-overdue="true"/);
    expect(actions).toMatch(/data-action-id="t-3" data-age-days="115" data-age-retros="2" data-overdue="false"/);
    expect(actions).not.toContain('data-action-id="t-2"');
    expect(actions).toContain('href="/handbook/retros/2026-07-01-team/"');
    // Sticky text is text, never markup.
    expect(actions).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {props} ${x}');
    expect(actions).not.toContain('<script>alert(1)</script>');

    const oct = page('retros/2026-10-01-team2');
    expect(oct).toMatch(/data-action-id="t-1" data-state="open" data-status="open" data-retros-open="3" data-days-open="92"/);
    expect(oct).toMatch(/data-action-id="t-3" data-state="open" data-status="open" data-retros-open="2"/);
    expect(oct).not.toContain('data-action-id="t-2"');
    expect(oct).toMatch(/data-testid="recurring-note" data-count="1"/);
    expect(oct).toContain('href="/handbook/retros/2026-07-01-team/"');

    const index = page('retros');
    expect(index).toContain('data-testid="retro-chart"');
    expect(index).toMatch(/<svg[^>]*role="img"/);
    expect(index.match(/<rect class="hk-bar-/g)).toHaveLength(4 * 4);
    // The English UI links within /en/ under the base.
    expect(page('en/retros/actions')).toContain('href="/handbook/en/retros/2026-07-01-team/"');
    expect(page('guideline/intro')).toContain('href="/handbook/retros/actions/"');
  });
});
