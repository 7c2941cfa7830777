/**
 * The retros as one history for the pages (retro pages, the index, the actions page): loaded
 * once per build from the collection, checked across files (duplicate action ids, closed_in,
 * reserved slugs), which fails the build naming the files.
 */
import { pagesOf } from './pages.ts';
import { RetroHistory, checkRetros, type RetroInput } from '../lib/retro/history.ts';
import { RecurringProblems } from '../lib/retro/recurring.ts';

export interface RetroMemory {
  history: RetroHistory;
  recurring: RecurringProblems;
}

let cached: { key: string; memory: RetroMemory } | undefined;

export async function retroMemory(): Promise<RetroMemory> {
  const entries = await pagesOf('retros');
  // Recompute when content changes (in dev), not once per page.
  const key = entries.map((e) => `${e.id}:${e.digest ?? ''}`).join('\n');
  if (cached?.key === key) return cached.memory;
  const inputs: RetroInput[] = entries.map((e) => ({
    id: e.id,
    path: e.filePath,
    title: e.data.title,
    date: e.data.date,
    team: e.data.team,
    items: e.data.items,
  }));
  const problems = checkRetros(inputs);
  if (problems.length > 0) {
    throw new Error(`invalid retrospectives:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  const memory = { history: new RetroHistory(inputs), recurring: new RecurringProblems(inputs) };
  cached = { key, memory };
  return memory;
}
