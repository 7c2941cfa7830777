/**
 * Finds the page an earlier import wrote for a board, by `source.board_id` in the front matter
 * of content/retros, whatever the file is called now (people rename files).
 */
import { readFileSync } from 'node:fs';
import { listPageFiles } from '../page-files.ts';
import { frontMatterOf } from '../../lib/content/front-matter.ts';
import { readFrontMatterYaml } from '../../lib/kpt/page.ts';

export interface FoundPage {
  path: string;
  source: string;
}

export class AmbiguousPageError extends Error {}

/** Retro page files, as the build sees them (drafts and partials skipped), in a stable order. */
export function listRetroFiles(retrosDir: string): string[] {
  return listPageFiles(retrosDir).sort();
}

/** The page holding `boardId`, if any. A page that mentions the board but cannot be read is an error, not a miss. */
export function findRetroForBoard(retrosDir: string, boardId: string): FoundPage | undefined {
  const found: FoundPage[] = [];
  for (const path of listRetroFiles(retrosDir)) {
    const source = readFileSync(path, 'utf8');
    if (!source.includes(boardId)) continue;
    let data: unknown;
    try {
      data = readFrontMatterYaml(frontMatterOf(source));
    } catch (e) {
      throw new AmbiguousPageError(
        `${path} mentions board ${boardId} but its front matter is not valid YAML (${(e as Error).message.split('\n')[0]}): fix it, then import again`,
      );
    }
    const id = (data as { source?: { board_id?: unknown } } | null)?.source?.board_id;
    if (id !== undefined && String(id) === boardId) found.push({ path, source });
  }
  if (found.length > 1) {
    throw new AmbiguousPageError(`board ${boardId} is imported in ${found.length} pages (${found.map((f) => f.path).join(', ')}): keep one, then import again`);
  }
  return found[0];
}
