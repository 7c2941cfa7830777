/**
 * The example workflow .github/workflows/kpt-import.yml: run by hand with a board URL, and its
 * import step, run as GitHub would run it (bash, env inputs) against the Miro-shaped server,
 * writes the page and hands its path to the pull-request step. Inputs never become code.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, TEST_TODAY } from '../support/build.ts';
import { framesBoard, startMiroServer, TEST_TOKEN, type MiroServer } from '../../bench/harness/miro-server.ts';

interface Step {
  name?: string;
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
const workflow = parse(readFileSync(join(REPO, '.github/workflows/kpt-import.yml'), 'utf8')) as {
  on: { workflow_dispatch: { inputs: Record<string, { required?: boolean }> } };
  permissions: Record<string, string>;
  jobs: { import: { steps: Step[] } };
};
const steps = workflow.jobs.import.steps;

let server: MiroServer;
const board = framesBoard('ja', 'uXjVFlowBrd=');
beforeAll(async () => {
  server = await startMiroServer({ boards: [board] });
});
afterAll(() => server.close());

function bash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd: REPO, env: { PATH: `${join(REPO, 'node_modules/.bin')}:${process.env.PATH}`, HOME: process.env.HOME ?? '/tmp', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('.github/workflows/kpt-import.yml', { timeout: 60_000 }, () => {
  it('is run by hand with a board URL, and may push a branch and open a pull request', () => {
    expect(workflow.on.workflow_dispatch.inputs.board.required).toBe(true);
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(steps.some((s) => s.run?.includes('gh pr create'))).toBe(true);
  });

  it('pastes no input or secret into a script: they reach the shell as environment variables', () => {
    for (const s of steps) expect(s.run ?? '', s.name).not.toMatch(/\$\{\{/);
    const step = steps.find((s) => s.id === 'import')!;
    expect(step.env).toMatchObject({ MIRO_ACCESS_TOKEN: '${{ secrets.MIRO_ACCESS_TOKEN }}', BOARD: '${{ inputs.board }}' });
  });

  it('its import step writes the page and passes its path on; a hostile input stays text', async () => {
    const step = steps.find((s) => s.id === 'import')!;
    const content = mkdtempSync(join(tmpdir(), 'hk-flow-'));
    cpSync(join(REPO, 'content'), content, { recursive: true });
    const temp = mkdtempSync(join(tmpdir(), 'hk-runner-'));
    const output = join(temp, 'github-output');
    writeFileSync(output, '');
    const marker = join(temp, 'pwned');
    const env = {
      MIRO_ACCESS_TOKEN: TEST_TOKEN,
      MIRO_API_URL: server.url,
      CONTENT_DIR: content,
      HIKITSUGI_TODAY: TEST_TODAY,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: output,
      BOARD: `https://miro.com/app/board/${board.board.id}/`,
      TEAM: `SRE $(touch ${marker})`,
      OWNER: 'tanaka',
    };
    const r = await bash(step.run!, env);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    const page = /^page=(.+)$/m.exec(readFileSync(output, 'utf8'))![1];
    expect(page).toMatch(new RegExp(`^${content}/retros/2025-06-12-.+\\.mdx$`));
    expect(readFileSync(page, 'utf8')).toContain(`team: SRE $(touch ${marker})`);
    expect(r.stdout).toMatch(/Keep 3 \/ Problem 2 \/ Try 2/);
    expect(r.stdout + r.stderr).not.toContain(TEST_TOKEN);

    // A failed import fails the job, with Miro's one-line reason in the log.
    const bad = await bash(step.run!, { ...env, MIRO_ACCESS_TOKEN: 'wrong' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/error: Miro rejected the access token \(401\)/);
  });
});
