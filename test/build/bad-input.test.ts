/**
 * Bad content must stop the build with the file and the problem named, so the author can fix
 * it from the CI log alone.
 */
import { describe, expect, it } from 'vitest';
import { runAstro } from '../support/build.ts';
import { itFailsTheBuild, type BadContentCase } from '../support/bad-content.ts';
import { makeContentDir, VALID_FILES } from '../support/content-fixture.ts';

const RUNBOOK = 'runbooks/db-failover.mdx';
const withRunbook = (frontMatter: string, body = '\n## 概要\n') => ({ [RUNBOOK]: `---\n${frontMatter}\n---\n${body}` });

describe('a valid content tree', () => {
  it('builds', async () => {
    const result = await runAstro({ contentDir: makeContentDir() });
    expect(result.output).not.toMatch(/\[ERROR\]/);
    expect(result.code).toBe(0);
  });
});

describe.concurrent('bad input fails the build naming the file', () => {
  const cases: BadContentCase[] = [
    [
      'malformed front matter (broken YAML)',
      withRunbook('title: [unclosed\nservice: cloud-sql\nseverity: critical\nowners: [aoki]\nreviewed: 2026-10-01'),
      [/db-failover\.mdx/, /frontmatter|YAML|yaml/i],
    ],
    [
      'a missing required field',
      withRunbook('title: DB\nseverity: critical\nowners: [aoki]\nreviewed: 2026-10-01'),
      [/db-failover/, /service/],
    ],
    [
      'a wrong date',
      withRunbook('title: DB\nservice: db\nseverity: critical\nowners: [aoki]\nreviewed: 2026-02-30'),
      [/db-failover\.mdx/, /line 6: "reviewed: 2026-02-30"/, /not a valid date/],
    ],
    [
      'a quoted date that is not a day',
      withRunbook('title: DB\nservice: db\nseverity: critical\nowners: [aoki]\nreviewed: "2026/10/01"'),
      [/db-failover/, /reviewed/, /not a valid date/],
    ],
    [
      'an unknown owner',
      withRunbook('title: DB\nservice: db\nseverity: critical\nowners: [aoki, yamada]\nreviewed: 2026-10-01'),
      [/db-failover/, /unknown member id "yamada"/],
    ],
    [
      'no owner at all',
      withRunbook('title: DB\nservice: db\nseverity: critical\nowners: []\nreviewed: 2026-10-01'),
      [/db-failover/, /at least one member id is required/],
    ],
    [
      'an unknown severity',
      withRunbook('title: DB\nservice: db\nseverity: urgent\nowners: [aoki]\nreviewed: 2026-10-01'),
      [/db-failover/, /severity/],
    ],
    [
      'an unknown owner on a handover (from/to)',
      { 'handover/db.mdx': VALID_FILES['handover/db.mdx'].replace('to: [baba]', 'to: [nobody]') },
      [/handover\/db\.mdx/, /unknown member id "nobody"/],
    ],
    [
      'a broken roster',
      { 'team.yaml': '- id: aoki\n  name: 青木\n' },
      [/team\.yaml/, /role/],
    ],
    [
      'a broken internal link',
      {
        'guideline/intro.mdx': VALID_FILES['guideline/intro.mdx'].replace('/runbooks/db-failover/', '/runbooks/no-such-page/'),
      },
      [/guideline\/intro\.mdx:\d+:\d+/, /broken internal link/, /\/runbooks\/no-such-page\//],
      'build',
    ],
    [
      'a broken link to a source file',
      { 'guideline/intro.mdx': VALID_FILES['guideline/intro.mdx'].replace('/runbooks/db-failover/', '../runbooks/missing.mdx') },
      [/guideline\/intro\.mdx/, /runbooks\/missing\.mdx, which is not a page/],
      'build',
    ],
  ];

  itFailsTheBuild(cases);
});
