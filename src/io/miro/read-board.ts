/**
 * Reads everything the import needs from one board, page by page, in a fixed order of requests
 * (so a snapshot replays exactly): the board, all items (cursor pages of 50), the tags (offset
 * pages), the items of each Keep / Problem / Try tag (tags are not on items), and the board
 * members when sticky authors are wanted.
 */
import type { BoardData, MiroBoard, MiroItem, MiroMember, MiroTag } from '../../lib/kpt/miro-types.ts';
import { MiroError, type MiroFetcher } from './fetcher.ts';

export const PAGE_LIMIT = 50;
const MAX_PAGES = 100_000;

export interface ReadProgress {
  items: number;
  total?: number;
  requests: number;
}

export interface ReadOptions {
  /** Tags whose items to list: the import asks only about Keep / Problem / Try tags. */
  isKptTag: (title: string) => boolean;
  /** Read board members to name sticky authors. */
  members: boolean;
  onProgress?: (p: ReadProgress) => void;
  /** Told when something optional could not be read (e.g. members). */
  onWarning?: (message: string) => void;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

function pageData(body: unknown, path: string): unknown[] {
  if (!isObject(body) || !Array.isArray(body.data)) {
    throw new MiroError('bad-reply', `Miro's reply to GET ${path} has no data list: is MIRO_API_URL a Miro API?`);
  }
  return body.data;
}

export async function cursorPages(
  fetcher: MiroFetcher,
  path: string,
  onPage?: (count: number, total?: number) => void,
): Promise<unknown[]> {
  const out: unknown[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query: Record<string, string> = { limit: String(PAGE_LIMIT) };
    if (cursor) query.cursor = cursor;
    const body = await fetcher.get(path, query);
    out.push(...pageData(body, path));
    const b = body as { cursor?: unknown; total?: unknown };
    onPage?.(out.length, typeof b.total === 'number' ? b.total : undefined);
    cursor = typeof b.cursor === 'string' && b.cursor !== '' ? b.cursor : undefined;
    if (!cursor) return out;
    if (seen.has(cursor)) throw new MiroError('bad-reply', `Miro returned the same page cursor twice for GET ${path}`);
    seen.add(cursor);
  }
  throw new MiroError('bad-reply', `GET ${path} did not end after ${MAX_PAGES} pages`);
}

async function offsetPages(fetcher: MiroFetcher, path: string, extra: Record<string, string> = {}): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await fetcher.get(path, { ...extra, limit: String(PAGE_LIMIT), offset: String(out.length) });
    const data = pageData(body, path);
    out.push(...data);
    const total = (body as { total?: unknown }).total;
    const more = typeof total === 'number' ? out.length < total : data.length >= PAGE_LIMIT;
    if (!more || data.length === 0) return out;
  }
  throw new MiroError('bad-reply', `GET ${path} did not end after ${MAX_PAGES} pages`);
}

const withId = <T extends { id: string }>(list: unknown[]): T[] =>
  list.filter((x): x is T => isObject(x) && typeof x.id === 'string');

export async function readBoard(fetcher: MiroFetcher, boardId: string, options: ReadOptions): Promise<BoardData> {
  const b = `/v2/boards/${encodeURIComponent(boardId)}`;
  let board: unknown;
  try {
    board = await fetcher.get(b);
  } catch (e) {
    if (e instanceof MiroError && e.kind === 'not-found') {
      throw new MiroError('not-found', `board ${boardId} not found on Miro (404): check the board id or URL, and that the token's user can open the board`, 404);
    }
    throw e;
  }
  if (!isObject(board) || typeof board.id !== 'string') {
    throw new MiroError('bad-reply', `Miro's reply to GET ${b} is not a board: is MIRO_API_URL a Miro API?`);
  }
  const items = withId<MiroItem>(
    await cursorPages(fetcher, `${b}/items`, (items, total) => options.onProgress?.({ items, total, requests: fetcher.requests })),
  );
  const tags = withId<MiroTag>(await offsetPages(fetcher, `${b}/tags`));
  const taggedItems: Record<string, string[]> = {};
  for (const tag of tags) {
    if (!options.isKptTag(String(tag.title ?? ''))) continue;
    taggedItems[tag.id] = withId<MiroItem>(await offsetPages(fetcher, `${b}/items`, { tag_id: tag.id })).map((i) => i.id);
  }
  let members: MiroMember[] = [];
  if (options.members && items.some((i) => i.type === 'sticky_note' && i.createdBy?.id)) {
    try {
      members = withId<MiroMember>(await offsetPages(fetcher, `${b}/members`));
    } catch (e) {
      if (!(e instanceof MiroError) || (e.kind !== 'forbidden' && e.kind !== 'not-found')) throw e;
      options.onWarning?.('could not read the board members, so stickies have no author names');
    }
  }
  return { board: board as unknown as MiroBoard, items, tags, taggedItems, members };
}
