/**
 * Recorded-style Miro boards, built in code (JSON shaped like Miro REST API v2 replies) rather
 * than committed as large files: one per shape a retro board takes, a hostile one and a big one.
 */
import type { MiroBoard, MiroItem, MiroMember, MiroTag } from '../../src/lib/kpt/miro-types.ts';

export interface BoardFixture {
  board: MiroBoard;
  items: MiroItem[];
  tags: MiroTag[];
  /** tag id -> item ids (the server answers `items?tag_id=` and `items/{id}/tags` from it). */
  tagItems: Record<string, string[]>;
  members: MiroMember[];
}

const T0 = '2025-06-12T01:00:00Z';
export const MEMBERS: MiroMember[] = [
  { id: '3074457345618265001', name: '青木 一郎' },
  { id: '3074457345618265002', name: 'Baba Hanako' },
];

let seq = 0;
/** Miro-like numeric item ids, unique per process. */
export const itemId = () => `34587645175${String(++seq).padStart(8, '0')}`;

const links = (boardId: string, id: string) => ({ self: `https://api.miro.com/v2/boards/${boardId}/items/${id}` });

export interface Place {
  x: number;
  y: number;
  parent?: string;
  color?: string;
  author?: number;
  id?: string;
}

export function sticky(boardId: string, html: string, p: Place): MiroItem {
  const id = p.id ?? itemId();
  const author = MEMBERS[p.author ?? 0];
  return {
    id,
    type: 'sticky_note',
    data: { content: html, shape: 'square' },
    style: { fillColor: p.color ?? 'light_yellow', textAlign: 'center', textAlignVertical: 'top' },
    position: { x: p.x, y: p.y, origin: 'center', relativeTo: p.parent ? 'parent_top_left' : 'canvas_center' },
    geometry: { width: 199.99, height: 228.0 },
    ...(p.parent ? { parent: { id: p.parent, links: links(boardId, p.parent) } } : {}),
    createdAt: T0,
    createdBy: { id: author.id, type: 'user' },
    modifiedAt: T0,
    modifiedBy: { id: author.id, type: 'user' },
    links: links(boardId, id),
  } as MiroItem;
}

export function frame(boardId: string, title: string, x: number, y: number, width = 1200, height = 1600): MiroItem {
  const id = itemId();
  return {
    id,
    type: 'frame',
    data: { title, format: 'custom', type: 'freeform', showContent: true },
    style: { fillColor: '#ffffffff' },
    position: { x, y, origin: 'center', relativeTo: 'canvas_center' },
    geometry: { width, height },
    createdAt: T0,
    modifiedAt: T0,
    links: links(boardId, id),
  } as MiroItem;
}

export function text(boardId: string, html: string, x: number, y: number, type: 'text' | 'shape' = 'text'): MiroItem {
  const id = itemId();
  return {
    id,
    type,
    data: type === 'shape' ? { content: html, shape: 'rectangle' } : { content: html },
    style: { fontSize: '48' },
    position: { x, y, origin: 'center', relativeTo: 'canvas_center' },
    geometry: { width: 400, height: 80 },
    createdAt: T0,
    modifiedAt: T0,
    links: links(boardId, id),
  } as MiroItem;
}

function board(id: string, name: string, extra: Partial<MiroBoard> = {}): MiroBoard {
  return {
    id,
    type: 'board',
    name,
    description: '',
    createdAt: '2025-06-11T23:30:00Z',
    modifiedAt: '2025-06-12T03:04:05Z',
    viewLink: `https://miro.com/app/board/${id}/`,
    team: { id: '3458764500000000001', name: 'Acme', type: 'team' },
    ...extra,
  } as MiroBoard;
}

/** Stickies laid out in a grid inside a frame (frame-relative positions). */
function fill(boardId: string, parent: string, texts: string[], author = 0): MiroItem[] {
  return texts.map((t, i) =>
    sticky(boardId, `<p>${t}</p>`, { x: 150 + (i % 3) * 300, y: 300 + Math.floor(i / 3) * 300, parent, author: (author + i) % 2 }),
  );
}

export const KPT_TEXTS = {
  keep: ['ランブックどおりに復旧できた', 'IC と連絡係を分けた', 'Postmortem was blameless'],
  problem: ['夜間の呼び出しが多い', 'Redash を知る人が一人'],
  try: ['アラートを毎週棚卸しする', 'Terraform のロック解除を自動化'],
};

/** Shape 1: frames titled Keep / Problem / Try, English (KEEP 👍) or Japanese (Keep（続けること）). */
export function framesBoard(lang: 'en' | 'ja', id = lang === 'en' ? 'uXjVFramesEN=' : 'uXjVFramesJA='): BoardFixture {
  const titles = lang === 'en' ? ['KEEP 👍', 'Problem 😣', 'TRY 🚀'] : ['Keep（続けること）', 'Problem（問題）', 'Try（次に試すこと）'];
  const [k, p, t] = [frame(id, titles[0], 0, 0), frame(id, titles[1], 1400, 0), frame(id, titles[2], 2800, 0)];
  const name = lang === 'en' ? 'Platform retro 2025-06-12' : 'プラットフォームチーム 振り返り 2025年6月12日';
  return {
    board: board(id, name),
    items: [
      k, p, t,
      ...fill(id, k.id, KPT_TEXTS.keep),
      ...fill(id, p.id, KPT_TEXTS.problem),
      ...fill(id, t.id, KPT_TEXTS.try),
      sticky(id, '<p>駐車場: 次回話す</p>', { x: 0, y: 1200 }),
      sticky(id, '', { x: 300, y: 1200 }),
    ],
    tags: [],
    tagItems: {},
    members: MEMBERS,
  };
}

/** Shape 2: no frames, three header texts or shapes side by side, stickies under them. */
export function columnsBoard(id = 'uXjVColumns='): BoardFixture {
  const items: MiroItem[] = [
    text(id, '<p>Sprint 42 retro 2025/06/12</p>', 600, -400),
    text(id, '<p><strong>KEEP</strong></p>', 0, 0),
    text(id, '<p>PROBLEM</p>', 600, 0, 'shape'),
    text(id, '<p>TRY</p>', 1200, 0),
  ];
  const col = (x: number, texts: string[]) =>
    // slightly uneven, as people place them
    texts.map((t, i) => sticky(id, `<p>${t}</p>`, { x: x + (i % 2 ? 30 : -20), y: 250 + i * 260 + (i % 2) * 7 }));
  items.push(...col(1200, KPT_TEXTS.try), ...col(0, KPT_TEXTS.keep), ...col(600, KPT_TEXTS.problem));
  items.push(sticky(id, '<p>far away, in no column</p>', { x: 4000, y: 300 }));
  items.push(sticky(id, '<p>above the headers</p>', { x: 0, y: -300 }));
  return { board: board(id, 'Sprint 42'), items, tags: [], tagItems: {}, members: MEMBERS };
}

/** Shape 3: stickies anywhere, tagged Keep / Problem / Try (tags are not on the items). */
export function tagsBoard(id = 'uXjVTagsBrd='): BoardFixture {
  const items: MiroItem[] = [];
  const tagItems: Record<string, string[]> = { '3458764000000000101': [], '3458764000000000102': [], '3458764000000000103': [], '3458764000000000104': [] };
  const tags: MiroTag[] = [
    { id: '3458764000000000101', title: 'Keep', fillColor: 'green', type: 'tag' } as MiroTag,
    { id: '3458764000000000102', title: 'Problem', fillColor: 'red', type: 'tag' } as MiroTag,
    { id: '3458764000000000103', title: 'Try', fillColor: 'blue', type: 'tag' } as MiroTag,
    { id: '3458764000000000104', title: 'infra', fillColor: 'gray', type: 'tag' } as MiroTag,
  ];
  const kinds = [
    ['3458764000000000101', KPT_TEXTS.keep],
    ['3458764000000000102', KPT_TEXTS.problem],
    ['3458764000000000103', KPT_TEXTS.try],
  ] as const;
  let n = 0;
  for (const [tag, texts] of kinds) {
    for (const t of texts) {
      const s = sticky(id, `<p>${t}</p>`, { x: (n % 4) * 250, y: Math.floor(n / 4) * 260 });
      n++;
      items.push(s);
      tagItems[tag].push(s.id);
      if (n % 3 === 0) tagItems['3458764000000000104'].push(s.id);
    }
  }
  const untagged = sticky(id, '<p>タグなし</p>', { x: 0, y: 2000 });
  items.push(untagged);
  // Items come back in the API's own order, not by kind.
  items.reverse();
  return { board: board(id, 'KPT', { createdAt: '2025-06-11T16:30:00Z' }), items, tags, tagItems, members: MEMBERS };
}

/** Every way a sticky could try to become code, markup or a link. Each is also the literal text expected on the page. */
export const ATTACKS: { html: string; text: string }[] = [
  { html: '<p>{process.exit(1)}</p>', text: '{process.exit(1)}' },
  { html: "<p>import fs from 'node:fs'</p>", text: "import fs from 'node:fs'" },
  { html: '<p>export const pwned = 1</p>', text: 'export const pwned = 1' },
  { html: '<p>&lt;script&gt;alert("xss")&lt;/script&gt;</p>', text: '<script>alert("xss")</script>' },
  { html: '<p>&lt;/div&gt;&lt;/main&gt; broken out</p>', text: '</div></main> broken out' },
  { html: '<p>---</p><p>title: hijacked</p><p>---</p>', text: '---\ntitle: hijacked\n---' },
  { html: '<p>```js</p><p>alert(1)</p><p>```</p>', text: '```js\nalert(1)\n```' },
  { html: '<p>[x](javascript:alert(1))</p>', text: '[x](javascript:alert(1))' },
  { html: '<p>&lt;img src=x onerror="alert(2)"&gt;</p>', text: '<img src=x onerror="alert(2)">' },
  { html: '<p>&amp;lt;b&amp;gt; decoded once</p>', text: '&lt;b&gt; decoded once' },
  { html: '<p>{/* comment */} ${`x`} &#123;1+1&#125;</p>', text: '{/* comment */} ${`x`} {1+1}' },
  { html: '<p><a href="javascript:alert(3)">click me</a></p>', text: 'click me' },
  { html: '<p>ok</p><script>alert(4)</script>', text: 'ok' },
];

/** A board whose stickies, name and description are attacks. */
export function hostileBoard(id = 'uXjVHostile='): BoardFixture {
  const k = frame(id, 'Keep', 0, 0, 1200, 3000);
  const p = frame(id, 'Problem', 1400, 0);
  const t = frame(id, 'Try', 2800, 0);
  const items: MiroItem[] = [k, p, t];
  ATTACKS.forEach((a, i) => items.push(sticky(id, a.html, { x: 150 + (i % 3) * 300, y: 300 + Math.floor(i / 3) * 300, parent: k.id })));
  items.push(sticky(id, '<p>{process.exit(2)}</p>', { x: 150, y: 300, parent: p.id }));
  items.push(sticky(id, '<p>&lt;/script&gt;&lt;script&gt;alert(5)&lt;/script&gt;</p>', { x: 150, y: 300, parent: t.id }));
  return {
    board: board(id, 'Hostile 2025-06-12 </title><script>alert(6)</script>', {
      description: '---\n<script>alert(7)</script>\n{process.exit(3)}',
    }),
    items,
    tags: [],
    tagItems: {},
    members: [{ id: MEMBERS[0].id, name: '<b>Mallory</b> {x}' }, MEMBERS[1]],
  };
}

/** A big retro: `count` stickies over Keep / Problem / Try frames, read in pages of 50. */
export function bigBoard(count = 2000, id = 'uXjVBigBoard='): BoardFixture {
  const frames = [frame(id, 'Keep', 0, 0, 20000, 20000), frame(id, 'Problem', 21000, 0, 20000, 20000), frame(id, 'Try', 42000, 0, 20000, 20000)];
  const items: MiroItem[] = [...frames];
  for (let i = 0; i < count; i++) {
    const f = frames[i % 3];
    const n = Math.floor(i / 3);
    items.push(
      sticky(id, `<p>Sticky ${i}: 振り返り &amp; 学び</p><p>line two</p>`, {
        x: 150 + (n % 40) * 250,
        y: 150 + Math.floor(n / 40) * 260,
        parent: f.id,
        author: i % 2,
        id: `3458764599${String(i).padStart(9, '0')}`,
      }),
    );
  }
  return { board: board(id, 'Big retro 2025-06-12'), items, tags: [], tagItems: {}, members: MEMBERS };
}
