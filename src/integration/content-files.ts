/**
 * The content files on disk and the site paths they become. Read when the build starts
 * (and again in dev when files change), for the link checker.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PAGE_KINDS, staticPaths } from '../site/routes.ts';
import { slugForFile } from '../lib/content/slugs.ts';
import { localePrefix, LOCALES } from '../site/i18n.ts';
import { pathIdForFile } from '../lib/onboarding/paths.ts';

const PAGE_FILE = /\.(mdx?)$/i;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (name.startsWith('_') || name.startsWith('.')) return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : PAGE_FILE.test(name) ? [full] : [];
  });
}

export interface SiteMap {
  routes: Set<string>;
  routeOfFile: Map<string, string>;
}

/** Maps absolute source paths to site paths. */
export function scanContent(contentDir: string, extraPaths: string[] = []): SiteMap {
  const routeOfFile = new Map<string, string>();
  for (const kind of PAGE_KINDS) {
    const dir = resolve(contentDir, kind);
    for (const file of walk(dir)) {
      routeOfFile.set(file.split('\\').join('/'), `/${kind}/${slugForFile(relative(dir, file))}/`);
    }
  }
  const paths = onboardingFiles(contentDir).map((f) => `/onboarding/${f.id}/`);
  const base = [...staticPaths(), ...extraPaths, ...paths, ...routeOfFile.values()];
  // A link may name the English UI of a page too.
  const routes = new Set(LOCALES.flatMap((l) => base.map((p) => (localePrefix(l) + p).replace(/\/\/$/, '/'))));
  return { routes, routeOfFile };
}

/** Onboarding path files (`onboarding/*.yaml`, not `_draft.yaml`) and the id each becomes. */
export function onboardingFiles(contentDir: string): { file: string; id: string }[] {
  let names: string[];
  try {
    names = readdirSync(resolve(contentDir, 'onboarding'));
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/i.test(name) && !name.startsWith('_') && !name.startsWith('.'))
    .sort()
    .map((name) => ({ file: join(resolve(contentDir, 'onboarding'), name), id: pathIdForFile(name) }));
}

/** Every page as `kind/slug` (what an onboarding step's `page:` names). */
export function pageRefs(contentDir: string): Set<string> {
  return new Set([...scanContent(contentDir).routeOfFile.values()].map((route) => route.slice(1, -1)));
}
