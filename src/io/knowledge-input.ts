/** The knowledge report for a content folder on disk: content via loadContent, history via git. */
import { relative, resolve, sep } from 'node:path';
import type { Content } from './content-store.ts';
import type { KnowledgePage } from '../lib/knowledge/report.ts';
import type { RetroData, RunbookData } from '../lib/content/schema.ts';

/** Maps loaded pages to what the report needs (paths inside the content folder use `/`). */
export function knowledgePages(content: Content): KnowledgePage[] {
  const root = resolve(content.contentDir);
  return content.pages.map((p) => ({
    kind: p.kind,
    id: p.id,
    file: relative(root, resolve(p.path)).split(sep).join('/'),
    // Relative to the current directory when inside it, else absolute (never ../../..).
    path: (p.path.startsWith('..') ? resolve(p.path) : p.path).split(sep).join('/'),
    title: p.data.title,
    owners: p.data.owners,
    reviewed: p.data.reviewed,
    review_every: p.data.review_every,
    adopted_from: p.data.adopted_from,
    service: p.kind === 'runbooks' ? (p.data as RunbookData).service : undefined,
    items: p.kind === 'retros' ? (p.data as RetroData).items : undefined,
    date: p.kind === 'retros' ? (p.data as RetroData).date : undefined,
    team: p.kind === 'retros' ? (p.data as RetroData).team : undefined,
  }));
}
