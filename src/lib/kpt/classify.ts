/**
 * Which stickies are Keeps, Problems and Tries. Boards come in three shapes and mixes of them;
 * each sticky is placed by the first rule that knows it:
 *   1. tags    a Keep / Problem / Try tag on the sticky (one kind only)
 *   2. frames  a Keep / Problem / Try frame holding it
 *   3. columns the KEEP / PROBLEM / TRY header (text or shape) it sits under
 *   4. colours the team's colour code from the config, if any
 * Everything else is reported, never guessed.
 */
import { KPT_KINDS } from '../content/schema.ts';
import { htmlToText, cleanText } from './html-text.ts';
import { headerMatcher, type HeaderMatcher, type KptKind } from './headers.ts';
import { normalizeColor, type KptConfig } from './config.ts';
import type { BoardData, MiroItem } from './miro-types.ts';

export type Placement = 'tag' | 'frame' | 'column' | 'color';

export interface Entry {
  miroId: string;
  kind: KptKind;
  text: string;
  author?: string;
  /** Canvas position of the sticky's centre (frame-relative positions resolved). */
  x: number;
  y: number;
  height: number;
  via: Placement;
}

export interface Unplaced {
  miroId: string;
  text: string;
}

export interface Classification {
  /** Placed stickies, by kind (keep, problem, try) then reading order on the canvas. */
  entries: Entry[];
  unplaced: Unplaced[];
  /** Stickies with no text at all: nothing to import. */
  empty: number;
  /** How many stickies each rule placed: tells which shape the board had. */
  via: Record<Placement, number>;
  /** Stickies that carry tags of two different kinds (placed by the other rules, if any). */
  conflictingTags: number;
}

interface Point {
  x: number;
  y: number;
}

const STICKY = 'sticky_note';
const DEFAULT_SIZE = 200;

/** Canvas centres of all items: children of a frame are placed relative to its top-left corner. */
export function positions(items: MiroItem[]): Map<string, Point> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const done = new Map<string, Point>();
  const visiting = new Set<string>();
  const resolve = (item: MiroItem): Point => {
    const known = done.get(item.id);
    if (known) return known;
    const own = { x: num(item.position?.x), y: num(item.position?.y) };
    const parent = item.parent?.id ? byId.get(item.parent.id) : undefined;
    let point = own;
    if (parent && item.position?.relativeTo !== 'canvas_center' && !visiting.has(item.id)) {
      visiting.add(item.id);
      const p = resolve(parent);
      visiting.delete(item.id);
      point = {
        x: p.x - num(parent.geometry?.width) / 2 + own.x,
        y: p.y - num(parent.geometry?.height) / 2 + own.y,
      };
    }
    done.set(item.id, point);
    return point;
  };
  for (const item of items) resolve(item);
  return done;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Matches labels, accepting bare K / P / T only when all three letters are there. */
function labelKinds(labels: { id: string; label: string }[], matcher: HeaderMatcher): Map<string, KptKind> {
  const plain = new Map<string, KptKind>();
  const letters = new Map<string, KptKind>();
  for (const { id, label } of labels) {
    const kind = matcher.match(label);
    if (kind) plain.set(id, kind);
    else {
      const byLetter = matcher.match(label, true);
      if (byLetter) letters.set(id, byLetter);
    }
  }
  if (new Set(letters.values()).size === KPT_KINDS.length) for (const [id, kind] of letters) plain.set(id, kind);
  return plain;
}

interface Header extends Point {
  kind: KptKind;
  width: number;
  height: number;
}

/** Half the width of a column: half the smallest gap between headers in the same row. */
function columnHalfWidth(headers: Header[]): number {
  let gap = Infinity;
  for (const a of headers) {
    for (const b of headers) {
      if (a === b) continue;
      const sameRow = Math.abs(a.y - b.y) <= Math.max(a.height, b.height, 100);
      const dx = Math.abs(a.x - b.x);
      if (sameRow && dx > 1) gap = Math.min(gap, dx);
    }
  }
  if (gap !== Infinity) return gap / 2;
  return Math.max(...headers.map((h) => h.width), DEFAULT_SIZE * 2) / 2 + DEFAULT_SIZE / 2;
}

function columnKind(point: Point, headers: Header[], half: number): KptKind | undefined {
  let best: Header | undefined;
  for (const h of headers) {
    if (h.y >= point.y || Math.abs(point.x - h.x) > half) continue;
    // The header closest above wins (boards with two rows of columns); then the nearest column.
    if (!best || h.y > best.y || (h.y === best.y && Math.abs(point.x - h.x) < Math.abs(point.x - best.x))) best = h;
  }
  return best?.kind;
}

/** Sort into reading order: rows top to bottom (a row tolerates half a sticky of jitter), then left to right. */
export function readingOrder<T extends { x: number; y: number; height: number; miroId: string }>(entries: T[]): T[] {
  const byY = [...entries].sort((a, b) => a.y - b.y || a.x - b.x || cmp(a.miroId, b.miroId));
  const out: T[] = [];
  let row: T[] = [];
  let rowY = -Infinity;
  let tolerance = 0;
  const flush = () => {
    row.sort((a, b) => a.x - b.x || a.y - b.y || cmp(a.miroId, b.miroId));
    out.push(...row);
    row = [];
  };
  for (const e of byY) {
    if (row.length && e.y - rowY > tolerance) flush();
    if (!row.length) {
      rowY = e.y;
      tolerance = (e.height || DEFAULT_SIZE) / 2;
    }
    row.push(e);
  }
  flush();
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function classify(data: BoardData, config: KptConfig): Classification {
  const matcher = headerMatcher(config.headers);
  const items = data.items.filter((i) => i && typeof i.id === 'string' && typeof i.type === 'string');
  const byId = new Map(items.map((i) => [i.id, i]));
  const where = positions(items);

  // Frames named Keep / Problem / Try.
  const frames = items.filter((i) => i.type === 'frame');
  const frameKind = labelKinds(
    frames.map((f) => ({ id: f.id, label: cleanText(String(f.data?.title ?? '')) })),
    matcher,
  );
  const kptFrameOf = (item: MiroItem): KptKind | undefined => {
    const seen = new Set<string>();
    for (let p = item.parent?.id; p && !seen.has(p); p = byId.get(p)?.parent?.id) {
      seen.add(p);
      const kind = frameKind.get(p);
      if (kind) return kind;
    }
    return undefined;
  };

  // Column headers: texts and shapes saying KEEP / PROBLEM / TRY, outside Keep/Problem/Try frames.
  const headerItems = items.filter((i) => (i.type === 'text' || i.type === 'shape') && !kptFrameOf(i));
  const headerKind = labelKinds(
    headerItems.map((h) => ({ id: h.id, label: htmlToText(String(h.data?.content ?? '')) })),
    matcher,
  );
  const headers: Header[] = headerItems
    .filter((h) => headerKind.has(h.id))
    .map((h) => ({
      ...where.get(h.id)!,
      kind: headerKind.get(h.id)!,
      width: num(h.geometry?.width) || DEFAULT_SIZE,
      height: num(h.geometry?.height) || 50,
    }));
  const half = headers.length ? columnHalfWidth(headers) : 0;

  // Tags: which KPT kinds each sticky is tagged with.
  const tagKind = new Map<string, KptKind>();
  for (const tag of data.tags) {
    const kind = matcher.match(String(tag.title ?? ''));
    if (kind) tagKind.set(tag.id, kind);
  }
  const stickyTags = new Map<string, Set<KptKind>>();
  for (const [tagId, ids] of Object.entries(data.taggedItems)) {
    const kind = tagKind.get(tagId);
    if (!kind) continue;
    for (const id of ids) {
      const set = stickyTags.get(id) ?? new Set<KptKind>();
      set.add(kind);
      stickyTags.set(id, set);
    }
  }

  const members = new Map(data.members.map((m) => [m.id, m.name]));
  const result: Classification = {
    entries: [],
    unplaced: [],
    empty: 0,
    via: { tag: 0, frame: 0, column: 0, color: 0 },
    conflictingTags: 0,
  };
  for (const sticky of items) {
    if (sticky.type !== STICKY) continue;
    const text = htmlToText(String(sticky.data?.content ?? ''));
    if (text === '') {
      result.empty++;
      continue;
    }
    const tagged = stickyTags.get(sticky.id);
    if (tagged && tagged.size > 1) result.conflictingTags++;
    const point = where.get(sticky.id)!;
    const placed: [KptKind | undefined, Placement][] = [
      [tagged?.size === 1 ? [...tagged][0] : undefined, 'tag'],
      [kptFrameOf(sticky), 'frame'],
      [headers.length ? columnKind(point, headers, half) : undefined, 'column'],
      [sticky.style?.fillColor ? config.colors[normalizeColor(String(sticky.style.fillColor))] : undefined, 'color'],
    ];
    const hit = placed.find(([kind]) => kind);
    if (!hit) {
      result.unplaced.push({ miroId: sticky.id, text });
      continue;
    }
    const authorName = config.authors && sticky.createdBy?.id ? members.get(sticky.createdBy.id) : undefined;
    result.via[hit[1]]++;
    result.entries.push({
      miroId: sticky.id,
      kind: hit[0]!,
      text,
      ...(authorName ? { author: cleanText(authorName) } : {}),
      x: point.x,
      y: point.y,
      height: num(sticky.geometry?.height) || DEFAULT_SIZE,
      via: hit[1],
    });
  }
  result.entries = KPT_KINDS.flatMap((kind) => readingOrder(result.entries.filter((e) => e.kind === kind)));
  result.unplaced = readingOrder(
    result.unplaced.map((u) => ({ ...u, ...where.get(u.miroId)!, height: num(byId.get(u.miroId)?.geometry?.height) })),
  ).map(({ miroId, text }) => ({ miroId, text }));
  return result;
}
