import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Markdown/MDX page files under `dir`, recursively, skipping `_drafts`, `_partials.mdx` and
 * dotfiles: the same files Astro's glob loader picks up.
 */
export function listPageFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('_') || name.startsWith('.')) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listPageFiles(full) : /\.mdx?$/i.test(name) ? [full] : [];
  });
}
