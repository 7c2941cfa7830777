/**
 * CODEOWNERS from owners: the file for the sample content, folder lines and their exceptions in
 * an order where GitHub's "last matching pattern wins" gives every page exactly its owners,
 * departed members and members without a handle skipped with a warning, and the CLI's --check.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildCodeowners, escapePattern, type CodeownersRule, type OwnedPage } from '../../src/lib/codeowners/codeowners.ts';
import { codeownersSettings } from '../../src/lib/codeowners/settings.ts';
import type { Member } from '../../src/lib/content/schema.ts';
import { REPO } from '../support/build.ts';
import { runScript } from '../support/cli.ts';
import { newHandbookFiles } from '../support/starter.ts';

const member = (id: string, extra: Partial<Member> = {}): Member => ({
  id,
  name: id,
  role: 'SRE',
  joined: '2020-01-01',
  emails: [],
  git: [],
  github: `gh-${id}`,
  ...extra,
});
const ROSTER = [member('aoki'), member('baba'), member('chiba', { left: '2026-06-30' }), member('doi', { github: undefined })];
const TODAY = '2026-11-24';

const build = (pages: OwnedPage[], roster: Member[] = ROSTER) =>
  buildCodeowners({ pages, roster, today: TODAY, contentDir: 'content', rosterPath: 'content/team.yaml' });

/** GitHub's reading of the patterns this module writes: the last rule that matches wins. */
function ownersOnGitHub(rules: readonly CodeownersRule[], path: string): string[] | undefined {
  let owners: string[] | undefined;
  for (const r of rules) {
    const pattern = r.pattern.replace(/\\(.)/g, '$1').slice(1);
    if (pattern.endsWith('/') ? path.startsWith(pattern) || pattern === '' : path === pattern) owners = r.owners;
  }
  return owners;
}

describe('buildCodeowners', () => {
  it('gives a folder one line when all its pages share owners, whatever their order in front matter', () => {
    const r = build([
      { path: 'content/runbooks/a.mdx', owners: ['aoki', 'baba'] },
      { path: 'content/runbooks/db/b.mdx', owners: ['baba', 'aoki'] },
      { path: 'content/guideline/c.mdx', owners: ['aoki'] },
      { path: 'content/guideline/d.mdx', owners: ['baba'] },
    ]);
    expect(r.rules).toEqual([
      { pattern: '/content/guideline/c.mdx', owners: ['gh-aoki'] },
      { pattern: '/content/guideline/d.mdx', owners: ['gh-baba'] },
      { pattern: '/content/runbooks/', owners: ['gh-aoki', 'gh-baba'] },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('puts a mostly shared folder line before its exceptions, so the last match gives each page its owners', () => {
    const pages: OwnedPage[] = [
      { path: 'content/runbooks/a.mdx', owners: ['aoki'] },
      { path: 'content/runbooks/b.mdx', owners: ['aoki'] },
      { path: 'content/runbooks/c.mdx', owners: ['aoki'] },
      { path: 'content/runbooks/d.mdx', owners: ['aoki'] },
      { path: 'content/runbooks/z.mdx', owners: ['baba'] },
      { path: 'content/runbooks/dns/x.mdx', owners: ['baba'] },
      { path: 'content/runbooks/dns/y.mdx', owners: ['baba'] },
      { path: 'content/runbooks/dns/w.mdx', owners: ['aoki'] },
      { path: 'content/runbooks/old.mdx', owners: ['chiba'] },
    ];
    const r = build(pages);
    expect(r.rules.map((x) => x.pattern)).toEqual([
      '/content/runbooks/',
      '/content/runbooks/dns/',
      '/content/runbooks/dns/w.mdx',
      '/content/runbooks/old.mdx',
      '/content/runbooks/z.mdx',
    ]);
    const handles = (owners: readonly string[]) => owners.filter((o) => o !== 'chiba').map((o) => `gh-${o}`);
    for (const p of pages) expect(ownersOnGitHub(r.rules, p.path), p.path).toEqual(handles(p.owners));
    // A file in the folder that is not a page gets the folder's owners.
    expect(ownersOnGitHub(r.rules, 'content/runbooks/dns/diagram.png')).toEqual(['gh-baba']);
    // Reversed, the folder line would override its exceptions: the order is what makes it right.
    expect(ownersOnGitHub([...r.rules].reverse(), 'content/runbooks/z.mdx')).toEqual(['gh-aoki']);
    expect(r.text).toContain('\n/content/runbooks/old.mdx\n');
  });

  it('skips members who have left and members without a handle, with one warning each', () => {
    const r = build([
      { path: 'content/runbooks/a.mdx', owners: ['chiba', 'aoki'] },
      { path: 'content/runbooks/b.mdx', owners: ['chiba'] },
      { path: 'content/runbooks/c.mdx', owners: ['doi', 'aoki'] },
    ]);
    expect(r.rules).toEqual([
      { pattern: '/content/runbooks/', owners: ['gh-aoki'] },
      { pattern: '/content/runbooks/b.mdx', owners: [] },
    ]);
    expect(r.warnings).toEqual([
      'chiba has left (2026-06-30): not listed as owner of content/runbooks/a.mdx, content/runbooks/b.mdx',
      'doi has no github handle in content/team.yaml: not listed as owner of content/runbooks/c.mdx',
      'content/runbooks/b.mdx: no active owner with a GitHub handle; listed without owners',
    ]);
    expect(r.text).toContain('\n/content/runbooks/b.mdx\n');
  });

  it('starts with a generated-file header, keeps configured lines first and escapes special characters', () => {
    const r = buildCodeowners({
      pages: [
        { path: 'content/runbooks/a b#[1].mdx', owners: ['aoki'] },
        { path: 'content/runbooks/手順.mdx', owners: ['baba'] },
      ],
      roster: ROSTER,
      today: TODAY,
      contentDir: 'content',
      rosterPath: 'content/team.yaml',
      before: ['* @my-org/sre'],
    });
    const lines = r.text.split('\n');
    expect(lines[0]).toMatch(/^# Generated by `npx hikitsugi codeowners`/);
    expect(lines.slice(4)).toEqual(['* @my-org/sre', '', '/content/runbooks/a\\ b\\#\\[1\\].mdx @gh-aoki', '/content/runbooks/手順.mdx @gh-baba', '']);
    expect(escapePattern('a*b?c\\d')).toBe('a\\*b\\?c\\\\d');
  });

  it('writes the same text for the same owners (no date, stable order)', () => {
    const pages = [
      { path: 'content/b/x.mdx', owners: ['aoki'] },
      { path: 'content/a/y.mdx', owners: ['baba'] },
    ];
    expect(build(pages).text).toBe(build([...pages].reverse()).text);
  });
});

describe('codeowners settings', () => {
  it('defaults to .github/CODEOWNERS and rejects a place GitHub does not read', () => {
    expect(codeownersSettings(undefined)).toEqual({ path: '.github/CODEOWNERS', before: [] });
    expect(codeownersSettings({ path: 'docs/CODEOWNERS' }).path).toBe('docs/CODEOWNERS');
    expect(() => codeownersSettings({ paht: 'CODEOWNERS' })).toThrow(/hikitsugi\.config\.mjs: codeowners: Unrecognized key/);
    expect(() => codeownersSettings({ path: 'OWNERS' })).toThrow(/codeowners\.path: expected one of \.github\/CODEOWNERS, CODEOWNERS, docs\/CODEOWNERS/);
  });
});

describe('npm run codeowners', { timeout: 60_000 }, () => {
  const repo = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-codeowners-'));
    cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
    return dir;
  };
  const cli = (dir: string, args: string[]) => runScript('codeowners', args, { cwd: dir, env: { CONTENT_DIR: 'content' } });

  it('writes the sample content\'s CODEOWNERS as expected, and --check then passes', async () => {
    const dir = repo();
    const r = await cli(dir, []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('wrote .github/CODEOWNERS (19 rules)\n');
    expect(r.stderr).toContain('warning: sato has left (2026-09-30)');
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(readFileSync(join(REPO, 'test/fixtures/sample.CODEOWNERS'), 'utf8'));
    expect((await cli(dir, ['--check'])).code).toBe(0);
  });

  it('--check exits 1 after a change of owners, and when the file is missing, writing nothing', async () => {
    const dir = repo();
    const missing = await cli(dir, ['--check']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: \.github\/CODEOWNERS does not exist/m);
    expect(existsSync(join(dir, '.github/CODEOWNERS'))).toBe(false);

    expect((await cli(dir, [])).code).toBe(0);
    const page = join(dir, 'content/runbooks/terraform-state-lock.mdx');
    writeFileSync(page, readFileSync(page, 'utf8').replace('owners: [takahashi]', 'owners: [takahashi, ito]'));
    const before = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8');
    const stale = await cli(dir, ['--check']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/^error: \.github\/CODEOWNERS is out of date with the pages' owners: run npx hikitsugi codeowners/m);
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(before);

    expect((await cli(dir, [])).code).toBe(0);
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toContain('/content/runbooks/terraform-state-lock.mdx @makoto-takahashi @misaki-ito\n');
    expect((await cli(dir, ['--check'])).code).toBe(0);
  });

  it("counts a new handbook's one rule in the singular", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-codeowners-new-'));
    for (const [rel, text] of Object.entries(newHandbookFiles())) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const r = await cli(dir, []);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('wrote .github/CODEOWNERS (1 rule)\n');
    expect((await cli(dir, ['--check'])).stdout).toBe('.github/CODEOWNERS is up to date (1 rule)\n');
  });

  it('refuses to write from invalid content, naming the page', async () => {
    const dir = repo();
    const page = join(dir, 'content/runbooks/terraform-state-lock.mdx');
    writeFileSync(page, readFileSync(page, 'utf8').replace('owners: [takahashi]', 'owners: [nobody]'));
    const r = await cli(dir, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('content/runbooks/terraform-state-lock.mdx: owners.0: unknown member id "nobody"');
    expect(existsSync(join(dir, '.github/CODEOWNERS'))).toBe(false);
  });
});
