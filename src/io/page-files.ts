import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathIdForFile } from '../lib/onboarding/paths.ts';

/**
 * Markdown/MDX page files under `dir`, recursively, skipping dotfiles and node_modules and, unless
 * `includeDrafts`, `_drafts/` and `_partials.mdx`: the same files Astro's glob loader picks up.
 * The linter includes drafts: a token in a draft is still published in Git.
 */
export function listPageFiles(dir: string, options: { includeDrafts?: boolean } = {}): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules') return [];
    if (name.startsWith('_') && !options.includeDrafts) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listPageFiles(full, options) : /\.mdx?$/i.test(name) ? [full] : [];
  });
}

/** Onboarding path files (`onboarding/*.yaml`, not `_draft.yaml` unless `includeDrafts`) and the id each becomes. */
export function listOnboardingFiles(contentDir: string, options: { includeDrafts?: boolean } = {}): { file: string; id: string }[] {
  let names: string[];
  try {
    names = readdirSync(resolve(contentDir, 'onboarding'));
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name) && (options.includeDrafts || !name.startsWith('_')) && !name.startsWith('.'))
    .sort()
    .map((name) => ({ file: join(resolve(contentDir, 'onboarding'), name), id: pathIdForFile(name) }));
}

/** Whether `path` is a file (an image a page shows, say). */
export function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}
