/**
 * Reads the onboarding paths the way the site build does (same files, ids, schema and reading
 * times), for the CLI. Invalid path files are reported in `problems`, not thrown.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse } from 'yaml';
import { loadContent, type ContentProblem } from './content-store.ts';
import { makeOnboardingSchema } from '../lib/content/schema.ts';
import { listOnboardingFiles } from './page-files.ts';
import { readingMinutes } from '../lib/onboarding/reading-time.ts';
import { resolvePath, sortPaths, type PageInfo, type ResolvedPath } from '../lib/onboarding/paths.ts';
import type { IsoDate } from '../lib/content/dates.ts';

export interface OnboardingContent {
  paths: ResolvedPath[];
  /** Problems in path files, and in pages (a page that fails validation cannot be a step). */
  problems: ContentProblem[];
}

export function loadOnboarding(contentDir: string, today: IsoDate): OnboardingContent {
  const content = loadContent(contentDir);
  const pages = new Map<string, PageInfo>();
  for (const page of content.pages) {
    const items = 'items' in page.data ? page.data.items.map((i) => i.text) : [];
    pages.set(`${page.kind}/${page.id}`, {
      title: page.data.title,
      description: page.data.description,
      minutes: readingMinutes([page.body, ...items].join('\n')),
      reviewed: page.data.reviewed,
      reviewEvery: page.data.review_every,
    });
  }
  const schema = makeOnboardingSchema(new Set(content.roster.map((m) => m.id)), new Set(pages.keys()));
  const problems = [...content.problems];
  const paths: ResolvedPath[] = [];
  const seen = new Map<string, string>();
  for (const { file, id } of listOnboardingFiles(contentDir)) {
    const path = relative(process.cwd(), file) || file;
    const other = seen.get(id);
    if (other) {
      problems.push({ path, message: `path id "${id}" is also the id of ${other}: rename one of them` });
      continue;
    }
    seen.set(id, path);
    let raw: unknown;
    try {
      raw = parse(readFileSync(file, 'utf8')) ?? {};
    } catch (e) {
      problems.push({ path, message: `not valid YAML: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ path, message: `${issue.path.join('.') || '(file)'}: ${issue.message}` });
      continue;
    }
    paths.push(resolvePath(id, result.data, pages, today));
  }
  return { paths: sortPaths(paths), problems };
}
