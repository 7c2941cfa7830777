/**
 * Reads the content folder the way the site build does, for the CLIs (knowledge report,
 * handover, lint, retro actions): same files, same slugs, same schemas, same errors.
 */
import { readFileSync } from 'node:fs';
import { listPageFiles } from './page-files.ts';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { makeSchemas, KINDS, type Kind, type Member, type PageData } from '../lib/content/schema.ts';
import { parseRoster } from '../lib/content/roster.ts';
import { slugForFile } from '../lib/content/slugs.ts';
import { findImpossibleDates } from '../lib/content/raw-dates.ts';
import { splitFrontMatter } from '../lib/content/front-matter.ts';

export interface Page<D = PageData> {
  kind: Kind;
  /** Slug within the kind, as in the URL: `/runbooks/<id>/`. */
  id: string;
  /** Path relative to the current directory, e.g. `content/runbooks/a.mdx`. */
  path: string;
  data: D;
  body: string;
}

export interface ContentProblem {
  path: string;
  message: string;
}

export interface Content {
  contentDir: string;
  roster: Member[];
  pages: Page[];
  problems: ContentProblem[];
}


/** Loads and validates all content. Invalid pages are reported in `problems`, not thrown. */
export function loadContent(contentDir = process.env.CONTENT_DIR || 'content'): Content {
  const rosterPath = join(contentDir, 'team.yaml');
  const roster = parseRoster(readFileSync(rosterPath, 'utf8'), rosterPath);
  const schemas = makeSchemas(new Set(roster.map((m) => m.id)));
  const pages: Page[] = [];
  const problems: ContentProblem[] = [];
  for (const kind of KINDS) {
    const dir = join(contentDir, kind);
    for (const file of listPageFiles(dir).sort()) {
      const path = relative(process.cwd(), file) || file;
      const source = readFileSync(file, 'utf8');
      const block = splitFrontMatter(source);
      const fm = block?.matter ?? '';
      const body = block?.body ?? source;
      const bad = findImpossibleDates(fm);
      if (bad.length) {
        problems.push({ path, message: bad.map((b) => `line ${b.line + 1}: "${b.text}" is not a valid date`).join('; ') });
        continue;
      }
      let raw: unknown;
      try {
        raw = parse(fm) ?? {};
      } catch (e) {
        problems.push({ path, message: `front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
        continue;
      }
      const result = schemas[kind].safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push({ path, message: `${issue.path.join('.') || '(front matter)'}: ${issue.message}` });
        }
        continue;
      }
      pages.push({ kind, id: slugForFile(relative(dir, file)), path, data: result.data as PageData, body });
    }
  }
  return { contentDir, roster, pages, problems };
}
