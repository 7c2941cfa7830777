/**
 * The knowledge report at build time, for the /knowledge/ page (both locales): content from the
 * collections, history from one `git log` of the content folder, computed once per build.
 */
import { basename, relative, resolve, sep } from 'node:path';
import { pagesOf } from './pages.ts';
import settings from 'virtual:hikitsugi/settings';
import { readContentHistory } from '../io/git-history.ts';
import { buildKnowledgeReport, knowledgePage, type KnowledgePage, type KnowledgeReport } from '../lib/knowledge/report.ts';
import { PAGE_KINDS } from '../lib/site/routes.ts';
import { roster } from './page-context.ts';
import { today } from './today.ts';
import { perBuild } from './per-build.ts';

export const KNOWLEDGE = settings.knowledge;

/** Once per build; in `astro dev`, at most once every two seconds so edits and commits show up. */
export const knowledgeReport: () => Promise<KnowledgeReport> = perBuild(() => build());

async function build(): Promise<KnowledgeReport> {
  const contentDir = resolve(settings.contentDir);
  const pages: KnowledgePage[] = [];
  for (const kind of PAGE_KINDS) {
    for (const entry of await pagesOf(kind)) {
      const abs = resolve(entry.filePath ?? '');
      const file = relative(contentDir, abs).split(sep).join('/');
      pages.push(knowledgePage({ kind, id: entry.id, file, path: `${basename(contentDir)}/${file}` }, entry.data));
    }
  }
  const members = [...(await roster()).values()];
  const history = await readContentHistory(contentDir);
  return buildKnowledgeReport(pages, members, history, {
    today: today(),
    dueSoonDays: KNOWLEDGE.dueSoonDays,
    minOwners: KNOWLEDGE.minOwners,
  });
}
