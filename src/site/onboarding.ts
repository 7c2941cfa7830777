/**
 * The onboarding paths of this build, joined with their pages: computed once per build (every
 * content page asks whether it is a step), recomputed on each request in dev so edits show.
 */
import { getCollection } from 'astro:content';
import { pagesOf } from './pages.ts';
import settings from 'virtual:hikitsugi/settings';
import { listOnboardingFiles } from '../io/page-files.ts';
import { readingMinutes } from '../lib/onboarding/reading-time.ts';
import { membershipByPage, resolvePath, sortPaths, type Membership, type PageInfo, type ResolvedPath } from '../lib/onboarding/paths.ts';
import { PAGE_KINDS } from '../lib/site/routes.ts';
import { today } from './today.ts';

export interface Onboarding {
  /** In display order: the first one is the home page's "start here". */
  paths: ResolvedPath[];
  /** Paths a page (`kind/slug`) is a step of. */
  membership: Map<string, Membership[]>;
}

let cache: Promise<Onboarding> | undefined;

export function onboarding(): Promise<Onboarding> {
  if (!cache || import.meta.env.DEV) cache = load();
  return cache;
}

/** What a reader reads on the page: the body, and for a retro its KPT items (kept in front matter). */
function readableText(entry: { collection: string; body?: string; data: object }): string {
  const items = 'items' in entry.data && Array.isArray(entry.data.items) ? (entry.data.items as { text?: unknown }[]) : [];
  return [entry.body ?? '', ...items.map((i) => (typeof i.text === 'string' ? i.text : ''))].join('\n');
}

async function load(): Promise<Onboarding> {
  // No path files, no paths (and no "collection is empty" warning on every page).
  if (listOnboardingFiles(settings.contentDir).length === 0) return { paths: [], membership: new Map() };
  const entries = await getCollection('onboarding');
  const wanted = new Set(entries.flatMap((e) => e.data.steps.flatMap((s) => (s.type === 'page' ? [s.page] : []))));
  const pages = new Map<string, PageInfo>();
  for (const kind of PAGE_KINDS) {
    for (const entry of await pagesOf(kind)) {
      const ref = `${kind}/${entry.id}`;
      if (!wanted.has(ref)) continue;
      pages.set(ref, {
        title: entry.data.title,
        description: entry.data.description,
        minutes: readingMinutes(readableText(entry)),
        reviewed: entry.data.reviewed,
        reviewEvery: entry.data.review_every,
      });
    }
  }
  const day = today();
  const paths = sortPaths(entries.map((e) => resolvePath(e.id, e.data, pages, day)));
  return { paths, membership: membershipByPage(paths) };
}

/**
 * The attributes a path's container carries for the progress script
 * (src/components/onboarding-progress.ts reads them): one definition for the index and the path page.
 */
export function progressAttributes(path: ResolvedPath, locale: string): Record<string, string> {
  return {
    'data-hk-path': path.id,
    'data-hk-locale': locale,
    'data-hk-keys': JSON.stringify(path.steps.map((s) => s.key)),
    'data-hk-minutes': JSON.stringify(path.steps.map((s) => s.minutes ?? null)),
  };
}
