/**
 * Pure side of the benchmark: statistics, budget checks and the BENCHMARKS.md tables.
 * No I/O here, so it is unit-tested (test/unit/bench-report.test.ts).
 */

export type SiteId = 'a' | 'b' | 'c';

export const SITE_LABELS: Record<SiteId, string> = {
  a: '(a) hikitsugi',
  b: '(b) stock Starlight',
  c: '(c) Astro + MDX, no theme',
};

export interface BuildRunResult {
  wallMs: number;
  cpuS: number | null;
  maxRssKb: number | null;
  treeRssKb: number;
  pages: number | null;
}

export interface BuildSeries {
  n: number;
  site: SiteId;
  runs: BuildRunResult[];
}

export interface PageWeight {
  n: number;
  site: SiteId;
  /** Path of the typical (median-size) runbook page, the same slug on every site. */
  typicalPath: string;
  html: { typical: number; median: number; min: number; max: number; pages: number };
  /** Typical page's bytes outside the author's text (theme, navigation, scripts). */
  chromeBytes: number;
  js: { external: number; externalGzip: number; inline: number; scripts: string[] };
  css: number;
  /** The whole built site. */
  output: { bytes: number; files: number };
}

export interface SearchTiming {
  query: string;
  /** Fresh browser context each time: load pagefind.js, search, fetch the first result. */
  coldMs: number[];
  /** Same page, index already loaded: further queries. */
  warmMs: number[];
  warmQueries: string[];
  results: number;
  firstUrl: string | null;
}

export interface SearchResult extends SearchTiming {
  n: number;
  site: SiteId;
  /** Which search the site had; absent in runs before #14, when every site had Pagefind. */
  engine?: 'hikitsugi' | 'pagefind';
  index: { bytes: number; files: number };
}

export type ImportResult =
  | {
      status: 'measured';
      items: number;
      requests: number;
      wallMs: number;
      /** Time in our own code (parsing, mapping, writing), excluding waiting on the server. */
      ownMs: number;
      detail?: Record<string, number | string>;
    }
  | { status: 'not-measured'; reason: string };

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  versions: Record<string, string>;
  chromium: string | null;
  loadAverage: { start: number[]; end: number[] };
  note: string;
}

export interface SearchEngineFigures {
  engine: 'hikitsugi' | 'pagefind';
  queries: number;
  recall: number;
  precisionAt1: number;
  exactFirstAt5: number;
  /** Queries where some page holding the word was not among the results. */
  missed: string[];
  /** Files a search loads (Pagefind: without its UI bundles). */
  index: { bytes: number; files: number };
  /** Fresh browser context each: page loaded, then query to first results shown. */
  firstSearchMs: number[];
}

/** The search-quality benchmark on the Japanese corpora (bench/search.ts). */
export type SearchQualityResult =
  | {
      status: 'measured';
      date: string;
      corpus: string[];
      pages: number;
      seed: number;
      /** Results looked at per query. */
      depth: number;
      queries: { total: number; byKind: Record<string, number> };
      engines: SearchEngineFigures[];
      examples: { q: string; kind: string; holders: number; hikitsugi: string | null; pagefind: string | null }[];
    }
  | { status: 'skipped'; reason: string };

/** HTML file sizes of one built site: its heaviest pages other than content pages, and its runbook pages. */
export interface SiteHtml {
  n: number;
  site: SiteId;
  /** The largest pages that are not runbook pages (index pages, lists, the home page), largest first. */
  largest: { path: string; bytes: number }[];
  /** Pages other than runbook pages. */
  otherPages: number;
  runbook: { pages: number; max: number; median: number };
}

export interface Results {
  version: 1;
  date: string;
  mode: 'full' | 'quick';
  durationS: number;
  machine: Machine;
  plan: { sizes: number[]; runs: Record<string, number>; seed: number; order: string; sites?: Record<string, string> };
  builds: BuildSeries[];
  /**
   * Builds measured once and kept from run to run (plain Astro at 10,000 runbooks, for the memory
   * budget): `npm run bench -- --only baseline` measures them again.
   */
  recorded?: (BuildSeries & { date: string })[];
  /** Absent in results written before #20. */
  siteHtml?: SiteHtml[];
  pageWeight: PageWeight[];
  search: SearchResult[];
  import: ImportResult;
  /** Absent in results written before the search benchmark existed. */
  searchQuality?: SearchQualityResult;
}

export interface Budgets {
  buildRatios: { n: number; site: SiteId; baseline: SiteId; max: number; why?: string }[];
  pageHtml: { n: number; site: SiteId; maxBytes: number; why?: string };
  siteHtml?: { n: number; site: SiteId; maxOtherBytes: number; maxRunbookBytes: number; why?: string };
  memory?: { n: number; site: SiteId; baseline: SiteId; max: number; why?: string };
  duration?: { maxMinutes: number; why?: string };
  importRequests: { itemsPerRequest: number; extra: number; why?: string };
  searchQuality?: { minRecall: number; minPrecisionAt1: number; minExactFirstAt5: number; maxIndexRatio: number; maxFirstSearchRatio: number; why?: string };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median wall time of a site at a page count: this run's builds, else a recorded reference. */
export function medianWall(results: Pick<Results, 'builds' | 'recorded'>, n: number, site: SiteId): number {
  const series = results.builds.find((b) => b.n === n && b.site === site) ?? results.recorded?.find((b) => b.n === n && b.site === site);
  return series ? median(series.runs.map((r) => r.wallMs)) : NaN;
}

/** One process of a build's process tree, as /proc shows it. */
export interface ProcessSample {
  pid: number;
  ppid: number;
  /** /proc/<pid>/cmdline, NUL-separated. */
  cmdline: string;
  rssKb: number;
}

/**
 * Resident memory of the tree under `root`. A child that Node has forked but that has not yet run
 * its program (git, for the knowledge pages) still has its parent's command line, and its
 * resident pages are the parent's, shared copy-on-write: it is left out, or a sample caught in
 * that moment counts the build twice (10.6 GiB "all processes" in a build at 10,000 runbooks whose
 * largest process peaked at 7.6 GiB; sampled every 10 ms at 1,000, such a child showed 814 MB, and
 * 5 MB once it was git).
 */
export function treeRssKb(processes: ProcessSample[], root: number): number {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const p of processes) if (p.ppid === tree[i] && p.pid !== root) tree.push(p.pid);
  }
  let total = 0;
  for (const pid of tree) {
    const p = byPid.get(pid);
    if (!p) continue;
    const parent = byPid.get(p.ppid);
    if (pid !== root && parent && parent.cmdline === p.cmdline) continue;
    total += p.rssKb;
  }
  return total;
}

/** Peak RSS summed over a build's processes, the highest of its runs; this run's builds first, then recorded ones. */
export function peakTreeKb(results: Pick<Results, 'builds' | 'recorded'>, n: number, site: SiteId): number {
  const series = results.builds.find((b) => b.n === n && b.site === site) ?? results.recorded?.find((b) => b.n === n && b.site === site);
  return series && series.runs.length ? Math.max(...series.runs.map((r) => r.treeRssKb)) : NaN;
}

/** Median wall time of `site` over median wall time of `baseline` at page count `n`. */
export function buildRatio(results: Pick<Results, 'builds' | 'recorded'>, n: number, site: SiteId, baseline: SiteId): number {
  return medianWall(results, n, site) / medianWall(results, n, baseline);
}

/** The most requests an import of `items` stickies may make. */
export function importRequestLimit(items: number, budget: Budgets['importRequests']): number {
  return Math.ceil(items / budget.itemsPerRequest) + budget.extra;
}

export interface BudgetCheck {
  id: 'build-ratio' | 'page-html' | 'index-html' | 'runbook-html' | 'memory' | 'duration' | 'import-requests' | 'search-recall' | 'search-p1' | 'search-ef5' | 'search-index' | 'search-first';
  description: string;
  limit: string;
  actual: string;
  /** true: met; false: missed; null: not measured (a check treats that as a miss). */
  ok: boolean | null;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function checkBudgets(results: Results, budgets: Budgets): BudgetCheck[] {
  const checks: BudgetCheck[] = [];

  for (const br of budgets.buildRatios) {
    const ratio = buildRatio(results, br.n, br.site, br.baseline);
    checks.push({
      id: 'build-ratio',
      description: `build time ${br.site}/${br.baseline} at N = ${br.n.toLocaleString('en')}`,
      limit: `<= ${br.max}`,
      actual: Number.isFinite(ratio) ? ratio.toFixed(2) : 'not measured',
      ok: Number.isFinite(ratio) ? ratio <= br.max : null,
    });
  }

  const ph = budgets.pageHtml;
  const weight = results.pageWeight.find((w) => w.n === ph.n && w.site === ph.site);
  checks.push({
    id: 'page-html',
    description: `largest runbook page HTML (${ph.site}) at N = ${ph.n.toLocaleString('en')}`,
    limit: `< ${kb(ph.maxBytes)}`,
    actual: weight ? `${kb(weight.html.max)} (typical ${kb(weight.html.typical)})` : 'not measured',
    ok: weight ? weight.html.max < ph.maxBytes : null,
  });

  const sh = budgets.siteHtml;
  if (sh) {
    const html = results.siteHtml?.find((h) => h.n === sh.n && h.site === sh.site);
    const top = html?.largest[0];
    checks.push({
      id: 'index-html',
      description: `largest page other than runbooks (${sh.site}) at N = ${sh.n.toLocaleString('en')}`,
      limit: `<= ${kb(sh.maxOtherBytes)}`,
      actual: html ? (top ? `${kb(top.bytes)} (\`${top.path}\`)` : 'no such page') : 'not measured',
      ok: html ? (top?.bytes ?? 0) <= sh.maxOtherBytes : null,
    });
    checks.push({
      id: 'runbook-html',
      description: `largest runbook page HTML (${sh.site}) at N = ${sh.n.toLocaleString('en')}`,
      limit: `< ${kb(sh.maxRunbookBytes)}`,
      actual: html && html.runbook.pages ? `${kb(html.runbook.max)} (median ${kb(html.runbook.median)})` : 'not measured',
      ok: html && html.runbook.pages ? html.runbook.max < sh.maxRunbookBytes : null,
    });
  }

  const mem = budgets.memory;
  if (mem) {
    const [ours, base] = [peakTreeKb(results, mem.n, mem.site), peakTreeKb(results, mem.n, mem.baseline)];
    const ratio = ours / base;
    checks.push({
      id: 'memory',
      description: `peak memory of all build processes ${mem.site}/${mem.baseline} at N = ${mem.n.toLocaleString('en')}`,
      limit: `<= ${mem.max}`,
      actual: Number.isFinite(ratio)
        ? `${ratio.toFixed(2)} (${(ours / 2 ** 20).toFixed(1)} / ${(base / 2 ** 20).toFixed(1)} GiB)`
        : `not measured${Number.isFinite(ours) ? `: (${mem.baseline}) has no build at this size (npm run bench -- --only baseline)` : ''}`,
      ok: Number.isFinite(ratio) ? ratio <= mem.max : null,
    });
  }

  const du = budgets.duration;
  if (du) {
    const full = results.mode === 'full';
    checks.push({
      id: 'duration',
      description: 'a full benchmark run',
      limit: `<= ${du.maxMinutes} min`,
      actual: full ? `${(results.durationS / 60).toFixed(1)} min` : `not measured: a ${results.mode} run`,
      ok: full ? results.durationS / 60 <= du.maxMinutes : null,
    });
  }

  const ir = budgets.importRequests;
  const imp = results.import;
  checks.push({
    id: 'import-requests',
    description: 'requests to import a board',
    limit:
      imp.status === 'measured'
        ? `<= ceil(${imp.items} / ${ir.itemsPerRequest}) + ${ir.extra} = ${importRequestLimit(imp.items, ir)}`
        : `<= ceil(items / ${ir.itemsPerRequest}) + ${ir.extra}`,
    actual: imp.status === 'measured' ? String(imp.requests) : `not measured: ${imp.reason}`,
    ok: imp.status === 'measured' ? imp.requests <= importRequestLimit(imp.items, ir) : null,
  });
  return checks;
}

/**
 * Bytes of a generated runbook page outside the runbook's own text: the page minus its rendered
 * Markdown body, which starts at the body's first heading (every generated body opens with
 * "## 概要") and ends where Starlight's page footer starts (or at `</main>` on the plain site).
 * What the site adds around the text: head, header, navigation, table of contents, page facts.
 */
export function chromeBytes(html: string): number {
  const total = Buffer.byteLength(html);
  const wrapped = html.indexOf('<div class="sl-heading-wrapper level-h2"');
  const start = wrapped >= 0 ? wrapped : html.indexOf('<h2');
  if (start < 0) return total;
  const footer = html.indexOf('<footer', start);
  const end = footer >= 0 ? footer : html.indexOf('</main>', start);
  return total - Buffer.byteLength(html.slice(start, end < 0 ? html.length : end));
}

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : 'n/a');

/** The search-quality budgets: our engine's figures, and its index size and first search against stock Pagefind's. */
export function checkSearchBudgets(results: Pick<Results, 'searchQuality'>, budgets: Budgets): BudgetCheck[] {
  const b = budgets.searchQuality;
  if (!b) return [];
  const sq = results.searchQuality;
  const ours = sq?.status === 'measured' ? sq.engines.find((e) => e.engine === 'hikitsugi') : undefined;
  const stock = sq?.status === 'measured' ? sq.engines.find((e) => e.engine === 'pagefind') : undefined;
  const missing = sq?.status === 'skipped' ? `not measured: ${sq.reason}` : 'not measured';
  const at = (id: BudgetCheck['id'], description: string, limit: string, value: number | undefined, ok: (v: number) => boolean, show: (v: number) => string): BudgetCheck => ({
    id,
    description,
    limit,
    actual: value !== undefined && Number.isFinite(value) ? show(value) : missing,
    ok: value !== undefined && Number.isFinite(value) ? ok(value) : null,
  });
  const indexRatio = ours && stock ? ours.index.bytes / stock.index.bytes : undefined;
  const firstRatio = ours && stock ? median(ours.firstSearchMs) / median(stock.firstSearchMs) : undefined;
  return [
    at('search-recall', 'search recall, Japanese corpus', `>= ${pct(b.minRecall)}`, ours?.recall, (v) => v >= b.minRecall, pct),
    at('search-p1', 'search precision at 1', `>= ${pct(b.minPrecisionAt1)}`, ours?.precisionAt1, (v) => v >= b.minPrecisionAt1, pct),
    at('search-ef5', 'search exact-first at 5', `>= ${pct(b.minExactFirstAt5)}`, ours?.exactFirstAt5, (v) => v >= b.minExactFirstAt5, pct),
    at('search-index', 'search index size, ours / stock Pagefind', `<= ${b.maxIndexRatio}`, indexRatio, (v) => v <= b.maxIndexRatio, (v) => v.toFixed(2)),
    at('search-first', 'first search time, ours / stock Pagefind', `<= ${b.maxFirstSearchRatio}`, firstRatio, (v) => v <= b.maxFirstSearchRatio, (v) => v.toFixed(2)),
  ];
}

// ---------------------------------------------------------------- Markdown

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const mb = (kbValue: number | null) => (kbValue == null ? 'n/a' : `${Math.round(kbValue / 1024)} MiB`);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const n = (v: number) => v.toLocaleString('en');

function table(head: string[], rows: (string | number)[][], align?: string[]): string {
  const sep = align ?? head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [row(head), row(sep), ...rows.map(row)].join('\n');
}

function cpuRatio(results: Pick<Results, 'builds'>, size: number, site: SiteId, base: SiteId): string {
  const cpu = (s: SiteId) =>
    median((results.builds.find((b) => b.n === size && b.site === s)?.runs ?? []).map((r) => r.cpuS).filter((v): v is number => v != null));
  const v = cpu(site) / cpu(base);
  return site === base || !Number.isFinite(v) ? '' : v.toFixed(2);
}

export function renderBuilds(results: Results): string {
  const recorded = (results.recorded ?? []).filter((r) => !results.builds.some((b) => b.n === r.n && b.site === r.site));
  const all = [...results.builds, ...recorded];
  const sizes = [...new Set(all.map((b) => b.n))].sort((x, y) => x - y);
  const rows: (string | number)[][] = [];
  for (const size of sizes) {
    for (const site of ['a', 'b', 'c'] as SiteId[]) {
      const s = all.find((b) => b.n === size && b.site === site);
      if (!s) continue;
      const when = recorded.find((r) => r === s)?.date;
      const walls = s.runs.map((r) => r.wallMs);
      const cpu = s.runs.map((r) => r.cpuS).filter((v): v is number => v != null);
      const maxRss = s.runs.map((r) => r.maxRssKb).filter((v): v is number => v != null);
      const ratio = (base: SiteId) => {
        const v = buildRatio(results, size, site, base);
        return site === base || !Number.isFinite(v) ? '' : v.toFixed(2);
      };
      rows.push([
        n(size),
        when ? `${SITE_LABELS[site]} (recorded ${when.slice(0, 10)})` : SITE_LABELS[site],
        s.runs[0]?.pages != null ? n(s.runs[0].pages) : 'n/a',
        s.runs.length,
        ms(median(walls)),
        `${ms(Math.min(...walls))} – ${ms(Math.max(...walls))}`,
        cpu.length ? `${median(cpu).toFixed(1)} s` : 'n/a',
        maxRss.length ? mb(Math.max(...maxRss)) : 'n/a',
        mb(Math.max(...s.runs.map((r) => r.treeRssKb))),
        ratio('b'),
        ratio('c'),
        cpuRatio(results, size, site, 'b'),
      ]);
    }
  }
  return table(
    ['N', 'site', 'HTML pages', 'runs', 'median wall', 'min – max', 'median CPU (user+sys)', 'peak RSS, largest process', 'peak RSS, all processes', 'wall ratio to (b)', 'wall ratio to (c)', 'CPU ratio to (b)'],
    rows,
    ['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
  );
}

export interface Scaling {
  site: SiteId;
  /** Seconds a build costs whatever the page count (start-up, bundling, fixed pages). */
  fixedS: number;
  /** Seconds each further 100 runbooks add. */
  per100S: number;
  /** The two page counts of the fit. */
  from: number;
  to: number;
}

/** Two-point fit of median wall time against page count, per site from its smallest to its largest size: fixed cost and cost per 100 runbooks. */
export function scaling(results: Pick<Results, 'builds'>): Scaling[] {
  return (['a', 'b', 'c'] as SiteId[]).flatMap((site) => {
    const sizes = results.builds.filter((b) => b.site === site && b.runs.length).map((b) => b.n).sort((x, y) => x - y);
    if (sizes.length < 2) return [];
    const [lo, hi] = [sizes[0], sizes[sizes.length - 1]];
    const [tLo, tHi] = [medianWall(results, lo, site), medianWall(results, hi, site)];
    const perPage = (tHi - tLo) / (hi - lo) / 1000;
    return [{ site, fixedS: tLo / 1000 - perPage * lo, per100S: perPage * 100, from: lo, to: hi }];
  });
}

export function renderScaling(results: Results): string {
  const rows = scaling(results).map((s) => [SITE_LABELS[s.site], `${n(s.from)} and ${n(s.to)}`, `${s.fixedS.toFixed(1)} s`, `${s.per100S.toFixed(2)} s`]);
  if (rows.length === 0) return '';
  return table(['site', 'fit through N =', 'fixed cost', 'each further 100 runbooks'], rows, ['---', '---:', '---:', '---:']);
}

export function renderPageWeight(results: Results): string {
  const rows = results.pageWeight.map((w) => [
    n(w.n),
    SITE_LABELS[w.site],
    `\`${w.typicalPath}\``,
    kb(w.html.typical),
    `${kb(w.html.min)} / ${kb(w.html.median)} / ${kb(w.html.max)}`,
    kb(w.chromeBytes),
    kb(w.js.external + w.js.inline),
    `${kb(w.js.external)} (${kb(w.js.externalGzip)} gzip) + ${kb(w.js.inline)} inline`,
    kb(w.css),
    `${(w.output.bytes / 1e6).toFixed(1)} MB, ${n(w.output.files)} files`,
  ]);
  return table(
    ['N', 'site', 'typical page', 'its HTML', 'runbook HTML min / median / max', 'HTML outside the text', 'JS before interaction', 'JS: files (gzip) + inline', 'CSS', 'whole site'],
    rows,
    ['---:', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:'],
  );
}

export function renderSiteHtml(results: Results): string {
  const rows = (results.siteHtml ?? []).map((h) => [
    n(h.n),
    SITE_LABELS[h.site],
    n(h.otherPages),
    h.largest.slice(0, 3).map((p) => `\`${p.path}\` ${kb(p.bytes)}`).join(', '),
    n(h.runbook.pages),
    `${kb(h.runbook.median)} / ${kb(h.runbook.max)}`,
  ]);
  if (rows.length === 0) return 'Not measured in this run.';
  return table(
    ['N', 'site', 'other pages', 'largest other pages', 'runbook pages', 'runbook HTML median / max'],
    rows,
    ['---:', '---', '---:', '---', '---:', '---:'],
  );
}

export function renderSearch(results: Results): string {
  const rows = results.search.map((s) => [
    n(s.n),
    SITE_LABELS[s.site],
    s.engine === 'hikitsugi' ? 'ours (`hk-search/`)' : 'Pagefind',
    `${(s.index.bytes / 1e6).toFixed(2)} MB, ${n(s.index.files)} files`,
    `「${s.query}」`,
    s.results,
    `${ms(median(s.coldMs))} (${s.coldMs.length} runs: ${s.coldMs.map((v) => v.toFixed(0)).join(', ')})`,
    `${ms(median(s.warmMs))} (${s.warmMs.length} queries)`,
  ]);
  return table(
    ['N', 'site', 'search', 'index', 'query', 'results', 'first search, fresh page (median)', 'later searches (median)'],
    rows,
    ['---:', '---', '---', '---:', '---', '---:', '---:', '---:'],
  );
}

export function renderSearchQuality(sq: SearchQualityResult | undefined): string {
  if (!sq) return 'Not measured in this run (`npm run bench -- --only search` measures it).';
  if (sq.status === 'skipped') return `Skipped: ${sq.reason}.`;
  const label = { hikitsugi: 'hikitsugi (our index)', pagefind: 'stock Pagefind, same pages' };
  const rows = sq.engines.map((e) => [
    label[e.engine],
    pct(e.recall),
    pct(e.precisionAt1),
    pct(e.exactFirstAt5),
    e.missed.length,
    `${(e.index.bytes / 1e6).toFixed(2)} MB, ${n(e.index.files)} files`,
    `${ms(median(e.firstSearchMs))} (${e.firstSearchMs.map((v) => v.toFixed(0)).join(', ')})`,
  ]);
  const ours = sq.engines.find((e) => e.engine === 'hikitsugi');
  const stock = sq.engines.find((e) => e.engine === 'pagefind');
  const ratios =
    ours && stock
      ? `\n\nOurs over stock: index ${(ours.index.bytes / stock.index.bytes).toFixed(2)}x, first search ${(median(ours.firstSearchMs) / median(stock.firstSearchMs)).toFixed(2)}x.`
      : '';
  const kinds = Object.entries(sq.queries.byKind)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const examples = sq.examples.length
    ? `\n\nSome queries where stock Pagefind's first result lacks the word (pages holding it; first result of each):\n\n${table(
        ['query', 'kind', 'pages holding it', 'hikitsugi first', 'Pagefind first'],
        sq.examples.map((x) => [`「${x.q}」`, x.kind, x.holders, x.hikitsugi ? `\`${x.hikitsugi}\`` : 'none', x.pagefind ? `\`${x.pagefind}\`` : 'none']),
        ['---', '---', '---:', '---', '---'],
      )}`
    : '';
  return `Measured ${sq.date} on ${n(sq.pages)} pages (${sq.corpus.join(', ')}), ${sq.queries.total} queries (${kinds}; seed ${sq.seed}), the first ${sq.depth} results of each.

${table(
  ['engine', 'recall', 'precision at 1', 'exact-first at 5', 'queries missing a page', 'index', 'first search, fresh page (median; runs)'],
  rows,
  ['---', '---:', '---:', '---:', '---:', '---:', '---:'],
)}${ratios}${examples}`;
}

export function renderImport(result: ImportResult): string {
  if (result.status !== 'measured') return `Not measured: ${result.reason}.`;
  const rows = [
    ['items on the board (stickies and frames)', n(result.items)],
    ['HTTP requests', n(result.requests)],
    ['wall time (median)', ms(result.wallMs)],
    ['time in our own processing: classify, merge, YAML, write (median)', ms(result.ownMs)],
    ...Object.entries(result.detail ?? {}).map(([k, v]) => [k, typeof v === 'number' ? n(v) : v]),
  ];
  return table(['', 'value'], rows, ['---', '---:']);
}

export function renderBudgets(checks: BudgetCheck[]): string {
  return table(
    ['budget', 'limit', 'this run', 'result'],
    checks.map((c) => [c.description, c.limit, c.actual, c.ok === true ? 'met' : c.ok === false ? '**missed**' : '**not measured**']),
    ['---', '---', '---', '---'],
  );
}

export function renderMachine(results: Results): string {
  const m = results.machine;
  const load = (l: number[]) => l.map((v) => v.toFixed(2)).join(' / ');
  const versions = Object.entries(m.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `- Date: ${results.date} (${results.mode} run, ${Math.round(results.durationS)} s in all)`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB RAM, ${m.os}`,
    `- Node ${m.node}; ${versions}${m.chromium ? `; Chromium ${m.chromium}` : ''}`,
    `- Load average (1 / 5 / 15 min) at start: ${load(m.loadAverage.start)}, at end: ${load(m.loadAverage.end)}`,
    `- ${m.note}`,
    `- Plan: N = ${results.plan.sizes.map(n).join(', ')}; runs per site: ${Object.entries(results.plan.runs)
      .map(([k, v]) => `${v} at N = ${n(Number(k))}${results.plan.sites?.[k] ? ` (${results.plan.sites[k]})` : ''}`)
      .join(', ')}; order ${results.plan.order}; generator seed ${results.plan.seed}`,
  ].join('\n');
}

export function renderBenchmarks(results: Results, budgets: Budgets, analysis: string): string {
  const checks = [...checkBudgets(results, budgets), ...checkSearchBudgets(results, budgets)];
  return `<!-- Written by \`npm run bench\` (bench/run.ts) from bench/results.json; edit bench/analysis.md instead. -->
# Benchmarks

How long a build takes and how heavy the pages are, for the same generated runbooks built with
(a) hikitsugi, (b) a stock Starlight site and (c) a plain Astro + MDX site with no theme and no
search (the floor). Regenerate with \`npm run bench\`; check the budgets with \`npm run bench -- --check\`.

${renderMachine(results)}

## Budgets

Kept in \`bench/budgets.json\`.

${renderBudgets(checks)}

## Build

Cold builds (output, cache and \`.astro\` folders removed before each run), each a separate
\`astro build\` process, run interleaved (${results.plan.order}) so that noise from other work on the
machine falls on all three alike. Wall time by the harness; CPU time and the largest process's peak
RSS by GNU time; "all processes" sums RSS over the build's process tree (Node and Pagefind's
indexer; not a child forked but not yet running its program, whose pages are Node's), sampled every
100 ms.

${renderBuilds(results)}

${scaling(results).length ? `Where the time goes, from the two page counts (a straight line through the medians):\n\n${renderScaling(results)}\n` : ''}
## Page weight

The typical page is the runbook whose HTML is the median size on (a); the same runbook is measured
on every site. "HTML outside the text" is the page minus the rendered Markdown body: what the site's
theme and navigation add to every page. JS before interaction: scripts Chromium fetched before the
\`load\` event (uncompressed; gzip -9 in brackets, what a compressing server would send) plus inline
scripts. The search index (Pagefind's or ours) loads only when search is opened and is not counted.

${renderPageWeight(results)}

Every page of the site at the larger page counts, from the files: the heaviest pages that are not
runbook pages (the runbooks index, the per-service lists, the knowledge page and its lists, the
alerts page) and the runbook pages themselves, in both UI languages.

${renderSiteHtml(results)}

## Search

Index: bytes of the site's index folder (\`dist/pagefind/\` for Pagefind, \`dist/hk-search/\` for
ours, which (a) has since #14; a run from before then measured Pagefind on both). Timing in headless
Chromium against the built site served from 127.0.0.1, measured inside the page: for Pagefind
\`import('/pagefind/pagefind.js')\`, \`search()\` and \`data()\` of the first result; for ours, typing
into the search dialog until its results show.
"First search" uses a fresh browser context each run (nothing cached); "later searches" are further
queries (${results.search[0]?.warmQueries.map((q) => `「${q}」`).join(' ') ?? ''}) on the same page.

${renderSearch(results)}

## Search quality on Japanese docs

The Japanese Vue docs and Rust book (\`../shared/corpus/\`) adopted as guideline pages and built once;
stock Pagefind indexes the same built HTML (its Node API), so both engines see the same pages and
the same text. Queries are words of 2-8 characters drawn from the pages' sentences (not headings or
code) that 1 to 5 pages hold: kanji compounds, katakana words and kana-kanji mixes. Recall: pages
holding the word that are in the results; precision at 1: the first result holds the exact word;
exact-first at 5: of the first k results (k = min(5, pages holding it)), the share that hold it.
Ours is driven through the site's search dialog; Pagefind through \`pagefind.search()\`, what its UI
calls. Index: bytes of the files a search loads. Run alone with \`npm run bench -- --only search\`.

${renderSearchQuality(results.searchQuality)}

## Import

${renderImport(results.import)}

${analysis.trim()}
`;
}
