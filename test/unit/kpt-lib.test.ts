/** The pure KPT import: parsing what people paste, reading sticky text, placing stickies, writing and merging the page. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  DEFAULT_KPT_CONFIG,
  buildRetro,
  classify,
  findDate,
  headerMatcher,
  htmlToText,
  parseBoardRef,
  parseKptConfig,
  parsePage,
  printable,
  retroFileName,
  type BoardData,
} from '../../src/lib/kpt/index.ts';
import { ATTACKS, columnsBoard, frame, framesBoard, hostileBoard, sticky, tagsBoard, text, type BoardFixture } from '../../bench/harness/miro-boards.ts';
import { makeSchemas } from '../../src/lib/content/schema.ts';

const data = (f: BoardFixture): BoardData => ({ board: f.board, items: f.items, tags: f.tags, taggedItems: f.tagItems, members: f.members });
const opts = (f: BoardFixture, extra: Partial<Parameters<typeof buildRetro>[1]> = {}) => ({
  ref: parseBoardRef(f.board.id),
  config: DEFAULT_KPT_CONFIG,
  timeZone: 'Asia/Tokyo',
  ...extra,
});
const kinds = (f: BoardFixture, config = DEFAULT_KPT_CONFIG) =>
  classify(data(f), config).entries.map((e) => `${e.kind}:${e.text}`);

describe('parseBoardRef', () => {
  it.each([
    ['uXjVOabc123=', 'uXjVOabc123='],
    ['https://miro.com/app/board/uXjVOabc123=/', 'uXjVOabc123='],
    ['https://miro.com/app/board/uXjVOabc123=/?share_link_id=123456&moveToWidget=345', 'uXjVOabc123='],
    ['https://miro.com/app/board/uXjVOabc123%3D/', 'uXjVOabc123='],
    ['  https://miro.com/app/board/o9J_kxyz1A0=  ', 'o9J_kxyz1A0='],
  ])('reads %s', (input, id) => {
    const ref = parseBoardRef(input);
    expect(ref.id).toBe(id);
    expect(ref.url).toBe(`https://miro.com/app/board/${id}/`);
  });

  it.each([
    '',
    'https://miro.com/app/dashboard/',
    'https://example.com/some/page',
    'javascript:alert(1)',
    'ftp://miro.com/app/board/uXjVOabc123=/',
    'uXjV Oabc',
    '../../etc/passwd',
    'https://miro.com/app/board/%E0%A4%A/',
  ])('rejects %j with a message', (input) => {
    expect(() => parseBoardRef(input)).toThrow(/board|URL|empty/);
  });

  it('never echoes control characters back to the terminal', () => {
    expect(printable('a\u001b[31mred\nnext')).toBe('a�[31mred ⏎ next');
  });
});

describe('findDate', () => {
  it.each([
    ['Retro 2025-06-12', '2025-06-12'],
    ['Retro 2025/06/12', '2025-06-12'],
    ['Retro 2025/6/2', '2025-06-02'],
    ['振り返り 2025年6月12日', '2025-06-12'],
    ['振り返り ２０２５年６月１２日（木）', '2025-06-12'],
    ['第3回 2025 年 6 月 12 日', '2025-06-12'],
    ['Sprint 42 (2025-06-12) and 2025-06-19', '2025-06-12'],
    ['2025年6月1日 then 2025-07-01', '2025-06-01'],
  ])('%s -> %s', (t, d) => expect(findDate(t)).toBe(d));

  it.each(['Retro 2025-02-30', 'Sprint 42', 'v12025-06-123', '2025/13/01'])('finds no day in %s', (t) => {
    expect(findDate(t)).toBeUndefined();
  });
});

describe('htmlToText', () => {
  it('keeps line breaks and drops tags', () => {
    expect(htmlToText('<p>first <strong>bold</strong></p><p>second<br>third</p>')).toBe('first bold\nsecond\nthird');
  });
  it('decodes entities exactly once', () => {
    expect(htmlToText('<p>&lt;script&gt; &amp;lt;b&amp;gt; &quot;q&quot; &#39;s&#39; &nbsp;x</p>')).toBe('<script> &lt;b&gt; "q" \'s\'  x');
  });
  it('keeps a stray < as text and drops real script elements', () => {
    expect(htmlToText('<p>a < b and c > d</p><script>alert(1)</script>')).toBe('a < b and c > d');
  });
  it('trims and removes control characters', () => {
    expect(htmlToText('<p>  \u0007hi\u0000  </p><p></p><p></p><p></p><p>x</p>')).toBe('hi\n\nx');
  });
  it.each(ATTACKS)('hostile sticky $html', ({ html, text }) => expect(htmlToText(html)).toBe(text));
});

describe('header words', () => {
  const m = headerMatcher();
  it.each([
    ['Keep', 'keep'], ['KEEP 👍', 'keep'], ['Keep（続けること）', 'keep'], ['ｋｅｅｐ', 'keep'], ['良かったこと', 'keep'],
    ['Keep - 続けること', 'keep'], ['🟢 Keep', 'keep'],
    ['Problem（問題）', 'problem'], ['PROBLEMS', 'problem'], ['課題', 'problem'], ['【Problem】', 'problem'],
    ['Try（次に試すこと）', 'try'], ['TRY 🚀', 'try'], ['トライ', 'try'], ['【Try】次に試すこと', 'try'],
  ])('%s is %s', (label, kind) => expect(m.match(label)).toBe(kind));

  it.each(['Try this new tool for deployment next sprint', 'Keeper', 'K', 'Problematic', 'Retro', ''])('%j is no header', (label) => {
    expect(m.match(label)).toBeUndefined();
  });

  it('a config replaces the words of a kind', () => {
    const c = parseKptConfig({ headers: { keep: ['よかった'] } });
    const custom = headerMatcher(c.headers);
    expect(custom.match('よかった！')).toBe('keep');
    expect(custom.match('Keep')).toBeUndefined();
    expect(custom.match('Problem')).toBe('problem');
  });
});

describe('config', () => {
  it('rejects unknown fields and kinds, naming them', () => {
    expect(() => parseKptConfig({ colours: {} })).toThrow(/colours|Unrecognized/);
    expect(() => parseKptConfig({ colors: { red: 'bad' } })).toThrow(/colors\.red/);
  });
});

describe('classify', () => {
  it('frames, English with emoji', () => {
    const c = classify(data(framesBoard('en')), DEFAULT_KPT_CONFIG);
    expect(c.via.frame).toBe(7);
    expect(c.entries.map((e) => e.kind)).toEqual(['keep', 'keep', 'keep', 'problem', 'problem', 'try', 'try']);
    expect(c.unplaced.map((u) => u.text)).toEqual(['駐車場: 次回話す']);
    expect(c.empty).toBe(1);
  });

  it('frames, Japanese with glosses, in reading order', () => {
    expect(kinds(framesBoard('ja')).slice(0, 3)).toEqual([
      'keep:ランブックどおりに復旧できた',
      'keep:IC と連絡係を分けた',
      'keep:Postmortem was blameless',
    ]);
  });

  it('columns: each sticky under its header, uneven placement tolerated; far and above ones reported', () => {
    const c = classify(data(columnsBoard()), DEFAULT_KPT_CONFIG);
    expect(c.via.column).toBe(7);
    expect(c.entries.map((e) => `${e.kind}:${e.text}`)).toEqual([
      'keep:ランブックどおりに復旧できた', 'keep:IC と連絡係を分けた', 'keep:Postmortem was blameless',
      'problem:夜間の呼び出しが多い', 'problem:Redash を知る人が一人',
      'try:アラートを毎週棚卸しする', 'try:Terraform のロック解除を自動化',
    ]);
    expect(c.unplaced.map((u) => u.text).sort()).toEqual(['above the headers', 'far away, in no column']);
  });

  it('tags: read from the tag lists, not the items; other tags ignored', () => {
    const c = classify(data(tagsBoard()), DEFAULT_KPT_CONFIG);
    expect(c.via.tag).toBe(7);
    expect(c.entries.filter((e) => e.kind === 'try').map((e) => e.text)).toEqual(['アラートを毎週棚卸しする', 'Terraform のロック解除を自動化']);
    expect(c.unplaced.map((u) => u.text)).toEqual(['タグなし']);
  });

  it('a sticky tagged with two kinds falls back to its frame', () => {
    const f = framesBoard('en');
    const s = f.items.find((i) => i.type === 'sticky_note' && i.data?.content === '<p>Postmortem was blameless</p>')!;
    f.tags = [{ id: 't1', title: 'Try' }, { id: 't2', title: 'Problem' }];
    f.tagItems = { t1: [s.id], t2: [s.id] };
    const c = classify(data(f), DEFAULT_KPT_CONFIG);
    expect(c.conflictingTags).toBe(1);
    expect(c.entries.find((e) => e.miroId === s.id)?.kind).toBe('keep');
  });

  it('bare K / P / T frames count only when all three are there', () => {
    const id = 'b';
    const [k, p, t] = [frame(id, 'K', 0, 0), frame(id, 'P', 1400, 0), frame(id, 'T', 2800, 0)];
    const items = [k, p, t, sticky(id, '<p>a</p>', { x: 10, y: 10, parent: k.id }), sticky(id, '<p>b</p>', { x: 10, y: 10, parent: t.id })];
    const board: BoardData = { board: { id }, items, tags: [], taggedItems: {}, members: [] };
    expect(classify(board, DEFAULT_KPT_CONFIG).entries.map((e) => e.kind)).toEqual(['keep', 'try']);
    board.items = items.filter((i) => i !== p);
    expect(classify(board, DEFAULT_KPT_CONFIG).entries).toEqual([]);
  });

  it('a colour code from the config places stickies nothing else does', () => {
    const id = 'c';
    const board: BoardData = {
      board: { id },
      items: [sticky(id, '<p>green</p>', { x: 0, y: 0, color: 'light_green' }), sticky(id, '<p>pink</p>', { x: 0, y: 300, color: 'pink' })],
      tags: [],
      taggedItems: {},
      members: [],
    };
    const config = parseKptConfig({ colors: { 'Light Green': 'keep' } });
    const c = classify(board, config);
    expect(c.entries.map((e) => [e.kind, e.text, e.via])).toEqual([['keep', 'green', 'color']]);
    expect(c.unplaced.map((u) => u.text)).toEqual(['pink']);
  });

  it('column headers inside a frame use canvas coordinates like the stickies beside them', () => {
    const id = 'd';
    const f = frame(id, 'Retro', 5000, 5000, 2000, 2000); // top-left at (4000, 4000)
    const header = (label: string, x: number) => ({ ...text(id, `<p>${label}</p>`, x, 100), parent: { id: f.id }, position: { x, y: 100, relativeTo: 'parent_top_left' } });
    const items = [f, header('Keep', 300), header('Problem', 1000), header('Try', 1700),
      sticky(id, '<p>in problem</p>', { x: 1010, y: 400, parent: f.id }),
      sticky(id, '<p>top-level, under try</p>', { x: 4000 + 1700, y: 4000 + 600 })];
    const c = classify({ board: { id }, items, tags: [], taggedItems: {}, members: [] }, DEFAULT_KPT_CONFIG);
    expect(c.entries.map((e) => `${e.kind}:${e.text}`)).toEqual(['problem:in problem', 'try:top-level, under try']);
  });

  it('leaves authors off when the config says so', () => {
    const c = classify(data(framesBoard('en')), { ...DEFAULT_KPT_CONFIG, authors: false });
    expect(c.entries.every((e) => e.author === undefined)).toBe(true);
  });
});

describe('the page', () => {
  const schemas = makeSchemas(new Set(['aoki', 'baba']));

  it('puts everything in front matter and nothing from the board in the body', () => {
    const f = hostileBoard();
    const r = buildRetro(data(f), opts(f, { owners: ['aoki'], team: 'SRE' }));
    const page = parsePage(r.content, parse);
    expect(page.body).not.toMatch(/script|process|import|javascript/);
    const checked = schemas.retros.parse(page.frontMatter);
    expect(checked.items.map((i) => i.text)).toEqual([...ATTACKS.map((a) => a.text), '{process.exit(2)}', '</script><script>alert(5)</script>']);
    expect(checked.description).toBe('---\n<script>alert(7)</script>\n{process.exit(3)}');
    expect(checked.title).toBe('振り返り 2025-06-12（SRE）');
    // The front matter block ends where the page says, whatever the stickies hold.
    expect(r.content.match(/^---$/gm)).toHaveLength(2);
  });

  it('date: flag, else the page, else board text, else board creation day in the team time zone', () => {
    const tags = tagsBoard(); // no date in its texts; created 2025-06-11T16:30Z = 2025-06-12 in Tokyo
    expect(buildRetro(data(tags), opts(tags)).date).toBe('2025-06-12');
    expect(buildRetro(data(tags), opts(tags, { timeZone: 'UTC' })).date).toBe('2025-06-11');
    const ja = framesBoard('ja');
    expect(buildRetro(data(ja), opts(ja)).dateFrom).toBe('board text');
    expect(buildRetro(data(ja), opts(ja, { date: '2025-07-01' })).date).toBe('2025-07-01');
  });

  it('a new page with no owner waits for one, marked with where it came from', () => {
    const f = framesBoard('en');
    const fm = parsePage(buildRetro(data(f), opts(f)).content, parse).frontMatter;
    expect(fm.owners).toEqual([]);
    expect(fm.adopted_from).toBe(f.board.viewLink);
    expect(schemas.retros.safeParse(fm).success).toBe(true);
  });

  it('Try items get a stable action id and status open', () => {
    const f = framesBoard('en');
    const a = buildRetro(data(f), opts(f)).frontMatter.items as Record<string, unknown>[];
    const b = buildRetro(data(f), opts(f)).frontMatter.items as Record<string, unknown>[];
    const tries = a.filter((i) => i.kind === 'try');
    expect(tries.every((i) => /^a-2025-06-12-[0-9a-z]+$/.test(String(i.id)) && i.status === 'open')).toBe(true);
    expect(new Set(tries.map((i) => i.id)).size).toBe(tries.length);
    expect(b.filter((i) => i.kind === 'try').map((i) => i.id)).toEqual(tries.map((i) => i.id));
    expect(a.filter((i) => i.kind !== 'try').every((i) => i.id === undefined && i.status === undefined)).toBe(true);
  });

  describe('re-import', () => {
    const f = framesBoard('en');
    const first = buildRetro(data(f), opts(f, { owners: ['aoki'], team: 'SRE' }));

    it('is byte-identical when nothing changed, whatever order the API returns items in', () => {
      const again = buildRetro(data(f), opts(f, { existing: parsePage(first.content, parse) }));
      expect(again.content).toBe(first.content);
      const shuffled = { ...f, items: [...f.items].reverse() };
      expect(buildRetro(data(shuffled), opts(f, { existing: parsePage(first.content, parse) })).content).toBe(first.content);
    });

    it('keeps the body, page fields and what people added to items; takes text and kind from the board', () => {
      const edited = first.content
        .replace('title: 振り返り 2025-06-12（SRE）', 'title: 6月の振り返り\nreviewed_note: 手で足した')
        .replace(/(text: アラートを毎週棚卸しする\n(?:.*\n)*?    status: )open/, '$1done\n    owner: baba\n    due: 2025-07-01\n    note: 月曜に確認')
        .replace('## メモ', '## メモ\n\n人が書いた議事録。\n');
      const board = structuredClone(f);
      const s = board.items.find((i) => i.data?.content === '<p>夜間の呼び出しが多い</p>')!;
      s.data!.content = '<p>夜間の呼び出しが多い（9 月は 11 件）</p>';
      const moved = board.items.find((i) => i.data?.content === '<p>IC と連絡係を分けた</p>')!;
      moved.parent = { id: board.items.find((i) => i.type === 'frame' && i.data?.title === 'TRY 🚀')!.id };
      const r = buildRetro(data(board), opts(board, { existing: parsePage(edited, parse) }));
      const page = parsePage(r.content, parse);
      expect(page.body).toContain('人が書いた議事録。');
      expect(page.frontMatter.title).toBe('6月の振り返り');
      expect(page.frontMatter.reviewed_note).toBe('手で足した');
      expect(page.frontMatter.team).toBe('SRE');
      const items = page.frontMatter.items as Record<string, unknown>[];
      const tried = items.find((i) => i.text === 'アラートを毎週棚卸しする')!;
      expect(tried).toMatchObject({ status: 'done', owner: 'baba', due: '2025-07-01', note: '月曜に確認' });
      expect(tried.id).toBe((first.frontMatter.items as Record<string, unknown>[]).find((i) => i.text === 'アラートを毎週棚卸しする')!.id);
      expect(items.find((i) => i.miro_id === s.id)!.text).toBe('夜間の呼び出しが多い（9 月は 11 件）');
      expect(items.find((i) => i.miro_id === moved.id)).toMatchObject({ kind: 'try', status: 'open' });
      expect(r.changed).toBe(2);
      expect(schemas.retros.safeParse(page.frontMatter).success).toBe(true);
    });

    it('drops items whose sticky is gone, unless people added to them', () => {
      const edited = first.content.replace(/(text: Terraform のロック解除を自動化\n(?:.*\n)*?    status: open)/, '$1\n    owner: aoki');
      const board = structuredClone(f);
      board.items = board.items.filter((i) => !['<p>Terraform のロック解除を自動化</p>', '<p>Postmortem was blameless</p>'].includes(String(i.data?.content)));
      const withManual = edited.replace('items:\n', 'items:\n  - kind: keep\n    text: 手で足した項目\n');
      const r = buildRetro(data(board), opts(board, { existing: parsePage(withManual, parse) }));
      const texts = (r.frontMatter.items as Record<string, unknown>[]).map((i) => i.text);
      expect(texts).not.toContain('Postmortem was blameless');
      expect(texts).toContain('Terraform のロック解除を自動化');
      expect(texts).toContain('手で足した項目');
      expect(r.dropped.map((i) => i.text)).toEqual(['Postmortem was blameless']);
      expect(r.keptOrphans.map((i) => i.text)).toEqual(['Terraform のロック解除を自動化']);
    });
  });

  it('file names: ASCII slug from the team, else the board name without its date, else retro; never a taken name', () => {
    const none = () => false;
    expect(retroFileName('2025-06-12', ['Platform Team'], none)).toBe('2025-06-12-platform-team.mdx');
    expect(retroFileName('2025-06-12', ['プラットフォームチーム', 'Sprint 42 Retro 2025-06-12'], none)).toBe('2025-06-12-sprint-42-retro.mdx');
    expect(retroFileName('2025-06-12', ['チーム', '振り返り 2025年6月12日'], none)).toBe('2025-06-12-retro.mdx');
    expect(retroFileName('2025-06-12', ['../../etc'], none)).toBe('2025-06-12-etc.mdx');
    const taken = new Set(['2025-06-12-sre.mdx', '2025-06-12-sre-2.mdx']);
    expect(retroFileName('2025-06-12', ['SRE'], (n) => taken.has(n))).toBe('2025-06-12-sre-3.mdx');
  });
});

describe('YAML that every reader reads back as written', () => {
  it('quotes what a YAML 1.1 reader would take for a date, boolean or number; leaves day fields plain', async () => {
    const { toYaml } = await import('../../src/lib/kpt/page.ts');
    const jsYaml = await import('js-yaml');
    const values = ['2025-06-12', '2025-06-12T03:04:05Z', 'yes', 'No', 'on', 'OFF', '0777', '1_000', '12:30', '~', 'null', '1e3', '.inf', '<<', 'true', '- item', 'plain text'];
    const fm = { date: '2025-06-12', source: { modified_at: '2025-06-12T03:04:05Z' }, items: values.map((text) => ({ kind: 'keep', text, due: '2025-07-01' })) };
    const out = toYaml(fm);
    expect(out).toMatch(/^date: 2025-06-12$/m);
    expect(out).toMatch(/^    due: 2025-07-01$/m);
    const back = jsYaml.load(out) as typeof fm;
    expect(back.items.map((i) => i.text)).toEqual(values);
    expect(back.source.modified_at).toBe('2025-06-12T03:04:05Z');
    expect(parse(out)).toEqual(fm);
  });
});

describe('any string survives a round trip through YAML 1.1 and 1.2 readers', () => {
  it.each([
    'yes', 'No', 'ON', 'y', '~', 'null', '', '<<', '=', '0777', '0x1F', '0b101', '1_000', '12:30', '190:20:30', '1.5', '.5', '1e3', '-1.5e+3', '.inf', '-.Inf', '.NaN',
    '2025-06-12', '2025-6-1', '2025-06-12T03:04:05Z', '2025-06-12 03:04:05.5 +09:00',
    'yess', 'Yes!', 'keep', '2025-06-12x', '12:30 meeting', '1.2.3', 'v1', '0.0.0.0', '3458764599000000000', '-', '+1', '? x', ': y', '# z', '@a', '`b', '%c',
  ])('%j', async (value) => {
    const { toYaml } = await import('../../src/lib/kpt/page.ts');
    const jsYaml = await import('js-yaml');
    const out = toYaml({ items: [{ text: value }], note: value });
    expect(parse(out, { version: '1.1' })).toEqual({ items: [{ text: value }], note: value });
    expect(jsYaml.load(out)).toEqual({ items: [{ text: value }], note: value });
    expect(parse(out)).toEqual({ items: [{ text: value }], note: value });
  });
});
