/** The knowledge report for a content folder on disk: content via loadContent, history via git. */
import { join, relative, resolve, sep } from 'node:path';
import type { Content } from './content-store.ts';
import { knowledgePage, type HistoryInput, type KnowledgePage } from '../lib/knowledge/report.ts';
import type { DiffSide } from '../lib/knowledge/diff.ts';

/** Maps loaded pages to what the report needs (paths inside the content folder use `/`). */
export function knowledgePages(content: Content): KnowledgePage[] {
  const root = resolve(content.contentDir);
  return content.pages.map((p) =>
    knowledgePage(
      {
        kind: p.kind,
        id: p.id,
        file: relative(root, resolve(p.path)).split(sep).join('/'),
        // Relative to the current directory when inside it, else absolute (never ../../..).
        path: (p.path.startsWith('..') ? resolve(p.path) : p.path).split(sep).join('/'),
      },
      p.data,
    ),
  );
}

/**
 * One side of `knowledge --diff`: the pages with their bodies. Paths are shown under `displayDir`
 * (the working tree's content folder), also for the base, which was loaded from a temporary copy.
 */
export function diffSide(content: Content, displayDir: string, history: HistoryInput): DiffSide {
  const pages = knowledgePages(content).map((p) => ({ ...p, path: join(displayDir, p.file).split(sep).join('/') }));
  return { pages, bodies: new Map(content.pages.map((p, i) => [pages[i].file, p.body])), roster: content.roster, history };
}
