/**
 * `npm run adopt` on a small folder with what real folders have: two files that would share a
 * URL, a shown image and a linked diagram, a link to a page that is not there. What the user
 * relies on: nothing is overwritten, the files are copied where the site serves them, the
 * report says what needs a human with file:line, and --dry-run writes nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/cli.ts';
import { makeContentDir, VALID_FILES } from '../support/content-fixture.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function sourceFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hk-adopt-src-')), 'wiki');
  const files: Record<string, string | Buffer> = {
    'README.md': '# Wiki\n\nStart with [the setup](setup/) and [the old page](gone.md).\n',
    'setup/README.md': '# Setup\n\n![diagram](../img/net.png)\n\nSee the [full diagram](./net.svg) and [Disk Full](../Disk%20Full.md#steps).\n',
    'setup/net.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'img/net.png': PNG,
    'Disk Full.md': '# Disk Full\n\n## Steps\n\nFree space.\n',
    'disk-full.md': '# disk full (old)\n\nOlder copy.\n',
  };
  for (const [path, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), data);
  }
  return dir;
}

const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);

describe('npm run adopt on a folder', { timeout: 60_000 }, () => {
  it('adopts every page, copies the files they use, renames a URL clash and reports what needs a human', async () => {
    const src = sourceFolder();
    const content = makeContentDir(VALID_FILES);
    const pub = join(dirname(src), 'public');
    const r = await runScript('adopt', [src, '--kind', 'guideline', '--owner', 'aoki', '--into', 'wiki', '--content-dir', content, '--public-dir', pub]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Adopted 4 pages into .*guideline\/wiki\/$/m);
    expect(r.stdout).toMatch(/files the pages use, copied: 2 \(1 images beside their pages, 1 linked files to /);
    const dir = join(content, 'guideline/wiki');
    expect(list(dir)).toEqual(['Disk Full.md', 'disk-full-2.md', 'img', 'img/net.png', 'index.md', 'setup', 'setup/index.md']);
    expect(readFileSync(join(dir, 'img/net.png'))).toEqual(PNG);
    expect(readFileSync(join(pub, 'adopted/guideline/wiki/setup/net.svg'), 'utf8')).toContain('<svg');
    expect(readFileSync(join(dir, 'setup/index.md'), 'utf8')).toContain(
      '![diagram](../img/net.png)\n\nSee the [full diagram](/adopted/guideline/wiki/setup/net.svg) and [Disk Full](../Disk%20Full.md#steps).',
    );
    expect(readFileSync(join(dir, 'index.md'), 'utf8')).toContain('Start with [the setup](/guideline/wiki/setup/) and the old page.');
    expect(r.stdout).toMatch(/- disk-full\.md and Disk Full\.md would both be \/guideline\/wiki\/disk-full\/: adopted as disk-full-2\.md, rename one of them/);
    expect(r.stdout).toMatch(/guideline\/wiki\/index\.md:\d+: link target "gone\.md" is not in the source folder: written as text/);
  });

  it('--dry-run prints the same report and writes nothing', async () => {
    const src = sourceFolder();
    const content = makeContentDir(VALID_FILES);
    const pub = join(dirname(src), 'public');
    const before = list(content);
    const r = await runScript('adopt', [src, '--kind', 'guideline', '--owner', 'aoki', '--into', 'wiki', '--content-dir', content, '--public-dir', pub, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Would adopt 4 pages/m);
    expect(r.stdout).toMatch(/files the pages use, to copy: 2 /);
    expect(r.stdout).toMatch(/^ {4}setup\/net\.svg -> .*public\/adopted\/guideline\/wiki\/setup\/net\.svg$/m);
    expect(r.stdout).toMatch(/would both be \/guideline\/wiki\/disk-full\//);
    expect(r.stdout).toMatch(/Nothing was written \(--dry-run\)\./);
    expect(list(content)).toEqual(before);
    expect(existsSync(pub)).toBe(false);
  });

  it('refuses, writing nothing, when a page is already there', async () => {
    const src = sourceFolder();
    const content = makeContentDir({ ...VALID_FILES, 'guideline/wiki/index.md': '---\ntitle: x\n---\n' });
    const pub = join(dirname(src), 'public');
    const before = list(content);
    const r = await runScript('adopt', [src, '--kind', 'guideline', '--owner', 'aoki', '--into', 'wiki', '--content-dir', content, '--public-dir', pub]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing adopted:\n.*guideline\/wiki\/index\.md already exists \(from README\.md\)/);
    expect(list(content)).toEqual(before);
    expect(existsSync(pub)).toBe(false);
  });

  it('--rules fills severity and alerts from the rules that point to the page, in the written file', async () => {
    const src = join(mkdtempSync(join(tmpdir(), 'hk-adopt-rules-')), 'runbooks');
    mkdirSync(join(src, 'db'), { recursive: true });
    writeFileSync(join(src, 'db/DiskFull.md'), '# Disk full\n\n## Steps\n\nFree space.\n');
    const rules = join(dirname(src), 'rules.yml');
    writeFileSync(
      rules,
      'groups:\n  - name: db\n    rules:\n      - alert: DiskFull\n        expr: up == 0\n        labels:\n          severity: critical\n      - alert: Unrelated\n        expr: up == 0\n',
    );
    const content = makeContentDir(VALID_FILES);
    const r = await runScript('adopt', [src, '--kind', 'runbook', '--content-dir', content, '--rules', rules]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^alert rules: 2 read from 1 file; alerts and severity filled on 1 runbook$/m);
    expect(r.stdout).toMatch(/^ {2}1 alert matches no adopted runbook: Unrelated$/m);
    expect(readFileSync(join(content, 'runbooks/db/DiskFull.md'), 'utf8')).toMatch(/\nseverity: critical\nalerts:\n {2}- DiskFull\n/);
  });
});
