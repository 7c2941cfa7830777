/**
 * Git beyond the history: who the local user is (for `npm run review` without --by) and the
 * content folder as it was at another commit (for `npm run knowledge -- --diff <ref>`), copied
 * into a temporary folder so that it loads exactly as the working tree does.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { CommitAuthor } from '../lib/knowledge/authorship.ts';

const run = promisify(execFile);
const GIT_ENV = { ...process.env, LC_ALL: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' };

async function git(cwd: string, args: string[], input?: string): Promise<Buffer> {
  if (input === undefined) {
    const { stdout } = await run('git', args, { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: GIT_ENV });
    return stdout;
  }
  return new Promise((done, fail) => {
    const child = execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, env: GIT_ENV }, (error, stdout) =>
      error ? fail(error) : done(stdout),
    );
    child.stdin!.end(input);
  });
}

const firstLine = (e: unknown) =>
  String((e as { stderr?: Buffer | string }).stderr?.toString() || (e as Error).message || e)
    .trim()
    .split('\n')[0];

/** `user.name` and `user.email` from Git's config, or null when neither is set (or no git). */
export async function gitUser(cwd: string): Promise<CommitAuthor | null> {
  const get = async (key: string) => {
    try {
      return (await git(cwd, ['config', '--get', key])).toString('utf8').trim();
    } catch {
      return '';
    }
  };
  const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
  return name || email ? { name, email } : null;
}

export class GitRefError extends Error {}

/** Files of the content folder that loading reads: pages, the roster, onboarding paths. */
const CONTENT_FILE = /\.(mdx?|ya?ml)$/i;

/**
 * Copies `contentDir` as it is in commit `ref` into a new temporary folder and returns it, with a
 * function that removes it. Fails with a GitRefError naming the ref when Git does not know it.
 */
export async function checkoutContentAt(contentDir: string, ref: string): Promise<{ dir: string; remove: () => void }> {
  let commit: string;
  try {
    commit = (await git(contentDir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).toString().trim();
  } catch (e) {
    const message = firstLine(e);
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new GitRefError('git is not installed (or not on PATH)');
    if (/not a git repository/i.test(message)) throw new GitRefError(`${contentDir} is not in a Git repository`);
    throw new GitRefError(`unknown Git ref "${ref}" (in a CI checkout, fetch it first: git fetch origin main, or fetch-depth: 0)`);
  }
  const prefix = (await git(contentDir, ['rev-parse', '--show-prefix'])).toString().trim();
  const names = (await git(contentDir, ['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', '.']))
    .toString('utf8')
    .split('\0')
    .filter((name) => name && name.startsWith(prefix) && CONTENT_FILE.test(name));

  const dir = mkdtempSync(join(tmpdir(), 'hikitsugi-at-ref-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (names.length) {
      // One `git cat-file --batch` for every file: "<sha> blob <size>\n<bytes>\n" each.
      const out = await git(contentDir, ['cat-file', '--batch'], names.map((n) => `${commit}:${n}\n`).join(''));
      let at = 0;
      for (const name of names) {
        const headerEnd = out.indexOf(0x0a, at);
        const header = out.subarray(at, headerEnd).toString('utf8');
        const size = Number(/ blob (\d+)$/.exec(header)?.[1]);
        if (!Number.isFinite(size)) throw new Error(`git cat-file: unexpected answer for ${name}: ${header}`);
        const target = join(dir, name.slice(prefix.length));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, out.subarray(headerEnd + 1, headerEnd + 1 + size));
        at = headerEnd + 1 + size + 1;
      }
    }
  } catch (e) {
    remove();
    throw e;
  }
  return { dir, remove };
}
