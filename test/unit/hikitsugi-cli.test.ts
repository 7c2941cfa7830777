/** The `hikitsugi` command: help, version, dispatch to each subcommand, and mistakes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { REPO } from '../support/build.ts';
import { runScript } from '../support/cli.ts';

const hikitsugi = (args: string[]) => runScript('hikitsugi', args);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('hikitsugi', { timeout: 60_000 }, () => {
  it('--help and no arguments list every command and exit 0', async () => {
    for (const args of [['--help'], []]) {
      const r = await hikitsugi(args);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${escape(c.name)} +${escape(c.summary)}$`, 'm'));
    }
  });

  it('--version prints the package version', async () => {
    const r = await hikitsugi(['--version']);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
  });

  it('hands the rest of the line to the subcommand, under its hikitsugi name', async () => {
    const r = await hikitsugi(['retro', 'actions', '--owner', 'nobody-here']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*nobody-here/);
    const help = await hikitsugi(['retro', 'actions', '--help']);
    expect(help.stdout).toMatch(/^Usage: hikitsugi retro actions /);
  });

  it.each([
    [['frob'], /^error: unknown command "frob" \(commands: init, lint, /],
    [['kpt'], /^error: "kpt" is not a command; did you mean kpt import or kpt prepare\?/],
    [['retro', 'action'], /^error: "retro action" is not a command; did you mean retro actions\?/],
  ])('%j exits 2 with one line and a pointer to --help', async (args, message) => {
    const r = await hikitsugi(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\(see hikitsugi --help\)\n$/);
    expect(r.stdout).toBe('');
  });
});
