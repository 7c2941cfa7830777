/**
 * Marking pages as reviewed: only the reviewed / reviewed_by lines change (byte comparison, with
 * comments, quoting, CRLF and a BOM kept), the reviewer must be a current owner unless --force,
 * and the CLI names the page or member it cannot use, writing nothing.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markReviewed, reviewerProblem, ReviewEditError } from '../../src/lib/knowledge/review.ts';
import type { Member } from '../../src/lib/content/schema.ts';
import { REPO } from '../support/build.ts';
import { runScript } from '../support/cli.ts';

const REVIEW = { date: '2026-12-01', by: 'suzuki' };

/** The lines of `after` that are not in `before`, and the reverse: what an edit touched. */
function changedLines(before: string, after: string) {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

const PAGE = `---
title: "DNS: 切り替え"   # quoted, with a comment
service: dns
owners: [suzuki, tanaka]
reviewed: 2026-01-01 # last drill
tags:
  - dns
---

## 概要

reviewed: 2020-01-01 (in the body: untouched)
`;

describe('markReviewed', () => {
  it('changes the reviewed value and adds reviewed_by below it, every other byte kept', () => {
    const after = markReviewed(PAGE, REVIEW);
    expect(after).toBe(PAGE.replace('reviewed: 2026-01-01 # last drill\n', 'reviewed: 2026-12-01 # last drill\nreviewed_by: suzuki\n'));
    expect(changedLines(PAGE, after)).toEqual({
      removed: ['reviewed: 2026-01-01 # last drill'],
      added: ['reviewed: 2026-12-01 # last drill', 'reviewed_by: suzuki'],
    });
  });

  it('updates an existing reviewed_by in place, in its quoting style, and is idempotent', () => {
    const page = PAGE.replace('reviewed: 2026-01-01 # last drill\n', "reviewed: '2026-01-01'\nreviewed_by: \"tanaka\"\n");
    const after = markReviewed(page, REVIEW);
    expect(after).toBe(page.replace("reviewed: '2026-01-01'", "reviewed: '2026-12-01'").replace('reviewed_by: "tanaka"', 'reviewed_by: "suzuki"'));
    expect(markReviewed(after, REVIEW)).toBe(after);
    const empty = PAGE.replace('tags:', 'reviewed_by:\ntags:');
    expect(markReviewed(empty, REVIEW)).toBe(empty.replace('reviewed: 2026-01-01', 'reviewed: 2026-12-01').replace('reviewed_by:\n', 'reviewed_by: suzuki\n'));
  });

  it('keeps CRLF line endings and a byte order mark, and quotes an id YAML would read as something else', () => {
    const crlf = '\uFEFF' + PAGE.replace(/\n/g, '\r\n');
    const after = markReviewed(crlf, { date: '2026-12-01', by: 'null' });
    expect(after).toBe(crlf.replace('reviewed: 2026-01-01 # last drill\r\n', 'reviewed: 2026-12-01 # last drill\r\nreviewed_by: "null"\r\n'));
    expect(markReviewed(PAGE, { date: '2026-12-01', by: '1e3' })).toContain('reviewed_by: "1e3"\n');
  });

  it('refuses a page it cannot edit safely', () => {
    expect(() => markReviewed('# no front matter\n', REVIEW)).toThrow(ReviewEditError);
    expect(() => markReviewed('---\ntitle: a\n---\n', REVIEW)).toThrow(/no `reviewed:` date/);
    expect(() => markReviewed('---\ntitle: [a\n---\n', REVIEW)).toThrow(/not valid YAML/);
    expect(() => markReviewed(PAGE.replace('tags:', 'reviewed_by: [a, b]\ntags:'), REVIEW)).toThrow(/not a single member id/);
  });
});

describe('reviewerProblem', () => {
  const m = (extra: Partial<Member> = {}): Member => ({ id: 'ito', name: '伊藤', role: 'SRE', joined: '2020-01-01', emails: [], git: [], ...extra });
  it('accepts an active owner, refuses others unless forced, and never someone who left', () => {
    expect(reviewerProblem(m(), ['ito'], '2026-12-01', false)).toBeNull();
    expect(reviewerProblem(m(), ['suzuki'], '2026-12-01', false)).toBe('ito does not own this page (owners: suzuki); use --force to record the review anyway');
    expect(reviewerProblem(m(), ['suzuki'], '2026-12-01', true)).toBeNull();
    expect(reviewerProblem(m({ left: '2026-11-30' }), ['ito'], '2026-12-01', true)).toMatch(/^ito left the team on 2026-11-30/);
  });
});

describe('npm run review', { timeout: 60_000 }, () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-review-'));
    cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
    return dir;
  };
  const cli = (dir: string, args: string[]) =>
    runScript('review', args, { cwd: dir, env: { CONTENT_DIR: 'content', HIKITSUGI_TODAY: '2026-12-01', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  /** Every file of the content folder, to prove that a command changed exactly what it says. */
  const snapshot = (dir: string) =>
    new Map(
      readdirSync(join(dir, 'content'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name))]),
    );

  it('changes only the reviewed and reviewed_by lines of the page (byte comparison)', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const r = await cli(dir, ['runbooks/cloud-sql-failover', '--by', 'suzuki']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('reviewed content/runbooks/cloud-sql-failover.mdx (2026-12-01, by suzuki)\n');
    const after = snapshot(dir);
    const page = join(dir, 'content/runbooks/cloud-sql-failover.mdx');
    for (const [path, bytes] of before) if (path !== page) expect(after.get(path)!.equals(bytes), path).toBe(true);
    const expected = before.get(page)!.toString('utf8').replace('reviewed: 2026-10-28\n', 'reviewed: 2026-12-01\nreviewed_by: suzuki\n');
    expect(after.get(page)!.equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it('takes paths, and --all-owned-by marks every page the member owns', async () => {
    const dir = copy();
    const r = await cli(dir, ['--all-owned-by', 'takahashi']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'reviewed content/guideline/change-management-terraform.mdx (2026-12-01, by takahashi)',
      'reviewed content/runbooks/deploy-rollback.mdx (2026-12-01, by takahashi)',
      'reviewed content/runbooks/terraform-state-lock.mdx (2026-12-01, by takahashi)',
      'reviewed content/retros/2026-09-16-platform-team.mdx (2026-12-01, by takahashi)',
    ]);
    const again = await cli(dir, ['content/runbooks/terraform-state-lock.mdx', '--by', 'takahashi']);
    expect(again.stdout).toBe('content/runbooks/terraform-state-lock.mdx: already marked reviewed 2026-12-01 by takahashi\n');
  });

  it('without --by, the reviewer is the Git user, found in the roster by email', async () => {
    const dir = copy();
    const gitconfig = join(dir, 'gitconfig');
    writeFileSync(gitconfig, '[user]\n\tname = Someone\n\temail = Suzuki@Example.com\n');
    const r = await runScript('review', ['guideline/toil'], {
      cwd: dir,
      env: { CONTENT_DIR: 'content', HIKITSUGI_TODAY: '2026-12-01', GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1' },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('reviewed content/guideline/toil.mdx (2026-12-01, by suzuki)\n');
  });

  it('fails naming the unknown page or member, and writes nothing', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const page = await cli(dir, ['runbooks/cloud-sql-failover', 'runbooks/no-such-page', '--by', 'suzuki']);
    expect(page.code).toBe(2);
    expect(page.stderr).toMatch(/^error: runbooks\/no-such-page: unknown page/);
    const member = await cli(dir, ['runbooks/cloud-sql-failover', '--by', 'nobody']);
    expect(member.code).toBe(2);
    expect(member.stderr).toMatch(/^error: --by: unknown member "nobody": use an id from content\/team.yaml \(tanaka, suzuki/);
    const nobody = await cli(dir, ['runbooks/cloud-sql-failover']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/--by <member>/);
    // A mistyped page is named first, whoever runs the command.
    const typo = await cli(dir, ['runbooks/cloud-sql-failovr']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^error: runbooks\/cloud-sql-failovr: unknown page/);
    const broken = join(dir, 'content/guideline/toil.mdx');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('owners: [suzuki]', 'owners: [nobody]'));
    const invalid = await cli(dir, ['guideline/toil', '--by', 'suzuki']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^error: guideline\/toil: the page is invalid, fix it first: owners\.0: unknown member id "nobody"/);
    writeFileSync(broken, before.get(broken)!);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a reviewer who does not own a page unless --force, all pages or none', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const r = await cli(dir, ['runbooks/cloud-sql-failover', 'content/guideline/toil.mdx', '--by', 'tanaka']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: content/guideline/toil.mdx: tanaka does not own this page (owners: suzuki); use --force to record the review anyway (nothing was written)\n',
    );
    expect(snapshot(dir)).toEqual(before);
    const forced = await cli(dir, ['runbooks/cloud-sql-failover', 'content/guideline/toil.mdx', '--by', 'tanaka', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'content/guideline/toil.mdx'), 'utf8')).toContain('reviewed: 2026-12-01\nreviewed_by: tanaka\n');
  });

  it('the marked page still validates (reviewed_by is a known member)', async () => {
    const dir = copy();
    await cli(dir, ['runbooks/cloud-sql-failover', '--by', 'suzuki']);
    const page = join(dir, 'content/runbooks/cloud-sql-failover.mdx');
    writeFileSync(page, readFileSync(page, 'utf8').replace('reviewed_by: suzuki', 'reviewed_by: nobody'));
    const { loadContent } = await import('../../src/io/content-store.ts');
    const problems = loadContent(join(dir, 'content')).problems;
    expect(problems.map((p) => p.message)).toEqual(['reviewed_by: unknown member id "nobody": add it to content/team.yaml or fix the spelling']);
  });
});
