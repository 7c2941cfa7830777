/**
 * Which files are pages: one pattern for the site's content loader (Astro's glob loader, which
 * runs tinyglobby) and for the CLIs' page list (`src/io/page-files.ts`), so both see the same files.
 * Markdown and MDX (the extension as written: `.MD` is not a page), no dotfiles (tinyglobby's
 * default), no `node_modules`, and no drafts/partials: a file or folder whose name starts with `_`.
 */
const PAGES = '**/*.{md,mdx}';
const NOT_DEPENDENCIES = '!**/node_modules/**';
const NOT_DRAFTS = '!**/_*';

/** The loader's pattern, relative to a kind's folder. */
export const PAGE_PATTERN: string[] = [PAGES, NOT_DEPENDENCIES, NOT_DRAFTS];

/** The pattern for a page list; with drafts for the linter (a token in a draft is still published in Git). */
export function pagePattern(options: { includeDrafts?: boolean } = {}): string[] {
  return options.includeDrafts ? [PAGES, NOT_DEPENDENCIES] : PAGE_PATTERN;
}

/** tinyglobby's options as Astro's glob loader passes them. */
export const PAGE_GLOB_OPTIONS = { expandDirectories: false } as const;
