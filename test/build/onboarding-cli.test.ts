/** `npm run onboarding`: the same checks as the build, from the terminal, with honest exit codes. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, TEST_TODAY } from '../support/build.ts';
import { makeContentDir } from '../support/content-fixture.ts';

const TSX = join(REPO, 'node_modules/tsx/dist/cli.mjs');

function cli(args: string[], contentDir: string) {
  const result = spawnSync(process.execPath, [TSX, join(REPO, 'scripts/onboarding.ts'), ...args], {
    cwd: REPO,
    env: { ...process.env, CONTENT_DIR: contentDir, HIKITSUGI_TODAY: TEST_TODAY, SITE_URL: '' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const START = 'title: はじめの一歩\naudience: 初日\norder: 1\nsteps:\n  - page: guideline/intro\n    why: 最初に読む\n  - task: 鍵を受け取る\n    why: 入館に必要\n    minutes: 5\n';

describe.concurrent('npm run onboarding', () => {
  it('list: the paths with steps and time; check: ok', async ({ expect }) => {
    const dir = makeContentDir({ 'onboarding/start.yaml': START });
    const list = cli(['list'], dir);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^ID\s+AUDIENCE\s+STEPS\s+TIME\s+OVERDUE\s+TITLE$/m);
    expect(list.stdout).toMatch(/^start\s+初日\s+2\s+6 min\s+-\s+はじめの一歩$/m);
    const check = cli(['check'], dir);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toBe('ok: 1 path, 2 steps\n');
  });

  it('checklist: Markdown tasks with links under the given site URL', async ({ expect }) => {
    const dir = makeContentDir({ 'onboarding/start.yaml': START });
    const out = cli(['checklist', 'start', '--site-url', 'https://hb.example.com/handbook/'], dir);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('- [ ] [はじめに](https://hb.example.com/handbook/guideline/intro/)（1 分）\n  最初に読む\n');
    expect(out.stdout).toContain('- [ ] 鍵を受け取る（5 分）\n  入館に必要\n');
  });

  it('a bad path file: check fails naming the file and step (exit 1)', async ({ expect }) => {
    const dir = makeContentDir({ 'onboarding/start.yaml': START.replace('guideline/intro', 'guideline/intra') });
    const out = cli(['check'], dir);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/onboarding\/start\.yaml: steps\.0\.page: step 1: no page "guideline\/intra".*did you mean "guideline\/intro"/);
  });

  it('an unknown path id fails (exit 1); wrong usage exits 2', async ({ expect }) => {
    const dir = makeContentDir({ 'onboarding/start.yaml': START });
    const unknown = cli(['checklist', 'nope'], dir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error: no path "nope" (paths: start)\n');
    expect(cli(['--frobnicate'], dir).code).toBe(2);
    // A misspelt command is named as one, not taken for an argument of the default command (list).
    const misspelt = cli(['show', 'start'], dir);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toBe('error: unknown command "show" (commands: list, check, checklist)\n(see --help)\n');
    expect(cli([], dir).stdout).toMatch(/^start\s+初日/m);
    expect(cli(['checklist'], dir).code).toBe(2);
    expect(cli(['checklist', 'start', '--site-url', 'hb.example.com'], dir).code).toBe(2);
    expect(cli(['checklist', 'start', '--locale', 'fr'], dir).code).toBe(2);
  });

  it('no onboarding folder: list says so and succeeds', async ({ expect }) => {
    const out = cli(['list'], makeContentDir());
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/no onboarding paths/);
  });
});
