/**
 * The stickies of an imported board as the closing rule sees them (board-closing.ts): their
 * text, the Keep / Problem / Try kind the import gave them, and the area they sit in when that
 * area is a Done one: a frame titled Done / 完了 / 済 (at any depth), or a column under such a
 * header text or shape, found the way the import finds KEEP / PROBLEM / TRY columns.
 */
import { positions, type Classification } from '../kpt/classify.ts';
import { headerMatcher } from '../kpt/headers.ts';
import { cleanText, htmlToText } from '../kpt/html-text.ts';
import type { KptConfig } from '../kpt/config.ts';
import type { BoardData, MiroItem } from '../kpt/miro-types.ts';
import { isDoneArea, type BoardSticky } from './board-closing.ts';

interface Header {
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  done: boolean;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Half a column's width: half the smallest gap between headers in one row (as the import does). */
function halfWidth(headers: Header[]): number {
  let gap = Infinity;
  for (const a of headers) {
    for (const b of headers) {
      const sameRow = Math.abs(a.y - b.y) <= Math.max(a.height, b.height, 100);
      const dx = Math.abs(a.x - b.x);
      if (a !== b && sameRow && dx > 1) gap = Math.min(gap, dx);
    }
  }
  return gap !== Infinity ? gap / 2 : Math.max(...headers.map((h) => h.width), 400) / 2 + 100;
}

export function closingStickies(data: BoardData, classification: Classification, config: KptConfig): BoardSticky[] {
  const items = data.items.filter((i) => i && typeof i.id === 'string' && typeof i.type === 'string');
  const byId = new Map(items.map((i) => [i.id, i]));
  const where = positions(items);
  const kindOf = new Map(classification.entries.map((e) => [e.miroId, e.kind]));
  const matcher = headerMatcher(config.headers);

  const doneFrameOf = (item: MiroItem): string | undefined => {
    const seen = new Set<string>();
    for (let p = item.parent?.id; p && !seen.has(p); p = byId.get(p)?.parent?.id) {
      seen.add(p);
      const parent = byId.get(p);
      const title = parent?.type === 'frame' ? cleanText(String(parent.data?.title ?? '')) : '';
      if (isDoneArea(title)) return title;
    }
    return undefined;
  };

  // Column headers: Done ones, and Keep / Problem / Try ones (which bound the Done columns).
  const headers: Header[] = items
    .filter((i) => i.type === 'text' || i.type === 'shape')
    .flatMap((i) => {
      const title = htmlToText(String(i.data?.content ?? ''));
      const done = isDoneArea(title) && title.length <= 40;
      if (!done && !matcher.match(title)) return [];
      const p = where.get(i.id)!;
      return [{ ...p, width: num(i.geometry?.width) || 200, height: num(i.geometry?.height) || 50, title, done }];
    });
  const half = headers.length ? halfWidth(headers) : 0;
  const doneColumnOf = (item: MiroItem): string | undefined => {
    if (!headers.some((h) => h.done)) return undefined;
    const p = where.get(item.id)!;
    let best: Header | undefined;
    for (const h of headers) {
      if (h.y >= p.y || Math.abs(p.x - h.x) > half) continue;
      if (!best || h.y > best.y || (h.y === best.y && Math.abs(p.x - h.x) < Math.abs(p.x - best.x))) best = h;
    }
    return best?.done ? best.title : undefined;
  };

  return items.flatMap((item): BoardSticky[] => {
    if (item.type !== 'sticky_note') return [];
    const text = htmlToText(String(item.data?.content ?? ''));
    if (!text) return [];
    const area = doneFrameOf(item) ?? doneColumnOf(item);
    const kind = kindOf.get(item.id);
    return [{ id: item.id, text, ...(kind ? { kind } : {}), ...(area ? { area } : {}) }];
  });
}
