/**
 * The content files on disk and the site paths they become. Read when the build starts
 * (and again in dev when files change), for the link checker.
 */
import { relative, resolve } from 'node:path';
import { listOnboardingFiles, listPageFiles } from './page-files.ts';
import { PAGE_KINDS, staticPaths } from '../lib/site/routes.ts';
import { slugForFile } from '../lib/content/slugs.ts';
import { localePrefix, type Locale } from '../lib/i18n/ui.ts';

export interface SiteMap {
  routes: Set<string>;
  routeOfFile: Map<string, string>;
}

/** Maps absolute source paths to site paths. */
export function scanContent(contentDir: string, locales: readonly Locale[], extraPaths: string[] = []): SiteMap {
  const routeOfFile = new Map<string, string>();
  for (const kind of PAGE_KINDS) {
    const dir = resolve(contentDir, kind);
    for (const file of listPageFiles(dir)) {
      routeOfFile.set(file.split('\\').join('/'), `/${kind}/${slugForFile(relative(dir, file))}/`);
    }
  }
  const paths = listOnboardingFiles(contentDir).map((f) => `/onboarding/${f.id}/`);
  const base = [...staticPaths(), ...extraPaths, ...paths, ...routeOfFile.values()];
  // A link may name the English UI of a page too.
  const routes = new Set(locales.flatMap((l) => base.map((p) => (localePrefix(l) + p).replace(/\/\/$/, '/'))));
  return { routes, routeOfFile };
}

/** Every page as `kind/slug` (what an onboarding step's `page:` names). */
export function pageRefs(contentDir: string): Set<string> {
  return new Set([...scanContent(contentDir, ['ja']).routeOfFile.values()].map((route) => route.slice(1, -1)));
}
