/**
 * The pages of a kind. A new handbook has kinds with no pages yet (retros before the first
 * retro): those give [] without Astro warning "collection is empty" on every page that asks.
 */
import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import settings from 'virtual:hikitsugi/settings';
import { listPageFiles } from '../io/page-files.ts';
import type { PAGE_KINDS } from '../lib/site/routes.ts';

type PageKind = (typeof PAGE_KINDS)[number];

const known = new Map<PageKind, boolean>();

function hasPages(kind: PageKind): boolean {
  // Once per build; in dev a page may be added at any time.
  if (import.meta.env.DEV || !known.has(kind)) known.set(kind, listPageFiles(resolve(settings.contentDir, kind)).length > 0);
  return known.get(kind)!;
}

export async function pagesOf<K extends PageKind>(kind: K): Promise<CollectionEntry<K>[]> {
  return hasPages(kind) ? getCollection(kind) : [];
}
