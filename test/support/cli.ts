/** Runs one of the project's CLIs (`scripts/<name>.ts`) the way `npm run <name>` does, with tsx. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO, TEST_TODAY } from './build.ts';

const TSX = join(REPO, 'node_modules/tsx/dist/cli.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** Values of `undefined` remove a variable (e.g. to run without a token). */
  env?: Record<string, string | undefined>;
}

/** `npm run <script>`: runs `scripts/<script>.ts`. */
export function runScript(script: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runTypeScript(join('scripts', `${script}.ts`), args, options);
}

/** Runs a TypeScript entry point of this repository (`file` relative to it) with tsx. */
export function runTypeScript(file: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, HIKITSUGI_TODAY: TEST_TODAY, NO_COLOR: '1', ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSX, join(REPO, file), ...args], {
      cwd: options.cwd ?? REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
