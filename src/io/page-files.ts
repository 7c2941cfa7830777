import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { pathIdForFile } from '../lib/onboarding/paths.ts';
import { PAGE_GLOB_OPTIONS, pagePattern } from '../lib/content/globs.ts';

/**
 * Markdown/MDX page files under `dir` (paths joined to `dir`, sorted): the files the site's content
 * loader picks up, with its own pattern. The linter asks for drafts too.
 */
export function listPageFiles(dir: string, options: { includeDrafts?: boolean } = {}): string[] {
  return globSync(pagePattern(options), { ...PAGE_GLOB_OPTIONS, cwd: dir })
    .sort()
    .map((file) => join(dir, file));
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
