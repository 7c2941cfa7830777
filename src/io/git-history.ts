/**
 * Reads the Git history of the content folder for the bus-factor maths: one `git log` per call.
 * Refuses to give numbers it cannot stand behind: a shallow clone (CI's default checkout), a
 * folder outside any repository, a repository without commits, or no git at all each yield
 * `{ available: false, reason }` instead of commits.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseLog } from '../lib/knowledge/git-log.ts';
import type { HistoryInput } from '../lib/knowledge/report.ts';

const run = promisify(execFile);

/** Git without the user's pager, colours, signatures or localized messages getting in the way. */
async function git(cwd: string, args: string[], binary = 'git'): Promise<string> {
  const { stdout } = await run(binary, ['-c', 'log.showSignature=false', '-c', 'color.ui=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

const firstLine = (e: unknown) =>
  String((e as { stderr?: string }).stderr || (e as Error).message || e)
    .trim()
    .split('\n')[0];

export const SHALLOW_REASON =
  'history incomplete: this is a shallow clone, so older authors are missing (fetch the full history: `git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)';

/**
 * Commits touching `contentDir`, oldest first, with paths relative to `contentDir`: those reachable
 * from HEAD, or from `rev` (the base of a comparison) when given.
 */
export async function readContentHistory(contentDir: string, options: { gitBinary?: string; rev?: string } = {}): Promise<HistoryInput> {
  const bin = options.gitBinary ?? 'git';
  let prefix: string;
  try {
    const [inside, shallow, showPrefix] = (
      await git(contentDir, ['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix'], bin)
    ).split('\n');
    if (inside !== 'true') return { available: false, reason: `${contentDir} is not inside a Git work tree` };
    if (shallow === 'true') return { available: false, reason: SHALLOW_REASON };
    prefix = showPrefix ?? '';
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      // execFile reports a missing cwd and a missing git binary alike: tell them apart.
      const { existsSync } = await import('node:fs');
      return {
        available: false,
        reason: existsSync(contentDir) ? 'git is not installed (or not on PATH)' : `${contentDir} does not exist`,
      };
    }
    const message = firstLine(e);
    if (/not a git repository/i.test(message)) return { available: false, reason: `${contentDir} is not in a Git repository` };
    return { available: false, reason: `git failed: ${message}` };
  }

  let out: string;
  try {
    out = await git(contentDir, [
      'log',
      '--no-merges',
      '--topo-order',
      '-M',
      '--name-status',
      '-z',
      '--format=%x1e%H%x1f%aN%x1f%aE',
      ...(options.rev ? ['--end-of-options', options.rev] : []),
      '--',
      '.',
    ], bin);
  } catch (e) {
    const message = firstLine(e);
    if (/does not have any commits|bad default revision/i.test(message)) {
      return { available: false, reason: 'the repository has no commits yet' };
    }
    return { available: false, reason: `git log failed: ${message}` };
  }
  return { available: true, commits: parseLog(out, prefix).reverse() };
}
