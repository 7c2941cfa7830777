/**
 * The content collections. Each kind is a folder under `content/` with its own schema
 * (defined once in src/lib/content/schema.ts and used by the CLIs too).
 * The roster is read first so that an unknown owner id fails the build naming the page.
 */
import { readFileSync } from 'node:fs';
import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { makeSchemas, memberSchema } from './lib/content/schema.ts';
import { parseRoster, ROSTER_PATH } from './lib/content/roster.ts';

const roster = parseRoster(readFileSync(ROSTER_PATH, 'utf8'));
const schemas = makeSchemas(new Set(roster.map((m) => m.id)));

// Pages are MDX or Markdown; files and folders starting with _ are drafts/partials.
const pages = (folder: string) => glob({ pattern: ['**/*.{md,mdx}', '!**/_*'], base: `./content/${folder}` });

export const collections = {
  // Starlight requires a docs collection; every page here is rendered by our own routes.
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  team: defineCollection({ loader: file(ROSTER_PATH), schema: memberSchema }),
  guideline: defineCollection({ loader: pages('guideline'), schema: schemas.guideline }),
  runbooks: defineCollection({ loader: pages('runbooks'), schema: schemas.runbooks }),
  handover: defineCollection({ loader: pages('handover'), schema: schemas.handover }),
  retros: defineCollection({ loader: pages('retros'), schema: schemas.retros }),
};
