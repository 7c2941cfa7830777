/** What every page component needs to know about where it is rendered. */
import { getCollection } from 'astro:content';
import settings from 'virtual:hikitsugi/settings';
import { href as localizedHref, localeOfPattern, type Locale } from './i18n.ts';
import type { Member } from '../lib/content/schema.ts';

export interface PageContext {
  locale: Locale;
  /** Site path with base and locale prefix. */
  href: (path: string) => string;
  /** Only root-locale pages go into the search index: the English UI shows the same content. */
  indexed: boolean;
}

export function pageContext(routePattern: string): PageContext {
  const locale = localeOfPattern(routePattern);
  return {
    locale,
    href: (path) => localizedHref(import.meta.env.BASE_URL, locale, path),
    indexed: locale === 'ja',
  };
}

/** Edit link for a content file, when the site is configured with a repository edit URL. */
export function editUrl(filePath: string | undefined): string | false {
  if (!settings.editUrl || !filePath) return false;
  return `${settings.editUrl.replace(/\/$/, '')}/${filePath.replace(/^\.\//, '')}`;
}

let rosterCache: Promise<Map<string, Member>> | undefined;
/** The roster by member id (loaded once per build). */
export function roster(): Promise<Map<string, Member>> {
  rosterCache ??= getCollection('team').then((entries) => new Map(entries.map((e) => [e.data.id, e.data as Member])));
  return rosterCache;
}
