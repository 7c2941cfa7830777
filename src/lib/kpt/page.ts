/**
 * The retrospective page: front matter holds the data (YAML from the `yaml` package, never
 * hand-built strings), the MDX body belongs to the team. Re-importing a board merges into the
 * existing page: the board owns each item's kind, text and author; people own everything else
 * (the body, other front matter, fields they added to items such as a Try's owner and due).
 * The output is a pure function of board + existing page, so an unchanged board gives the
 * same bytes.
 */
import { Document, isMap, isPair, isScalar, isSeq, Scalar, visit } from 'yaml';
import jsYaml from 'js-yaml';
import { KPT_KINDS } from '../content/schema.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import type { Entry } from './classify.ts';

type Item = Record<string, unknown>;
type FrontMatter = Record<string, unknown>;

/** Item fields the board owns: rewritten from the sticky on every import. */
const BOARD_FIELDS = ['kind', 'text', 'miro_id', 'author'] as const;
/** Canonical order of item fields; anything else people add follows, in their order. */
const ITEM_ORDER = ['kind', 'text', 'miro_id', 'author', 'id', 'owner', 'due', 'status', 'closed', 'closed_in', 'note'];
/** Canonical order of page fields; other fields follow in the order the page had them. */
const PAGE_ORDER = [
  'title', 'description', 'owners', 'adopted_from', 'reviewed', 'review_every', 'tags',
  'date', 'team', 'source', 'items',
];

export const NEW_PAGE_BODY = `
## メモ

進行役・参加者・話し合ったことをここに書きます。Miro ボードから取り込み直しても、この本文と、項目に足した担当や期限はそのまま残ります。
`;

export interface ExistingPage {
  frontMatter: FrontMatter;
  body: string;
}

export class PageParseError extends Error {}

/**
 * Reads front matter as YAML 1.2 core (days stay strings, as written). js-yaml reads a page of
 * 2,000 items some 20 times faster than the yaml package, which matters on every re-import.
 */
export const readFrontMatterYaml = (text: string): unknown => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

/** Splits a page into parsed front matter and the body, exactly as written. */
export function parsePage(source: string, parseYaml: (text: string) => unknown = readFrontMatterYaml): ExistingPage {
  const block = splitFrontMatter(source);
  if (!block) throw new PageParseError('it has no front matter (--- ... ---) at the top');
  let data: unknown;
  try {
    data = parseYaml(block.matter);
  } catch (e) {
    throw new PageParseError(`its front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new PageParseError('its front matter is not a mapping of fields');
  }
  return { frontMatter: (data ?? {}) as FrontMatter, body: block.body };
}

/** Stable action id of a Try: the retro day plus a short hash of the sticky, kept once written. */
export function actionId(date: string, boardId: string, miroId: string, taken: Set<string>): string {
  let h = 0x811c9dc5;
  for (const ch of `${boardId}/${miroId}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const base = `a-${date}-${h.toString(36).padStart(7, '0')}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** True when people added something to an item beyond what the import writes. */
export function hasHumanData(item: Item): boolean {
  return Object.keys(item).some((k) => {
    if ((BOARD_FIELDS as readonly string[]).includes(k) || k === 'id') return false;
    if (k === 'status') return item.status !== 'open';
    return true;
  });
}

function ordered(obj: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

export interface PageInput {
  entries: Entry[];
  board: { id: string; url: string; name?: string; description?: string; modifiedAt?: string };
  date: string;
  team: string;
  title?: string;
  owners: string[];
  existing?: ExistingPage;
}

export interface PageResult {
  content: string;
  frontMatter: FrontMatter;
  /** Items whose sticky left the board but that people had added to: kept, listed for review. */
  keptOrphans: Item[];
  /** Items whose sticky left the board (or fits no kind any more), dropped. */
  dropped: Item[];
  added: number;
  changed: number;
}

export function buildPage(input: PageInput): PageResult {
  const { existing, board } = input;
  const before: Item[] = Array.isArray(existing?.frontMatter.items)
    ? (existing!.frontMatter.items as unknown[]).filter((i): i is Item => !!i && typeof i === 'object' && !Array.isArray(i))
    : [];
  const byMiroId = new Map<string, Item>();
  for (const item of before) if (item.miro_id !== undefined) byMiroId.set(String(item.miro_id), item);
  const taken = new Set(before.map((i) => i.id).filter((id): id is string => typeof id === 'string'));
  const onBoard = new Set(input.entries.map((e) => e.miroId));

  let added = 0;
  let changed = 0;
  const fromBoard: Item[] = input.entries.map((e) => {
    const old = byMiroId.get(e.miroId);
    const item: Item = { ...(old ?? {}) };
    for (const k of BOARD_FIELDS) delete item[k];
    item.kind = e.kind;
    item.text = e.text;
    item.miro_id = e.miroId;
    if (e.author) item.author = e.author;
    if (e.kind === 'try') {
      if (typeof item.id !== 'string' || item.id === '') item.id = actionId(input.date, board.id, e.miroId, taken);
      if (item.status === undefined) item.status = 'open';
    }
    if (!old) added++;
    else if (old.kind !== e.kind || old.text !== e.text || old.author !== item.author) changed++;
    return ordered(item, ITEM_ORDER);
  });

  const keptOrphans: Item[] = [];
  const dropped: Item[] = [];
  const others: Item[] = [];
  for (const item of before) {
    if (item.miro_id === undefined) others.push(item);
    else if (!onBoard.has(String(item.miro_id))) {
      if (hasHumanData(item)) {
        keptOrphans.push(item);
        others.push(item);
      } else dropped.push(item);
    }
  }
  const items = [
    ...KPT_KINDS.flatMap((kind) => [
      ...fromBoard.filter((i) => i.kind === kind),
      ...others.filter((i) => i.kind === kind),
    ]),
    ...others.filter((i) => !(KPT_KINDS as readonly unknown[]).includes(i.kind)),
  ];

  const source = {
    ...(isPlainObject(existing?.frontMatter.source) ? (existing!.frontMatter.source as object) : {}),
    board_id: board.id,
    board_url: board.url,
    ...(board.modifiedAt ? { modified_at: board.modifiedAt } : {}),
  };
  const base: FrontMatter = existing
    ? { ...existing.frontMatter }
    : {
        title: input.title ?? `振り返り ${input.date}（${input.team}）`,
        ...(board.description?.trim() ? { description: board.description.trim() } : {}),
        owners: input.owners,
        // A page with no owner yet says where it came from; the knowledge report asks for an owner.
        ...(input.owners.length === 0 ? { adopted_from: board.url } : {}),
        reviewed: input.date,
        tags: ['retrospective', 'kpt'],
      };
  const frontMatter = ordered(
    { ...base, date: input.date, team: input.team, source: ordered(source, ['board_id', 'board_url', 'modified_at']), items },
    PAGE_ORDER,
  );
  const body = existing ? existing.body : NEW_PAGE_BODY;
  return { content: `---\n${toYaml(frontMatter)}---\n${body}`, frontMatter, keptOrphans, dropped, added, changed };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Keys whose `YYYY-MM-DD` values stay unquoted, like hand-written pages. */
const DATE_KEYS = new Set(['date', 'reviewed', 'due', 'closed']);
/**
 * Plain scalars a YAML 1.1 reader (the site's front matter loader is one) resolves to something
 * other than a string: booleans, nulls, ints and floats in 1.1 forms (0777, 1_000, 12:30), merge
 * keys and timestamps (`2025-06-12T03:04:05Z`). YAML 1.2 writers leave these unquoted.
 */
const YAML11_NOT_A_STRING = new RegExp(
  [
    '^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$',
    '^(?:~|null|Null|NULL|<<|=)?$',
    '^[-+]?(?:0b[0-1_]+|0[0-7_]+|0x[0-9a-fA-F_]+|(?:0|[1-9][0-9_]*)|[1-9][0-9_]*(?::[0-5]?[0-9])+)$',
    '^[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*(?:[eE][-+]?[0-9]+)?$',
    '^[-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?[eE][-+]?[0-9]+$',
    '^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*$',
    '^[-+]?\\.(?:inf|Inf|INF)$|^\\.(?:nan|NaN|NAN)$',
    '^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)?$',
  ].join('|'),
);

export const misreadByYaml11 = (value: string): boolean => value.length <= 64 && YAML11_NOT_A_STRING.test(value);

/**
 * Deterministic YAML that YAML 1.1 and 1.2 readers both read back as written: no line folding,
 * short lists of names in flow style like the samples, strings quoted where a 1.1 reader would
 * take them for dates, booleans or numbers, and day fields left plain.
 */
export function toYaml(frontMatter: FrontMatter): string {
  const doc = new Document(frontMatter);
  if (isMap(doc.contents)) {
    for (const key of ['owners', 'tags']) {
      const node = doc.contents.get(key, true);
      if (isSeq(node) && node.items.length > 0) node.flow = true;
    }
  }
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const parent = path[path.length - 1];
      const field = isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : '';
      if (DATE_KEYS.has(field) && /^\d{4}-\d{2}-\d{2}$/.test(node.value)) return;
      if (misreadByYaml11(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
