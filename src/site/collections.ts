/**
 * The content collections, for a site's src/content.config.ts:
 *
 *   import { hikitsugiCollections } from 'hikitsugi/content';
 *   export const collections = hikitsugiCollections();
 *
 * Each kind is a folder under `content/` with its own schema (defined once in
 * src/lib/content/schema.ts and used by the CLIs too). The roster is read first so that an
 * unknown owner id fails the build naming the page.
 */
import { readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import settings from 'virtual:hikitsugi/settings';
import { checkedGlob } from './checked-loader.ts';
import { LOCALES, starlightStrings } from './i18n.ts';
import { makeOnboardingSchema, makeSchemas, memberSchema } from '../lib/content/schema.ts';
import { parseRoster } from '../lib/content/roster.ts';
import { slugForFile } from '../lib/content/slugs.ts';
import { PAGE_PATTERN } from '../lib/content/globs.ts';
import { pageRefs, scanContent } from '../io/site-map.ts';
import { onboardingLoader } from './onboarding-loader.ts';

/**
 * Starlight's docs schema, built once. Given a schema function, Starlight builds the whole schema
 * again for every <StarlightPage> it renders, to validate the page's props (every page of ours is
 * one): 2.2 s of the 15 s of rendering 1,000 runbooks in both UIs went to zod building schemas.
 * Given a built schema it only validates. Our `docs` holds only the 404 page, which has no image,
 * so `image` is Starlight's own stand-in for <StarlightPage> props (an imported image object).
 */
const docsPageSchema = docsSchema()({
  image: () =>
    z.custom<{ src: string; width: number; height: number; format: string }>(
      (value) => Boolean(value) && (typeof value === 'function' || typeof value === 'object') && ['src', 'width', 'height', 'format'].every((k) => k in (value as object)),
      'Invalid image passed to `<StarlightPage>` component. Expected imported `ImageMetadata` object.',
    ),
} as unknown as Parameters<ReturnType<typeof docsSchema>>[0]);

export function hikitsugiCollections() {
  const rosterPath = `${settings.contentDir}/team.yaml`;
  const roster = parseRoster(readFileSync(rosterPath, 'utf8'), rosterPath);
  const memberIds = new Set(roster.map((m) => m.id));
  const schemas = makeSchemas(memberIds);
  // Onboarding steps name pages of any kind: the pages on disk, so a step to a missing page fails.
  const onboardingSchema = makeOnboardingSchema(memberIds, pageRefs(settings.contentDir));

  // A Markdown page's rendered body depends on which pages exist (its links are checked against
  // them), so the content cache is keyed on them too.
  const siteMap = scanContent(settings.contentDir, LOCALES);
  const sitePages = JSON.stringify([[...siteMap.routes].sort(), [...siteMap.routeOfFile].sort()]);

  // Pages are MDX or Markdown; files and folders starting with _ are drafts/partials (the CLIs list the same files).
  const pages = (folder: string) =>
    checkedGlob(
      {
        pattern: PAGE_PATTERN,
        base: `${settings.contentDir}/${folder}`,
        generateId: ({ entry }) => slugForFile(entry),
      },
      { renderInputs: () => sitePages },
    );

  return {
    // Starlight renders only its 404 page from `docs`; every other page comes from our own routes.
    docs: defineCollection({ loader: glob({ pattern: '404.md', base: fileURLToPath(new URL('.', import.meta.url)) }), schema: docsPageSchema }),
    // Our UI strings, also handed to Starlight so its `t()` knows them (keys `hikitsugi.*`).
    i18n: defineCollection({
      loader: () => LOCALES.map((locale) => ({ id: locale, ...starlightStrings(locale) })),
      schema: i18nSchema(),
    }),
    team: defineCollection({ loader: file(rosterPath), schema: memberSchema }),
    guideline: defineCollection({ loader: pages('guideline'), schema: schemas.guideline }),
    runbooks: defineCollection({ loader: pages('runbooks'), schema: schemas.runbooks }),
    handover: defineCollection({ loader: pages('handover'), schema: schemas.handover }),
    retros: defineCollection({ loader: pages('retros'), schema: schemas.retros }),
    onboarding: defineCollection({ loader: onboardingLoader(settings.contentDir), schema: onboardingSchema }),
  };
}
