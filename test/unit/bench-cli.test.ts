/**
 * `npm run bench` as a user runs it, for what needs no builds: help, bad flags, and checking
 * budgets against a results file (`--check --reuse`). The full run is `npm run bench` itself.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allBudgetsMet } from '../support/bench-results.ts';
import { runTypeScript } from '../support/cli.ts';

const bench = (args: string[]) => runTypeScript('bench/run.ts', args);

const dir = mkdtempSync(join(tmpdir(), 'hk-bench-'));
function resultsFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// Each case starts tsx in a child process, which takes seconds on a loaded machine.
describe('npm run bench', { timeout: 60_000 }, () => {
  it('--help lists the flags with examples and exits 0', async () => {
    const r = await bench(['--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--quick', '--check', '--reuse', '--runs', '--keep', '--note', '--only']) expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('npm run bench -- --only baseline');
    expect(r.stdout).toContain('npm run bench -- --check --reuse');
  });

  it.each([
    [['--fast'], /unknown option '--fast'/],
    [['--runs', '0'], /--runs: expected a whole number from 1 to 20, got "0"/],
    [['--runs', 'many'], /--runs: expected a whole number/],
    [['--reuse', '--quick'], /--reuse runs nothing/],
    [['--results', 'x.json'], /--results only makes sense with --reuse/],
  ])('wrong usage %j exits 2 with one line saying why', async (args, message) => {
    const r = await bench(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.match(new RegExp(message.source, 'g'))).toHaveLength(1); // said once
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--check --reuse exits 0 when every budget is met', async () => {
    const r = await bench(['--check', '--reuse', '--results', resultsFile('met.json', allBudgetsMet())]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('All budgets met.');
  });

  it('--check --reuse exits 1 naming each budget missed or not measured', async () => {
    const missed = { ...allBudgetsMet(), import: { status: 'not-measured', reason: 'importer not merged yet' } };
    missed.pageWeight[0].html.max = 48_000;
    const r = await bench(['--check', '--reuse', '--results', resultsFile('missed.json', missed)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/largest runbook page HTML \(a\) at N = 1,000: 48\.0 KB .*\(limit < 40\.0 KB\)/);
    expect(r.stderr).toContain('requests to import a board: not measured: importer not merged yet');
    expect(r.stderr).not.toContain('build time');
  });

  it.each([
    ['missing.json', null, /not found/],
    ['broken.json', '{"version": 1, "builds": [', /not valid JSON/],
    ['other.json', { version: 2 }, /not a results file of this benchmark/],
  ])('--check --reuse with %s exits 1 with one line', async (name, content, message) => {
    const path = content === null ? join(dir, name) : resultsFile(name, content);
    const r = await bench(['--check', '--reuse', '--results', path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
