/**
 * hikitsugi as a team adopts it: `npm pack`, then in an empty folder outside the repository
 * `npx --package <tarball> hikitsugi init site`, `npm install <tarball>`, `npm run build`, and the
 * `hikitsugi` commands run from the installed package (never from this repository's source).
 * Node >= 22.12 is the one running the tests; npm comes from the machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { REPO, stripAnsi, TEST_TODAY } from '../support/build.ts';
import { framesBoard, startMiroServer, TEST_TOKEN, type MiroServer } from '../../bench/harness/miro-server.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const work = realpathSync(mkdtempSync(join(tmpdir(), 'hk-package-')));
const site = join(work, 'site');
// Node >= 22.12 first on PATH (the one running the tests), so npm, npx and the bin use it.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${dirname(process.execPath)}:${process.env.PATH}`,
  NODE_ENV: 'production',
  ASTRO_TELEMETRY_DISABLED: '1',
  HIKITSUGI_TODAY: TEST_TODAY,
  NO_COLOR: '1',
};
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'CONTENT_DIR', 'BASE_PATH', 'OUT_DIR', 'CACHE_DIR', 'HIKITSUGI_UI']) delete env[key];
// A user's shell, not `npm test`'s: npm passes its own settings down (npm_config_local_prefix would
// point npm at this repository instead of the new site).
for (const key of Object.keys(env)) if (key.toLowerCase().startsWith('npm_')) delete env[key];
Object.assign(env, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout: stripAnsi(stdout), stderr: stripAnsi(stderr) }));
  });
}

const ok = (r: Run, what: string) => {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r;
};

let tarball = '';
let server: MiroServer;
const board = framesBoard('ja');

beforeAll(async () => {
  server = await startMiroServer({ boards: [board] });
  const pack = ok(await run('npm', ['pack', '--pack-destination', work, '--json'], REPO), 'npm pack');
  tarball = join(work, JSON.parse(pack.stdout)[0].filename);
  ok(await run('npx', ['--yes', '--package', tarball, 'hikitsugi', 'init', 'site'], work), 'npx hikitsugi init site');
  ok(await run('npm', ['install', tarball], site), 'npm install <tarball>');
}, 600_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
}, 120_000); // removing an npm install's thousands of files is slow on a loaded machine

const hikitsugi = (args: string[], extra: Record<string, string> = {}) => run('npx', ['hikitsugi', ...args], site, extra);

describe('the hikitsugi package, installed in a new site', { timeout: 300_000 }, () => {
  it('init wrote a handbook that depends on the package, not on this repository', () => {
    const pkg = JSON.parse(readFileSync(join(site, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['astro', 'hikitsugi']);
    expect(pkg.dependencies.hikitsugi).toMatch(/^file:.*hikitsugi-\d+\.\d+\.\d+\.tgz$/);
    for (const file of ['astro.config.mjs', 'src/content.config.ts', 'hikitsugi.config.mjs', 'content/team.yaml', '.gitignore', '.github/workflows/handbook.yml']) {
      expect(existsSync(join(site, file)), file).toBe(true);
    }
    expect(readdirSync(join(site, 'content/retros'))).toEqual(['_kpt-board.md']);
    // The installed package is a copy, not a link back into this repository.
    expect(realpathSync(join(site, 'node_modules/hikitsugi'))).toBe(join(site, 'node_modules/hikitsugi'));
    expect(realpathSync(join(site, 'node_modules/.bin/hikitsugi'))).toBe(join(site, 'node_modules/hikitsugi/scripts/hikitsugi.mjs'));
  });

  it('npm run build writes a site whose pages say lang="ja"', async () => {
    const r = ok(await run('npm', ['run', 'build'], site), 'npm run build');
    expect(r.stdout + r.stderr).not.toMatch(/\[ERROR\]/);
    // The starter has no retros or handover pages yet: nothing to warn about.
    expect(r.stdout + r.stderr).not.toMatch(/No files found/);
    const home = readFileSync(join(site, 'dist/index.html'), 'utf8');
    expect(home).toMatch(/<html[^>]*lang="ja"/);
    // One guideline chapter and one runbook: the English home counts each in the singular.
    const enHome = readFileSync(join(site, 'dist/en/index.html'), 'utf8');
    expect(enHome).toMatch(/>\(1 page\)<\/small>/);
    expect(enHome).not.toContain('(1 pages)');
    const runbook = readFileSync(join(site, 'dist/runbooks/web-5xx-errors/index.html'), 'utf8');
    expect(runbook).toContain('Web サーバーの 5xx エラー増加');
    // The search index (our own since #14, Pagefind's pagefind.js before).
    expect(existsSync(join(site, 'dist/hk-search/meta.json.gz'))).toBe(true);
  });

  it('the installed package builds from its prebuilt bundles, without compiling TypeScript', async () => {
    const pkg = join(site, 'node_modules/hikitsugi');
    const { freshBundle, BUNDLES } = await import(join(pkg, 'src/io/prebuilt-bundles.mjs'));
    for (const name of ['integration', 'builtSite']) expect(freshBundle(pkg, name), name).toBe(pathToFileURL(join(pkg, BUNDLES[name].bundle)).href);
  });

  it('npx hikitsugi --help lists every subcommand', async () => {
    const r = ok(await hikitsugi(['--help']), 'hikitsugi --help');
    for (const c of COMMANDS) expect(r.stdout).toContain(`  ${c.name} `);
  });

  it('each subcommand has --help, named as the hikitsugi command', async () => {
    for (const c of COMMANDS) {
      const r = await hikitsugi([...c.name.split(' '), '--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.stdout, c.name).toContain(`Usage: hikitsugi ${c.name}`);
    }
  });

  it('knowledge --json and lint run from the installed package', async () => {
    const k = ok(await hikitsugi(['knowledge', '--json', '--no-git']), 'hikitsugi knowledge --json');
    const report = JSON.parse(k.stdout);
    expect(report.summary).toMatchObject({ pages: 2, overdue: 0, at_risk: 0 });
    ok(await hikitsugi(['knowledge', '--strict', '--no-git']), 'hikitsugi knowledge --strict');
    const lint = ok(await hikitsugi(['lint']), 'hikitsugi lint');
    // The two starter pages, the starter's onboarding path and the retro board's instructions.
    expect(lint.stdout + lint.stderr).toMatch(/4 files: no problems/);
  });

  it('kpt import reads a board from the test Miro server into content/retros/', async () => {
    const r = ok(
      await hikitsugi(['kpt', 'import', '--board', board.board.id, '--team', 'SRE チーム', '--owner', 'owner'], { MIRO_ACCESS_TOKEN: TEST_TOKEN, MIRO_API_URL: server.url }),
      'hikitsugi kpt import',
    );
    expect(r.stdout.trim()).toBe(join('content', 'retros', '2025-06-12-sre.mdx'));
    expect(r.stdout + r.stderr).not.toContain(TEST_TOKEN);
    expect(readFileSync(join(site, 'content/retros/2025-06-12-sre.mdx'), 'utf8')).toContain('board_id: ' + board.board.id);
  });

  it('a misspelt option in hikitsugi.config.mjs or astro.config.mjs fails the build naming it', async () => {
    const configFile = join(site, 'hikitsugi.config.mjs');
    const astroFile = join(site, 'astro.config.mjs');
    const config = readFileSync(configFile, 'utf8');
    const astro = readFileSync(astroFile, 'utf8');
    try {
      writeFileSync(configFile, config.replace('timeZone:', 'timezone:'));
      const a = await run('npx', ['astro', 'build'], site);
      expect(a.code).not.toBe(0);
      expect(a.stdout + a.stderr).toMatch(/hikitsugi\.config\.mjs: unknown option "timezone" \(allowed: title, ui, .*timeZone/);
      // The commands read the same file and stop the same way.
      const k = await hikitsugi(['knowledge', '--no-git']);
      expect(k.code).toBe(1);
      expect(k.stderr).toMatch(/unknown option "timezone"/);

      writeFileSync(configFile, config);
      writeFileSync(astroFile, astro.replace('hikitsugi()', "hikitsugi({ knowledge: { minOwner: 2 } })"));
      const b = await run('npx', ['astro', 'build'], site);
      expect(b.code).not.toBe(0);
      expect(b.stdout + b.stderr).toMatch(/hikitsugi\(\) in astro\.config\.mjs: unknown option "knowledge\.minOwner" \(allowed: dueSoonDays, minOwners, strict\)/);
    } finally {
      writeFileSync(configFile, config);
      writeFileSync(astroFile, astro);
    }
  });
});
