/**
 * `npm run lint:content` as a user runs it: output lines, exit codes, --fix, --format github,
 * and agreement with the build about which #anchors exist.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAstro } from '../support/build.ts';
import { runScript } from '../support/cli.ts';
import { makeContentDir } from '../support/content-fixture.ts';
import { LINT_CLEAN_FILES, RUNBOOK, HANDOVER } from '../support/lint-fixture.ts';

const GUIDE = (body: string) => `---\ntitle: はじめに\norder: 1\nowners: [aoki]\nreviewed: 2026-10-01\n---\n\n${body}`;

const clean = (overrides: Record<string, string | null> = {}) => makeContentDir({ ...LINT_CLEAN_FILES, ...overrides });

const lint = (dir: string, ...args: string[]) => runScript('lint-content', ['--content-dir', dir, ...args]);
const LINE = /^(.+):(\d+):(\d+) {2}(.+) {2}([a-z-]+)$/;

describe('npm run lint:content', () => {
  it('the sample content lints clean (no errors, no warnings)', async () => {
    const r = await runScript('lint-content', []);
    expect(r.stdout, r.stdout).toBe('');
    expect(r.stderr).toMatch(/\d+ files: no problems/);
    expect(r.code).toBe(0);
  });

  it('a clean fixture lints clean', async () => {
    const r = await lint(clean());
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);
  });

  it('a README beside the alert rules is no page: its # title and links to the rule files pass, a secret in it does not', async () => {
    const readme = '# Alert rules\n\nThe rules in [db.yaml](db.yaml) page the on-call; each names its runbook.\n';
    const ok = await lint(clean({ 'alerts/README.md': readme, 'alerts/db.yaml': 'groups: []\n' }));
    expect(ok.stdout).toBe('');
    expect(ok.code).toBe(0);
    const token = ['gh', 'p_', 'aB3dE5gH7jK9mN2pQ4sT6vW8yZaB3dE5gH7jK9'].join('');
    const leak = await lint(clean({ 'alerts/README.md': `${readme}\n    export GITHUB_TOKEN=${token}\n` }));
    expect(leak.code).toBe(1);
    expect(leak.stdout).toMatch(/alerts\/README\.md:5:\d+ {2}.* {2}no-secrets$/m);
  });

  it('prints each problem as file:line:column  message  rule-id and exits 1', async () => {
    const token = ['gh', 'p_', 'aB3dE5gH7jK9mN2pQ4sT6vW8yZaB3dE5gH7jK9'].join('');
    const dir = clean({
      'runbooks/db-failover.mdx': RUNBOOK.replace(/## エスカレーション[\s\S]*$/, ''),
      'handover/db.mdx': `${HANDOVER}\n\`\`\`bash\nexport GITHUB_TOKEN=${token}\n\`\`\`\n`,
      'guideline/intro.mdx': GUIDE('# もう一つのタイトル\n\n[ログ](/runbooks/db-failover/#存在しない見出し)\n'),
      'guideline/owners.mdx': GUIDE('## 見出し\n').replace('owners: [aoki]', 'owners: [yamada]'),
    });
    const r = await lint(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(token);
    const lines = r.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(LINE);
    const found = lines.map((l) => {
      const m = LINE.exec(l)!;
      return `${m[1].replace(dir, '<dir>')}:${m[2]} ${m[5]}`;
    });
    expect(found).toEqual([
      '<dir>/guideline/intro.mdx:8 heading-structure',
      '<dir>/guideline/intro.mdx:10 link-targets',
      '<dir>/guideline/owners.mdx:4 front-matter',
      '<dir>/handover/db.mdx:24 no-secrets',
      '<dir>/runbooks/db-failover.mdx:1 required-sections',
    ]);
    expect(r.stdout).toMatch(/unknown member id "yamada"/);
    expect(r.stdout).toMatch(/no heading with id "存在しない見出し"/);
    expect(r.stderr).toMatch(/5 errors, 0 warnings in 5 files/);
  });

  it('warnings alone pass, unless --max-warnings says otherwise; --quiet hides them', async () => {
    const dir = clean({ 'runbooks/db-failover.mdx': RUNBOOK.replace('## 切り戻し', '## 補足') });
    const r = await lint(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/db-failover\.mdx:19:1 {2}warning: runbook has commands .* rollback-section$/m);
    expect((await lint(dir, '--max-warnings', '0')).code).toBe(1);
    expect((await lint(dir, '--quiet')).stdout).toBe('');
  });

  it('an adopted page missing sections only warns', async () => {
    const adopted = RUNBOOK.replace('owners: [aoki]', 'owners: []\nadopted_from: runbooks/x.md').replace(/## 影響[\s\S]*$/, '');
    const r = await lint(clean({ 'runbooks/db-failover.mdx': adopted }));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/warning: runbooks page is missing sections/);
  });

  it('an MDX syntax error is reported with its line', async () => {
    const r = await lint(clean({ 'guideline/intro.mdx': GUIDE('## a\n\n値は {a + } です\n') }));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/intro\.mdx:10:\d+ {2}cannot parse as MDX: .* {2}mdx-syntax$/m);
  });

  it('front matter that is not YAML gets one error at its line, not one per field it hides', async () => {
    const r = await lint(clean({ 'guideline/intro.mdx': GUIDE('## a\n').replace('title: はじめに', 'title: [はじめに') }));
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/intro\.mdx:\d+:\d+ {2}front matter is not valid YAML: .* {2}front-matter$/);
  });

  it('--format github prints workflow annotations', async () => {
    const r = await lint(clean({ 'runbooks/db-failover.mdx': RUNBOOK.replace('## 切り戻し', '## 補足') }), '--format', 'github');
    expect(r.stdout.trim()).toMatch(/^::warning file=.*db-failover\.mdx,line=19,col=1,title=rollback-section::runbook has commands/);
  });

  it('lints only the files named', async () => {
    const dir = clean({ 'guideline/intro.mdx': GUIDE('# x\n') });
    const r = await lint(dir, join(dir, 'runbooks/db-failover.mdx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 file: no problems/);
  });

  it('--fix fixes what is certain and leaves every other byte alone', async () => {
    const md = GUIDE('## リンク\n\n詳しくは https://example.com/docs を参照。\n\n| a | b |\n| - | - |\n| 1 | 2 |').replace('title: はじめに', 'title: 参考');
    const dir = clean({ 'guideline/ref.md': md });
    const before = readFileSync(join(dir, 'runbooks/db-failover.mdx'), 'utf8');
    const r = await lint(dir, '--fix');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no problems, 2 problems fixed/);
    expect(readFileSync(join(dir, 'guideline/ref.md'), 'utf8')).toBe(
      md.replace('https://example.com/docs', '<https://example.com/docs>') + '\n',
    );
    expect(readFileSync(join(dir, 'runbooks/db-failover.mdx'), 'utf8')).toBe(before);
  });

  it('warns about a value YAML cuts at " #" in an onboarding path or front matter, and --fix quotes it whole', async () => {
    const path = 'title: 初日\naudience: 初日\ndescription: 1 日目\norder: 1\nowners: [aoki]\nsteps:\n  - task: Slack の #platform、#incident に参加する\n    why: 連絡はここ\n';
    const guide = GUIDE('## 目的\n\n本文。\n').replace('title: はじめに', 'title: 障害は #incident へ');
    const dir = clean({ 'onboarding/first-day.yaml': path, 'guideline/intro.mdx': guide });
    const r = await lint(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/onboarding\/first-day\.yaml:7:19 {2}warning: task: YAML reads "Slack の": " #platform、#incident に参加する" starts a comment .* {2}yaml-comment-in-value$/m);
    expect(r.stdout).toMatch(/guideline\/intro\.mdx:2:12 {2}warning: title: YAML reads "障害は": .* {2}yaml-comment-in-value$/m);

    const fixed = await lint(dir, '--fix');
    expect(fixed.stdout).toBe('');
    expect(fixed.stderr).toMatch(/no problems, 2 problems fixed/);
    expect(readFileSync(join(dir, 'onboarding/first-day.yaml'), 'utf8')).toBe(path.replace('Slack の #platform、#incident に参加する', "'Slack の #platform、#incident に参加する'"));
    expect(readFileSync(join(dir, 'guideline/intro.mdx'), 'utf8')).toBe(guide.replace('障害は #incident へ', "'障害は #incident へ'"));
  });

  it('usage errors exit 2', async () => {
    expect((await lint(clean(), '--format', 'xml')).code).toBe(2);
    expect((await lint(clean(), 'notes.txt')).code).not.toBe(0);
  });
});

describe('the lint and the build agree on heading ids', () => {
  it('every #anchor the lint accepts exists in the built page', async () => {
    // Japanese, numbered, and the second of two headings with the same text.
    const links = ['#概要', '#2-db-のログを確認する', '#対応', '#対応-1', '#エスカレーション'];
    const dir = clean({
      'guideline/intro.mdx': GUIDE(`## 目次\n\n${links.map((l, i) => `- [リンク ${i}](/runbooks/db-failover/${l})`).join('\n')}\n- [ここ](#目次)\n`),
    });
    writeFileSync(join(dir, 'runbooks/db-failover.mdx'), `${RUNBOOK}\n## 対応\n\n二つ目の対応。\n`);
    const r = await lint(dir);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(0);

    const built = await runAstro({ contentDir: dir });
    expect(built.code, built.output).toBe(0);
    const html = readFileSync(join(built.outDir, 'runbooks/db-failover/index.html'), 'utf8');
    for (const l of links) expect(html).toContain(`id="${l.slice(1)}"`);
    expect(html).not.toContain('id="対応-2"');
    writeFileSync(join(dir, 'guideline/intro.mdx'), GUIDE('## 目次\n\n[リンク](/runbooks/db-failover/#対応-2)\n'));
    expect((await lint(dir)).stdout).toMatch(/has no heading with id "対応-2"/);
  });
});
