/**
 * Closing earlier actions when a board is imported, the pure part: from the retro files (their
 * text), the retro being imported and the board's stickies, to the edits of earlier pages. An
 * action the board closes gets `status: done` and `closed_in: <the new retro's slug>`; nothing
 * else in the file changes (comments, order, quoting and the body stay as written).
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { toIsoDate } from '../content/dates.ts';
import { actionIdOf, sameTeam, type RetroItemInput } from './history.ts';
import { actionsClosedByBoard, type BoardClosing, type BoardSticky } from './board-closing.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import { yamlString } from '../content/yaml-scalar.ts';

export interface RetroFile {
  path: string;
  /** Slug, as in `/retros/<id>/`. */
  id: string;
  source: string;
}

export interface TargetRetro {
  id: string;
  date: string;
  team: string;
}

export interface PlannedClosing extends BoardClosing {
  path: string;
  retroId: string;
  /** The action's text. */
  text: string;
}

export interface ClosingPlan {
  closings: PlannedClosing[];
  ambiguous: { sticky: BoardSticky; candidates: { id: string; path: string; text: string }[] }[];
  /** Changed files only. */
  edits: { path: string; before: string; after: string }[];
  /** Retro files that could not be read (skipped). */
  warnings: string[];
}

interface Parsed {
  file: RetroFile;
  doc: Document;
  date: string;
  team: string;
  items: RetroItemInput[];
}

function read(file: RetroFile): Parsed | string {
  const block = splitFrontMatter(file.source);
  if (!block) return `${file.path}: no front matter`;
  const doc = parseDocument(block.matter);
  if (doc.errors.length) return `${file.path}: front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]})`;
  const data = doc.toJS() as { date?: unknown; team?: unknown; items?: unknown } | null;
  const date = data?.date instanceof Date || typeof data?.date === 'string' ? toIsoDate(data.date) : undefined;
  if (!date || typeof data?.team !== 'string') return `${file.path}: no valid date or team`;
  const items = Array.isArray(data.items) ? (data.items as RetroItemInput[]) : [];
  return { file, doc, date, team: data.team, items };
}

interface Patch {
  at: number;
  /** Characters replaced from `at` (0: an insertion). */
  length: number;
  text: string;
}

/**
 * Text patches that close the action at `items[itemIndex]`: the `status` value becomes done and
 * `closed_in` is added, in the item's own style (flow `{ ... }` or block). Edits are made on the
 * text, not by re-serialising the YAML, so every other byte of the page stays as people wrote it.
 */
function closingPatches(parsed: Parsed, offset: number, source: string, itemIndex: number, closedIn: string): Patch[] {
  const items = parsed.doc.get('items', true);
  if (!isSeq(items)) return [];
  const node = items.items[itemIndex];
  if (!isMap(node) || node.items.length === 0) return [];
  const valueOf = (key: string) => node.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
  const patches: Patch[] = [];
  const additions: [string, string][] = [];
  for (const [key, value] of [['status', 'done'], ['closed_in', yamlString(closedIn)]] as const) {
    const existing = valueOf(key);
    if (isScalar(existing) && existing.range) {
      patches.push({ at: offset + existing.range[0], length: existing.range[1] - existing.range[0], text: value });
    } else {
      additions.push([key, value]);
    }
  }
  if (additions.length === 0) return patches;
  const last = node.items[node.items.length - 1];
  const lastEnd = (last.value as { range?: [number, number, number] } | null)?.range?.[1] ?? (last.key as { range?: [number, number, number] }).range![1];
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  if (node.flow) {
    patches.push({ at: offset + lastEnd, length: 0, text: additions.map(([k, v]) => `, ${k}: ${v}`).join('') });
  } else {
    const firstKey = (node.items[0].key as { range: [number, number, number] }).range[0] + offset;
    const indent = ' '.repeat(firstKey - (source.lastIndexOf('\n', firstKey - 1) + 1));
    // After the line the item ends on (a block scalar's value already ends with its newline).
    let at = offset + lastEnd;
    if (source[at - 1] !== '\n') {
      const eol = source.indexOf('\n', at);
      at = eol === -1 ? source.length : eol + 1;
    }
    patches.push({ at, length: 0, text: additions.map(([k, v]) => `${indent}${k}: ${v}${newline}`).join('') });
  }
  return patches;
}

function applyPatches(source: string, patches: Patch[]): string {
  let out = source;
  for (const p of [...patches].sort((a, b) => b.at - a.at)) out = out.slice(0, p.at) + p.text + out.slice(p.at + p.length);
  return out;
}

export function planBoardClosings(files: readonly RetroFile[], target: TargetRetro, stickies: readonly BoardSticky[]): ClosingPlan {
  const warnings: string[] = [];
  const open: { id: string; text: string; parsed: Parsed; itemIndex: number }[] = [];
  for (const file of files) {
    if (file.id === target.id) continue;
    const parsed = read(file);
    if (typeof parsed === 'string') {
      warnings.push(parsed);
      continue;
    }
    const earlier = parsed.date < target.date || (parsed.date === target.date && file.id < target.id);
    if (!earlier || !sameTeam(parsed.team, target.team)) continue;
    let tryNumber = 0;
    parsed.items.forEach((item, itemIndex) => {
      if (!item || item.kind !== 'try') return;
      tryNumber += 1;
      if ((item.status ?? 'open') !== 'open' || typeof item.text !== 'string') return;
      open.push({ id: actionIdOf(file.id, tryNumber, item), text: item.text, parsed, itemIndex });
    });
  }
  const byId = new Map(open.map((a) => [a.id, a]));
  const result = actionsClosedByBoard(open, stickies);

  const patches = new Map<string, Patch[]>();
  const closings: PlannedClosing[] = [];
  for (const c of result.closed) {
    const action = byId.get(c.actionId)!;
    const { path, source } = action.parsed.file;
    const offset = splitFrontMatter(source)!.matterStart;
    patches.set(path, [...(patches.get(path) ?? []), ...closingPatches(action.parsed, offset, source, action.itemIndex, target.id)]);
    closings.push({ ...c, path, retroId: action.parsed.file.id, text: action.text });
  }
  const after = new Map([...patches].map(([path, list]) => [path, applyPatches(files.find((f) => f.path === path)!.source, list)]));
  return {
    closings,
    ambiguous: result.ambiguous.map((a) => ({
      sticky: a.sticky,
      candidates: a.candidates.map((id) => ({ id, path: byId.get(id)!.parsed.file.path, text: byId.get(id)!.text })),
    })),
    edits: files.flatMap((f) => (after.has(f.path) && after.get(f.path) !== f.source ? [{ path: f.path, before: f.source, after: after.get(f.path)! }] : [])),
    warnings,
  };
}
