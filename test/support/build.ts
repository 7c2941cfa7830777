/**
 * Runs a real `astro build` of this project against any content folder, into its own
 * output and cache folders so builds can run side by side.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
const ASTRO = join(REPO, 'node_modules/astro/bin/astro.mjs');

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

/**
 * For builds that are meant to fail. Node 24 can deadlock in process.exit while a background V8
 * compile job waits for a GC (nodejs/node#54918); Astro exits that way on an error, and 5 of 32
 * failed syncs hung. --single-threaded keeps V8's work on the main thread: 0 of 30 hung.
 */
export const FAILING_BUILD_FLAGS = ['--single-threaded'];

export interface BuildOptions {
  contentDir?: string;
  base?: string;
  /** `build` renders the site; `sync` only loads and validates content (much faster). */
  command?: 'build' | 'sync';
  env?: Record<string, string>;
  outDir?: string;
  /** Build in these folders instead of fresh ones, so a later build reuses this one's content cache. */
  session?: BuildSession;
  /** Flags for the Node process that runs Astro (V8 flags are not allowed in NODE_OPTIONS). */
  nodeFlags?: string[];
  /** Files to serve as the site's public/ besides the repository's own (what `adopt` put in a public folder). */
  publicDir?: string;
}

/**
 * The project root and work folder (output, cache) of builds that must see each other's content
 * cache: Astro clears the cache when the config (root, outDir) differs, as it does between fresh builds.
 */
export interface BuildSession {
  root: string;
  work: string;
}

export function startBuildSession(): BuildSession {
  return { root: isolatedRoot(), work: mkdtempSync(join(tmpdir(), 'hk-build-')) };
}

export function endBuildSession(session: BuildSession): void {
  rmSync(session.root, { recursive: true, force: true });
  rmSync(session.work, { recursive: true, force: true });
}

/** Pinned "today" for every test build, so what is overdue does not change with the calendar. */
export const TEST_TODAY = '2026-11-24';

/**
 * Astro writes `<root>/.astro/` (prerender entry, types) wherever the project root is, so each
 * build gets its own root: links to this repository's code and dependencies, copies of its config.
 */
function isolatedRoot(publicDir?: string): string {
  // Inside the repository so node_modules is found by walking up (Astro mishandles a linked one).
  mkdirSync(join(REPO, '.test-builds'), { recursive: true });
  const root = mkdtempSync(join(REPO, '.test-builds', 'root-'));
  for (const name of ['src', 'public']) {
    if (existsSync(join(REPO, name))) cpSync(join(REPO, name), join(root, name), { recursive: true });
  }
  if (publicDir && existsSync(publicDir)) cpSync(publicDir, join(root, 'public'), { recursive: true });
  for (const name of ['astro.config.mjs', 'hikitsugi.config.mjs', 'package.json', 'tsconfig.json']) {
    copyFileSync(join(REPO, name), join(root, name));
  }
  return root;
}

/**
 * Vitest workers mirror Vite's import.meta.env into process.env (BASE_URL=/, DEV=1, MODE=test...).
 * A child build inheriting them renders `import.meta.env.BASE_URL` as "/" even under a base path
 * and runs with DEV set, so give it the environment a user's shell would.
 */
const TEST_RUNNER_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR'];
function withoutTestRunnerEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...source };
  for (const key of TEST_RUNNER_ENV) delete env[key];
  return env;
}

export function runAstro(options: BuildOptions = {}): Promise<BuildResult> {
  const { work, root } = options.session ?? {
    work: mkdtempSync(join(tmpdir(), 'hk-build-')),
    root: isolatedRoot(options.publicDir),
  };
  const outDir = options.outDir ?? join(work, 'dist');
  const env: NodeJS.ProcessEnv = {
    ...withoutTestRunnerEnv(process.env),
    // vitest sets NODE_ENV=test, which would make Astro build a dev-mode site (no search).
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    OUT_DIR: outDir,
    CACHE_DIR: join(work, 'cache'),
    HIKITSUGI_TODAY: TEST_TODAY,
    BASE_PATH: options.base ?? '/',
    CONTENT_DIR: options.contentDir ?? join(REPO, 'content'),
    ...options.env,
  };
  return new Promise((done, fail) => {
    // process.execPath is the Node that runs the tests (>= 22.12), never the system Node 20.
    // No stdin: nothing in a build may wait for input, as none would come in CI.
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ASTRO, options.command ?? 'build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => {
      if (!options.session) rmSync(root, { recursive: true, force: true });
      done({ code, output: stripAnsi(output), outDir });
    });
  });
}

export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}
