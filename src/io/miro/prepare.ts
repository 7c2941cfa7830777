/**
 * `kpt:prepare`, the Miro side: reads what is on the board (one paged GET of its items), plans
 * with the pure planner (src/lib/kpt/board-plan.ts) and creates what is missing: the frames
 * first, then the items that go in them, one POST each, in the plan's order. It only ever
 * creates: nothing on the board is changed, moved or deleted. A run that stops half-way is
 * finished by running again, since the planner finds what the first run created.
 */
import type { MiroItem } from '../../lib/kpt/miro-types.ts';
import { planBoard, type BoardPlan, type PlanInput, type PlannedItem } from '../../lib/kpt/board-plan.ts';
import { MiroError, type MiroWriter } from './fetcher.ts';
import { cursorPages } from './read-board.ts';

export interface PrepareOptions extends Omit<PlanInput, 'items'> {
  writer: MiroWriter;
  boardId: string;
  /** The board was just created: it is empty, so it is not read. */
  fresh?: boolean;
  dryRun?: boolean;
  /** Told about each item created. */
  onCreated?: (item: PlannedItem, id: string) => void;
}

export interface PrepareResult {
  plan: BoardPlan;
  /** Plan key -> id of the item created. */
  created: Map<string, string>;
  /** HTTP requests sent, retries included. */
  requests: number;
  reads: number;
  writes: number;
}

export class PrepareError extends Error {}

const boardPath = (id: string) => `/v2/boards/${encodeURIComponent(id)}`;

export async function readBoardItems(writer: MiroWriter, boardId: string): Promise<MiroItem[]> {
  try {
    const items = await cursorPages(writer, `${boardPath(boardId)}/items`);
    return items.filter((x): x is MiroItem => !!x && typeof x === 'object' && typeof (x as MiroItem).id === 'string');
  } catch (e) {
    if (e instanceof MiroError && e.kind === 'not-found') {
      throw new MiroError('not-found', `board ${boardId} not found on Miro (404): check the board id or URL, and that the token's user can open the board`, 404);
    }
    throw e;
  }
}

/** POST /v2/boards: a new board, named; resolves to its raw JSON (id, viewLink). */
export async function createBoard(writer: MiroWriter, name: string): Promise<{ id: string; viewLink?: string; name?: string }> {
  const body = await writer.post('/v2/boards', { name });
  const b = body as { id?: unknown; viewLink?: unknown; name?: unknown };
  if (!b || typeof b.id !== 'string') throw new MiroError('bad-reply', "Miro's reply to POST /v2/boards is not a board: is MIRO_API_URL a Miro API?");
  return { id: b.id, viewLink: typeof b.viewLink === 'string' ? b.viewLink : undefined, name: typeof b.name === 'string' ? b.name : undefined };
}

export async function prepareBoard(options: PrepareOptions): Promise<PrepareResult> {
  const { writer, boardId } = options;
  const start = writer.requests;
  const items = options.fresh ? [] : await readBoardItems(writer, boardId);
  const reads = writer.requests - start;
  const plan = planBoard({ ...options, items });
  const created = new Map<string, string>();
  const result = () => ({ plan, created, requests: writer.requests - start, reads, writes: writer.requests - start - reads });
  if (plan.problems.length) {
    throw new PrepareError(`the board would not import as meant, so nothing was written:\n${plan.problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  if (options.dryRun) return result();
  const base = boardPath(boardId);
  for (const item of [...plan.frames, ...plan.children]) {
    const body: Record<string, unknown> = { ...item.body };
    if (item.parent) {
      const id = 'id' in item.parent ? item.parent.id : created.get(item.parent.key);
      if (!id) throw new Error(`internal: ${item.label} has no frame ${JSON.stringify(item.parent)}`);
      body.parent = { id };
    }
    const reply = (await writer.post(`${base}/${item.endpoint}`, body)) as { id?: unknown };
    if (!reply || typeof reply.id !== 'string') {
      throw new MiroError('bad-reply', `Miro's reply to POST ${base}/${item.endpoint} has no item id: run the command again (it adds only what is missing)`);
    }
    created.set(item.key, reply.id);
    options.onCreated?.(item, reply.id);
  }
  return result();
}
