/**
 * `kpt:prepare`, the pure part: from the items already on a board, the team's settings, the
 * instructions and the open actions, to the items to create. Nothing on the board is ever
 * moved, changed or deleted; the plan only adds what is missing, so a second run (or a run
 * after one that stopped half-way) adds nothing that is there:
 *  - a Keep / Problem / Try frame is there when a frame (or column header) the import reads as
 *    that kind is there;
 *  - the carry-over and instructions frames are there when a frame has their title;
 *  - the instructions panel is there when its frame holds a shape or text;
 *  - an action is carried over when a sticky anywhere on the board names its id (the rule
 *    that closes it on import, src/lib/retro/board-closing.ts), wherever people moved it.
 * New frames go in a row above everything on the board, so that no column header of the
 * team's stands above a carried-over sticky (the import would read it as that column's kind).
 */
import { namesAction } from '../retro/board-closing.ts';
import { closingStickies } from '../retro/board-stickies.ts';
import { classify, positions } from './classify.ts';
import { headerMatcher, type KptKind } from './headers.ts';
import { cleanText, htmlToText } from './html-text.ts';
import { linesToHtml, type Instructions } from './board-html.ts';
import type { KptBoardSettings } from './board-settings.ts';
import type { KptConfig } from './config.ts';
import type { BoardData, MiroItem } from './miro-types.ts';
import { count } from '../text/count.ts';

export interface CarriedAction {
  id: string;
  text: string;
  /** Owner's display name. */
  owner?: string;
  due?: string;
  /** Days since the retro that created it. */
  ageDays: number;
  /** Retros held since the one that created it (0: created at the last one). */
  ageRetros: number;
  overdue: boolean;
}

export type Endpoint = 'frames' | 'sticky_notes' | 'shapes' | 'texts';

export interface PlannedItem {
  /** Stable name within the plan: `frame:keep`, `panel`, `action:<id>`. */
  key: string;
  endpoint: Endpoint;
  /** The frame it goes in: one created by this plan (key) or one on the board (id). */
  parent?: { key: string } | { id: string };
  /** The request body, without `parent` (filled in once the frame exists). */
  body: Record<string, unknown>;
  /** What it is, for the report and --dry-run. */
  label: string;
}

export interface BoardPlan {
  /** Frames first: the other items need their ids. */
  frames: PlannedItem[];
  children: PlannedItem[];
  /** What was found on the board and left as it is. */
  present: string[];
  /** Reasons the board would not import as meant; nothing should be written when there are any. */
  problems: string[];
}

export interface PlanInput {
  items: readonly MiroItem[];
  settings: KptBoardSettings;
  config: KptConfig;
  instructions: Instructions;
  /** Title of the instructions frame when the Markdown file has no `#` heading. */
  instructionsTitle?: string;
  actions: readonly CarriedAction[];
}

export const DEFAULT_INSTRUCTIONS_TITLE = 'はじめに・進め方';

// Layout, in board units. A square sticky 300 wide is about 343 high.
const FRAME_W = 1200;
const FRAME_H = 1600;
const PANEL_FRAME_W = 900;
const GAP = 100;
const ABOVE = 400;
const PAD = 60;
const TOP = 140;
const STICKY_W = 300;
const CELL_W = 340;
const CELL_H = 390;

const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const sameTitle = (a: string, b: string) => a.normalize('NFKC').trim().toLowerCase() === b.normalize('NFKC').trim().toLowerCase();

/** The lines of a carried-over sticky; the last names the action's id, which is what the import goes by. */
export function carriedLines(a: CarriedAction): string[] {
  const carried = a.ageRetros + 1;
  return [
    ...cleanText(a.text).split('\n'),
    `担当: ${a.owner ?? '未定'}　期限: ${a.due ?? 'なし'}${a.overdue ? '（期限切れ）' : ''}`,
    `持ち越し ${carried} 回目・${a.ageDays} 日経過`,
    `ID: ${a.id}`,
  ];
}

export function carriedColor(a: CarriedAction, settings: KptBoardSettings): string {
  return settings.ageColors[Math.min(a.ageRetros, settings.ageColors.length - 1)];
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boundingBox(items: readonly MiroItem[]): Box | undefined {
  const where = positions([...items]);
  let box: Box | undefined;
  for (const item of items) {
    const p = where.get(item.id);
    if (!p) continue;
    const w = num(item.geometry?.width, 200) / 2;
    const h = num(item.geometry?.height, 200) / 2;
    const b = { left: p.x - w, top: p.y - h, right: p.x + w, bottom: p.y + h };
    box = box ? { left: Math.min(box.left, b.left), top: Math.min(box.top, b.top), right: Math.max(box.right, b.right), bottom: Math.max(box.bottom, b.bottom) } : b;
  }
  return box;
}

const columnsFor = (count: number) => (count <= 8 ? 2 : 3);

/** Centre of the sticky in slot `i`, relative to the frame's top-left corner. */
function slot(i: number, columns: number): { x: number; y: number } {
  return { x: PAD + CELL_W / 2 + (i % columns) * CELL_W, y: TOP + CELL_H / 2 + Math.floor(i / columns) * CELL_H };
}

function frameBody(title: string, x: number, y: number, width: number, height: number): Record<string, unknown> {
  return {
    data: { title, format: 'custom', type: 'freeform', showContent: true },
    style: { fillColor: '#ffffff' },
    position: { x, y, origin: 'center' },
    geometry: { width, height },
  };
}

export function planBoard(input: PlanInput): BoardPlan {
  const { settings, config } = input;
  const items = input.items.filter((i) => i && typeof i.id === 'string' && typeof i.type === 'string');
  const matcher = headerMatcher(config.headers);
  const frames = items.filter((i) => i.type === 'frame');
  const frameTitle = (f: MiroItem) => cleanText(String(f.data?.title ?? ''));
  const panelTitle = input.instructions.title ?? input.instructionsTitle ?? DEFAULT_INSTRUCTIONS_TITLE;
  const present: string[] = [];
  const problems: string[] = [];

  // What is there already.
  const kptThere = (kind: KptKind): string | undefined => {
    const f = frames.find((fr) => matcher.match(frameTitle(fr)) === kind);
    if (f) return `frame "${frameTitle(f)}"`;
    const h = items.find((i) => (i.type === 'text' || i.type === 'shape') && matcher.match(htmlToText(String(i.data?.content ?? ''))) === kind);
    return h ? `${h.type} "${htmlToText(String(h.data?.content ?? ''))}"` : undefined;
  };
  const carriedFrame = frames.find((f) => sameTitle(frameTitle(f), settings.titles.carried));
  const panelFrame = frames.find((f) => sameTitle(frameTitle(f), panelTitle));
  const panelThere = panelFrame && items.some((i) => i.parent?.id === panelFrame.id && (i.type === 'shape' || i.type === 'text'));
  const stickyTexts = items.filter((i) => i.type === 'sticky_note').map((i) => htmlToText(String(i.data?.content ?? '')));
  const missing = input.actions.filter((a) => {
    const there = stickyTexts.some((t) => namesAction(t, a.id));
    if (there) present.push(`sticky for ${a.id}`);
    return !there;
  });

  // The row of new frames.
  const newFrames: { key: string; title: string; width: number }[] = [];
  if (!panelFrame) newFrames.push({ key: 'frame:instructions', title: panelTitle, width: PANEL_FRAME_W });
  else present.push(`frame "${frameTitle(panelFrame)}"${panelThere ? ' and its panel' : ''}`);
  const carriedColumns = columnsFor(input.actions.length);
  if (input.actions.length > 0) {
    if (!carriedFrame) newFrames.push({ key: 'frame:carried', title: settings.titles.carried, width: carriedColumns * CELL_W + 2 * PAD });
    else present.push(`frame "${frameTitle(carriedFrame)}"`);
  }
  for (const kind of ['keep', 'problem', 'try'] as const) {
    const there = kptThere(kind);
    if (there) present.push(there);
    else newFrames.push({ key: `frame:${kind}`, title: settings.titles[kind], width: FRAME_W });
  }
  const rows = Math.ceil(input.actions.length / carriedColumns);
  const height = Math.max(FRAME_H, TOP + rows * CELL_H + PAD);
  const box = boundingBox(items);
  const rowWidth = newFrames.reduce((w, f) => w + f.width, 0) + GAP * Math.max(0, newFrames.length - 1);
  let left = box ? box.left : -rowWidth / 2;
  const centreY = box ? box.top - ABOVE - height / 2 : 0;
  const planned: PlannedItem[] = newFrames.map((f) => {
    const x = left + f.width / 2;
    left += f.width + GAP;
    return { key: f.key, endpoint: 'frames', body: frameBody(f.title, Math.round(x), Math.round(centreY), f.width, height), label: `frame "${f.title}"` };
  });

  const children: PlannedItem[] = [];
  const panelParent = panelFrame ? { id: panelFrame.id } : { key: 'frame:instructions' };
  if (!panelThere) {
    const w = panelFrame ? num(panelFrame.geometry?.width, PANEL_FRAME_W) : PANEL_FRAME_W;
    const h = panelFrame ? num(panelFrame.geometry?.height, height) : height;
    children.push({
      key: 'panel',
      endpoint: 'shapes',
      parent: panelParent,
      body: {
        data: { shape: 'round_rectangle', content: input.instructions.html || linesToHtml([panelTitle]) },
        style: { fillColor: '#fff9b1', fillOpacity: '1.0', textAlign: 'left', textAlignVertical: 'top', fontSize: '18', borderOpacity: '0.0' },
        position: { x: Math.round(w / 2), y: Math.round(TOP / 2 + h / 2), origin: 'center' },
        geometry: { width: Math.round(w - 2 * PAD), height: Math.round(h - TOP - PAD) },
      },
      label: `instructions panel in "${panelTitle}" (${count(input.instructions.text.length, 'line')})`,
    });
  }
  const carriedParent = carriedFrame ? { id: carriedFrame.id } : { key: 'frame:carried' };
  const columns = carriedFrame ? Math.max(1, Math.floor((num(carriedFrame.geometry?.width, 800) - 2 * PAD) / CELL_W)) : carriedColumns;
  input.actions.forEach((a, i) => {
    if (!missing.includes(a)) return;
    const at = slot(i, columns);
    children.push({
      key: `action:${a.id}`,
      endpoint: 'sticky_notes',
      parent: carriedParent,
      body: {
        data: { content: linesToHtml(carriedLines(a)), shape: 'square' },
        style: { fillColor: carriedColor(a, settings), textAlign: 'left', textAlignVertical: 'top' },
        position: { x: at.x, y: at.y, origin: 'center' },
        geometry: { width: STICKY_W },
      },
      label: `sticky ${a.id} (${carriedColor(a, settings)}): ${cleanText(a.text).split('\n')[0]}`,
    });
  });

  problems.push(...importCheck(items, planned, children, config));
  return { frames: planned, children, present, problems };
}

/**
 * Reads the board as it will be after the plan, with the import's own rules: a carried-over
 * sticky must stay an open action there (not a Keep / Problem / Try, not in a Done area).
 */
function importCheck(items: readonly MiroItem[], frames: PlannedItem[], children: PlannedItem[], config: KptConfig): string[] {
  const byKey = new Map(frames.map((f) => [f.key, `planned-${f.key}`]));
  const asItem = (p: PlannedItem): MiroItem => {
    const parentId = p.parent ? ('id' in p.parent ? p.parent.id : byKey.get(p.parent.key)) : undefined;
    const position = p.body.position as { x: number; y: number };
    return {
      id: `planned-${p.key}`,
      type: p.endpoint === 'frames' ? 'frame' : p.endpoint === 'sticky_notes' ? 'sticky_note' : p.endpoint === 'shapes' ? 'shape' : 'text',
      data: p.body.data as MiroItem['data'],
      style: p.body.style as MiroItem['style'],
      position: { ...position, relativeTo: parentId ? 'parent_top_left' : 'canvas_center' },
      geometry: p.body.geometry as MiroItem['geometry'],
      ...(parentId ? { parent: { id: parentId } } : {}),
    };
  };
  const data: BoardData = { board: { id: 'planned' }, items: [...items, ...frames.map(asItem), ...children.map(asItem)], tags: [], taggedItems: {}, members: [] };
  const classification = classify(data, config);
  const kinds = new Map(classification.entries.map((e) => [e.miroId, e.kind]));
  const areas = new Map(closingStickies(data, classification, config).map((s) => [s.id, s.area]));
  return children
    .filter((c) => c.endpoint === 'sticky_notes')
    .flatMap((c) => {
      const id = `planned-${c.key}`;
      const kind = kinds.get(id);
      if (kind) return [`${c.label}: kpt:import would read it as a ${kind} where it would be placed`];
      if (areas.get(id)) return [`${c.label}: kpt:import would read it as done ("${areas.get(id)}") where it would be placed`];
      return [];
    });
}

/** The plan as lines, for --dry-run and the report. */
export function describePlan(plan: BoardPlan): string[] {
  return [...plan.frames, ...plan.children].map((p) => `+ ${p.label}`);
}

