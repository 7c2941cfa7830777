/**
 * Onboarding paths in a real sync/build: a bad path file stops the build naming the file and
 * the step; a good one becomes pages that content can link to, with the step banner on its pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAstro } from '../support/build.ts';
import { itFailsTheBuild, type BadContentCase } from '../support/bad-content.ts';
import { makeContentDir, VALID_FILES } from '../support/content-fixture.ts';

const FILE = 'onboarding/start.yaml';
const pathFile = (steps: string) => ({ [FILE]: `title: はじめの一歩\naudience: 初日\norder: 1\nsteps:\n${steps}` });

describe.concurrent('a bad onboarding path fails the sync naming the file', () => {
  const cases: BadContentCase[] = [
    [
      'a step pointing to a missing page',
      pathFile('  - page: guideline/intro\n    why: a\n  - page: runbooks/db-failovr\n    why: b\n'),
      [/onboarding\/start\.yaml/, /step 2: no page "runbooks\/db-failovr"/, /did you mean "runbooks\/db-failover"/],
    ],
    [
      'a duplicate step',
      pathFile('  - page: runbooks/db-failover\n    why: a\n  - task: 鍵を受け取る\n    why: b\n  - page: /runbooks/db-failover/\n    why: c\n'),
      [/onboarding\/start\.yaml/, /step 3 repeats step 1 \(page runbooks\/db-failover\)/],
    ],
    ['an empty path', pathFile('  []\n'), [/onboarding\/start\.yaml/, /the path has no steps/]],
    [
      'a step with no why',
      pathFile('  - page: guideline/intro\n'),
      [/onboarding\/start\.yaml/, /steps\.0\.why/, /why is required/],
    ],
    [
      'a step with both page and task',
      pathFile('  - page: guideline/intro\n    task: 読む\n    why: a\n'),
      [/onboarding\/start\.yaml/, /step 1 has both page and task/],
    ],
    [
      'two files with the same path id',
      { ...pathFile('  - task: a\n    why: b\n'), 'onboarding/start.yml': 'title: x\naudience: y\nsteps:\n  - task: a\n    why: b\n' },
      [/onboarding\/start\.yml: path id "start" is also the id of .*onboarding\/start\.yaml/],
    ],
    ['broken YAML', { [FILE]: 'title: [unclosed\nsteps:\n' }, [/start\.yaml/, /yaml|YAML|flow/]],
  ];

  itFailsTheBuild(cases);
});

describe.concurrent('onboarding pages in a build', () => {
  it('a valid path: its page lists the steps, the pages show the banner, content may link to it', async ({ expect }) => {
    const contentDir = makeContentDir({
      ...pathFile('  - page: guideline/intro\n    why: 最初に読む\n  - task: 鍵を受け取る\n    why: 入館に必要\n    minutes: 5\n  - page: runbooks/db-failover\n    why: 重要\n'),
      'onboarding/oncall.yaml': 'title: オンコール前\naudience: オンコール参加前\norder: 2\nsteps:\n  - page: runbooks/db-failover\n    why: 最初に読む\n',
      'handover/db.mdx': `${VALID_FILES['handover/db.mdx']}\n新しい人は [はじめの一歩](/onboarding/start/) から。一覧は [こちら](/onboarding/)。\n`,
    });
    const result = await runAstro({ contentDir, base: '/handbook/' });
    expect(result.code, result.output).toBe(0);
    const html = (p: string) => readFileSync(join(result.outDir, p, 'index.html'), 'utf8');

    const path = html('onboarding/start');
    expect(path.match(/data-testid="step"/g)).toHaveLength(3);
    expect(path).toContain('href="/handbook/guideline/intro/"');
    expect(path).toContain('鍵を受け取る');
    expect(path).toContain('入館に必要');

    const db = html('runbooks/db-failover');
    expect(db).toContain('ステップ 3 / 3（はじめの一歩）');
    expect(db).toMatch(/rel="prev" href="\/handbook\/onboarding\/start\/#step-2"/);
    expect(html('en/runbooks/db-failover')).toContain('Step 3 of 3 in はじめの一歩');
    // A page in two paths shows a banner for each; with one step, there is no previous one.
    expect(db.match(/data-testid="path-banner"/g)).toHaveLength(2);
    expect(db).toContain('ステップ 1 / 1（オンコール前）');
    // Pages in no path carry neither banner nor progress script.
    expect(html('handover/db')).not.toContain('data-testid="path-banner"');
    expect(html('handover/db')).not.toContain('hikitsugi:onboarding');
    // The link checker knows the onboarding pages, and base-prefixes links to them.
    expect(html('handover/db')).toContain('href="/handbook/onboarding/start/"');
    expect(html('handover/db')).toContain('href="/handbook/onboarding/"');
    // The home page starts newcomers on the first path.
    expect(html('')).toMatch(/href="\/handbook\/onboarding\/start\/" data-testid="start-here"/);
  });

  it('no onboarding folder: the site builds, says how to add a path, and home falls back to chapter 1', async ({ expect }) => {
    const result = await runAstro({ contentDir: makeContentDir() });
    expect(result.code, result.output).toBe(0);
    // No warning about the missing folder or the empty collection.
    expect(result.output).not.toMatch(/collection "onboarding"|onboarding\/?" does not exist/);
    const html = (p: string) => readFileSync(join(result.outDir, p, 'index.html'), 'utf8');
    expect(html('onboarding')).toContain('content/onboarding/&lt;id&gt;.yaml');
    expect(html('')).toMatch(/href="\/guideline\/intro\/" data-testid="start-here"/);
  });
});
