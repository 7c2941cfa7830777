/** `hikitsugi init` from the repository's source: what it writes, and what it refuses. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/io/content-store.ts';
import { lintContent } from '../../src/io/lint-content.ts';
import { runScript } from '../support/cli.ts';

const init = (args: string[], cwd: string) => runScript('init', args, { cwd });
const fresh = () => mkdtempSync(join(tmpdir(), 'hk-init-'));

describe('hikitsugi init', { timeout: 60_000 }, () => {
  it('writes a handbook whose content is valid and lints clean, and ends with the two next commands', async () => {
    const cwd = fresh();
    const r = await init(['handbook'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').slice(-2)).toEqual(['  cd handbook && npm install', '  npm start']);
    const root = join(cwd, 'handbook');
    const content = loadContent(join(root, 'content'));
    expect(content.problems).toEqual([]);
    expect(content.pages.map((p) => `${p.kind}/${p.id}`).sort()).toEqual(['guideline/how-we-work', 'runbooks/web-5xx-errors']);
    expect(content.roster.map((m) => m.id)).toEqual(['owner']);
    const lint = await lintContent({ contentDir: join(root, 'content') });
    expect(lint.messages).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.name).toBe('handbook');
    expect(pkg.dependencies.hikitsugi).toMatch(/^\^\d+\.\d+\.\d+$/);
    const workflow = parseYaml(readFileSync(join(root, '.github/workflows/handbook.yml'), 'utf8'));
    const steps = workflow.jobs.check.steps as { run?: string; with?: Record<string, unknown> }[];
    expect(steps[0].with?.['fetch-depth']).toBe(0);
    expect(steps.map((s) => s.run).filter(Boolean)).toEqual(['npm ci', 'npx hikitsugi lint --format github', 'npx hikitsugi knowledge --strict', 'npx astro build']);
    // The instructions panel `kpt prepare` puts on the board (test/unit/kpt-prepare-cli.test.ts prepares one).
    expect(readdirSync(join(root, 'content/retros'))).toEqual(['_kpt-board.md']);
  });

  it('--reminder adds the weekly review reminder workflow, which is opt-in (it opens GitHub issues)', async () => {
    const cwd = fresh();
    expect((await init(['plain'], cwd)).code).toBe(0);
    expect(readdirSync(join(cwd, 'plain/.github/workflows'))).toEqual(['handbook.yml']);
    expect((await init(['reminded', '--reminder'], cwd)).code).toBe(0);
    expect(readdirSync(join(cwd, 'reminded/.github/workflows')).sort()).toEqual(['handbook.yml', 'knowledge-reminder.yml']);
    const workflow = parseYaml(readFileSync(join(cwd, 'reminded/.github/workflows/knowledge-reminder.yml'), 'utf8'));
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
  });

  it('--lang en writes English starter pages', async () => {
    const cwd = fresh();
    expect((await init(['site', '--lang', 'en'], cwd)).code).toBe(0);
    const runbook = readFileSync(join(cwd, 'site/content/runbooks/web-5xx-errors.mdx'), 'utf8');
    expect(runbook).toContain('## Diagnosis');
    expect(runbook).toContain('title: Web server 5xx errors');
  });

  it('--sample copies the full sample handbook', async () => {
    const cwd = fresh();
    expect((await init(['demo', '--sample'], cwd)).code).toBe(0);
    const content = loadContent(join(cwd, 'demo/content'));
    expect(content.problems).toEqual([]);
    expect(content.pages.filter((p) => p.kind === 'retros').length).toBeGreaterThanOrEqual(4);
    expect(existsSync(join(cwd, 'demo/content/runbooks/web-5xx-errors.mdx'))).toBe(false);
  });

  it('refuses a folder that is not empty and changes nothing in it', async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, 'busy'));
    writeFileSync(join(cwd, 'busy/notes.md'), 'mine');
    const r = await init(['busy'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: busy is not empty; init writes only into a new or empty folder');
    expect(readdirSync(join(cwd, 'busy'))).toEqual(['notes.md']);
  });

  it('accepts an empty folder', async () => {
    const cwd = fresh();
    mkdirSync(join(cwd, 'empty'));
    expect((await init(['empty'], cwd)).code).toBe(0);
    expect(existsSync(join(cwd, 'empty/astro.config.mjs'))).toBe(true);
  });

  it.each([[['--lang', 'fr', 'x']], [[]]])('wrong usage %j exits 2 with one line', async (args) => {
    const cwd = fresh();
    const r = await init(args, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .+\n\(see --help\)\n$/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
