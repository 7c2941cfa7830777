/** `hikitsugi workflows` in an existing handbook: adds what is missing, never replaces a team's change without --force. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowFiles } from '../../src/lib/scaffold/starter.ts';
import { runScript } from '../support/cli.ts';
import { newHandbookFiles } from '../support/starter.ts';

const CI = '.github/workflows/handbook.yml';
const REMINDER = '.github/workflows/knowledge-reminder.yml';

/** A handbook as `init` made it (without the reminder). */
function handbook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hk-workflows-'));
  for (const [rel, text] of Object.entries(newHandbookFiles())) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
const workflows = (dir: string, args: string[]) => runScript('workflows', args, { cwd: dir });
const read = (dir: string, rel: string) => readFileSync(join(dir, rel), 'utf8');

describe('hikitsugi workflows', { timeout: 60_000 }, () => {
  it('adds the reminder to a handbook made without it, and says the rest is up to date', async () => {
    const dir = handbook();
    const r = await workflows(dir, ['--reminder']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`wrote ${REMINDER}\n${CI} is up to date\n`);
    expect(read(dir, REMINDER)).toBe(workflowFiles({ reminder: true })[REMINDER]);
    expect((await workflows(dir, ['--reminder', '--check'])).stdout).toBe('2 workflows up to date\n');
  });

  it('leaves a changed workflow alone and writes nothing, unless --force', async () => {
    const dir = handbook();
    writeFileSync(join(dir, CI), `${read(dir, CI)}      - run: echo ours\n`);
    const changed = read(dir, CI);
    const r = await workflows(dir, ['--reminder']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `error: ${CI} differs from this version of hikitsugi's (changed here, or written by an older hikitsugi): nothing written; --force replaces it`,
    );
    expect(read(dir, CI)).toBe(changed);
    expect(existsSync(join(dir, REMINDER))).toBe(false);

    const check = await workflows(dir, ['--check', '--reminder']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${REMINDER} is missing; ${CI} differs from this version of hikitsugi's`);

    const forced = await workflows(dir, ['--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(`replaced ${CI}\n`);
    expect(read(dir, CI)).toBe(workflowFiles()[CI]);
  });

  it('refuses a folder that is not a handbook, writing nothing', async () => {
    const dir = handbook();
    const sub = join(dir, 'content');
    const r = await workflows(sub, ['--reminder']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`error: ${sub} has no package.json or hikitsugi.config.mjs: run this from the handbook's root`);
    expect(existsSync(join(sub, '.github'))).toBe(false);
  });

  it('--check with --force is wrong usage (exit 2), writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-workflows-'));
    const r = await workflows(dir, ['--check', '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --check writes nothing: it cannot be combined with --force\n/);
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });
});
