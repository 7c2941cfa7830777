import { bigBoard } from './test/support/miro-boards.ts';
import { buildRetro, classify, DEFAULT_KPT_CONFIG, parseBoardRef, parsePage, toYaml } from './src/lib/kpt/index.ts';
import { parse } from 'yaml';
import jsyaml from 'js-yaml';
const f = bigBoard(2000);
const data = { board: f.board, items: f.items, tags: f.tags, taggedItems: f.tagItems, members: f.members };
const o = { ref: parseBoardRef(f.board.id), config: DEFAULT_KPT_CONFIG, timeZone: 'Asia/Tokyo', team: 'SRE' };
const cpu = (fn: () => unknown) => { const c = process.cpuUsage(); fn(); const d = process.cpuUsage(c); return ((d.user + d.system) / 1000).toFixed(0); };
let r = buildRetro(data, o);
for (let i = 0; i < 5; i++) {
  const out: Record<string, string> = {};
  out.fresh = cpu(() => (r = buildRetro(data, o)));
  out.classify = cpu(() => classify(data, DEFAULT_KPT_CONFIG));
  out.toYaml = cpu(() => toYaml(r.frontMatter));
  let ex: any;
  out.parseYaml = cpu(() => (ex = parsePage(r.content, parse)));
  out.parseJs = cpu(() => parsePage(r.content, (t) => jsyaml.load(t, { schema: jsyaml.CORE_SCHEMA })));
  out.reimport = cpu(() => buildRetro(data, { ...o, existing: ex }));
  console.log(JSON.stringify(out));
}
