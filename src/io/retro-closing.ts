/**
 * The import's step that closes earlier actions from the board: reads the retro files, plans
 * the edits (src/lib/retro/close-on-import.ts) and says what it did. The writes happen with the
 * new page's, all or nothing (src/io/write-files.ts).
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { slugForFile } from '../lib/content/slugs.ts';
import { printable } from '../lib/kpt/board-ref.ts';
import type { Classification } from '../lib/kpt/classify.ts';
import type { KptConfig } from '../lib/kpt/config.ts';
import type { BoardData } from '../lib/kpt/miro-types.ts';
import { closingStickies } from '../lib/retro/board-stickies.ts';
import { namesAction } from '../lib/retro/board-closing.ts';
import { planBoardClosings, type ClosingPlan } from '../lib/retro/close-on-import.ts';
import { listRetroFiles } from './miro/retro-pages.ts';

export interface ClosingInput {
  retrosDir: string;
  /** Where the imported page is (or will be) written. */
  pagePath: string;
  date: string;
  team: string;
  data: BoardData;
  classification: Classification;
  config: KptConfig;
}

export function planClosingsForImport(input: ClosingInput): ClosingPlan & { retroId: string } {
  const retroId = slugForFile(relative(input.retrosDir, input.pagePath));
  const target = resolve(input.pagePath);
  const files = listRetroFiles(input.retrosDir)
    .filter((path) => resolve(path) !== target)
    .map((path) => ({ path, id: slugForFile(relative(input.retrosDir, path)), source: readFileSync(path, 'utf8') }));
  const stickies = closingStickies(input.data, input.classification, input.config);
  return { ...planBoardClosings(files, { id: retroId, date: input.date, team: input.team }, stickies), retroId };
}

/** Report lines: what the board closed (or would, in a dry run) and what it could not decide. */
export function closingReport(plan: ClosingPlan, dryRun = false): string[] {
  const lines: string[] = [];
  for (const c of plan.closings) {
    const how = c.reason === 'done-area' ? `sticky in "${printable(c.sticky.area ?? '', 30)}"` : namesAction(c.sticky.text, c.actionId) ? 'Keep naming its id' : 'Keep quoting it';
    lines.push(`${dryRun ? 'would close' : 'closed'} ${c.actionId} in ${c.path} (${how}): ${printable(c.text, 80)}`);
  }
  for (const a of plan.ambiguous) {
    lines.push(
      `not closed, the sticky could mean ${a.candidates.map((c) => c.id).join(' or ')}: "${printable(a.sticky.text, 60)}" (set status: done by hand)`,
    );
  }
  for (const w of plan.warnings) lines.push(`warning: could not look for open actions in ${w}`);
  return lines;
}
