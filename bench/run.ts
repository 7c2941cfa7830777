/**
 * npm run bench: builds the same generated runbooks with hikitsugi, stock Starlight and plain
 * Astro + MDX, measures build time, memory, page weight, search and import, and the search quality
 * on the Japanese corpora (bench/search.ts), and writes BENCHMARKS.md and bench/results.json.
 * `--check` compares against bench/budgets.json; `--only search` runs the search quality alone.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { CliError, runCli, UsageError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { SEARCH_DIR } from '../src/io/search-index.ts';
import { launchBrowser } from './harness/browser.ts';
import { generateRunbooks } from './generate.ts';
import { importBenchmark } from './import.ts';
import { chromeBytes, dirSize, pageLoad, runbookPageSizes, searchTiming, siteHtmlSizes, timedBuild, typicalSlug } from './measure.ts';
import { prepareProjects, REPO, WORK, type SiteProject } from './projects.ts';
import { searchBenchmark } from './search.ts';
import {
  checkBudgets,
  checkSearchBudgets,
  median,
  renderBenchmarks,
  renderBudgets,
  SITE_LABELS,
  type Budgets,
  type BuildSeries,
  type Machine,
  type PageWeight,
  type Results,
  type SearchResult,
  type SiteHtml,
  type SiteId,
} from './report.ts';

const RESULTS = join(REPO, 'bench', 'results.json');
const BUDGETS = join(REPO, 'bench', 'budgets.json');
const ANALYSIS = join(REPO, 'bench', 'analysis.md');
const BENCHMARKS = join(REPO, 'BENCHMARKS.md');
const QUICK_DIR = join(WORK, 'quick');
const SEED = 1;
const SEARCH_QUERY = '障害';
const SEARCH_TRIALS = 5;
const SITES: SiteId[] = ['a', 'b', 'c'];

const DEFAULT_NOTE = 'Other work may have shared this machine during the run (compare the load averages); ratios from interleaved runs are steadier than absolute times.';

interface Options {
  quick?: boolean;
  check?: boolean;
  reuse?: boolean;
  runs?: number;
  keep?: boolean;
  note?: string;
  results?: string;
  only?: 'search' | 'baseline';
}

function versionOf(pkg: string): string {
  try {
    return JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function machine(note: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${type()} ${release()}`,
    node: process.version,
    versions: Object.fromEntries(['astro', '@astrojs/starlight', '@astrojs/mdx', 'pagefind'].map((p) => [p, versionOf(p)])),
    chromium: null,
    loadAverage: { start: loadavg(), end: [] },
    note,
  };
}

const secs = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;

function readJson<T>(path: string, what: string): T {
  if (!existsSync(path)) throw new CliError(`${relative(process.cwd(), path)} not found: ${what}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    throw new CliError(`${relative(process.cwd(), path)}: not valid JSON: ${(e as Error).message}`);
  }
}

function printChecks(results: Results, budgets: Budgets): number {
  const checks = [...checkBudgets(results, budgets), ...checkSearchBudgets(results, budgets)];
  console.log(`\nBudgets (${relative(process.cwd(), BUDGETS)}), results of ${results.date} (${results.mode} run):\n`);
  console.log(renderBudgets(checks));
  const missed = checks.filter((c) => c.ok !== true);
  if (missed.length === 0) {
    console.log('\nAll budgets met.');
    return 0;
  }
  console.error(`\n${missed.length} budget(s) missed or not measured:`);
  for (const c of missed) console.error(`  - ${c.description}: ${c.actual} (limit ${c.limit})`);
  return 1;
}

/** Which sites build how often at each page count; every run is cold, rounds interleave the sites. */
interface SizePlan {
  n: number;
  runs: number;
  sites: SiteId[];
  /** Sites built once, after the rounds (stock Starlight at 4,000: its sidebar makes it quadratic). */
  once?: SiteId[];
}

const QUICK_PLAN: SizePlan[] = [{ n: 100, runs: 1, sites: SITES }];
/** Page weight and search timing are measured on this size's outputs, where all three sites build. */
const WEIGHT_N = 1000;
/**
 * References measured once and recorded (`--only baseline`), kept by later runs: their code does
 * not change with ours. Stock Starlight at 4,000 (its sidebar makes it quadratic: five minutes)
 * and plain Astro at 10,000, the memory budget's reference.
 */
const BASELINES: { n: number; site: SiteId }[] = [
  { n: 4000, site: 'b' },
  { n: 10_000, site: 'c' },
];
const LARGEST = 10_000;

function fullPlan(runs: number): SizePlan[] {
  return [
    { n: 100, runs: 3, sites: SITES },
    { n: WEIGHT_N, runs, sites: SITES },
    // Two interleaved rounds: one build at this size moved the ratio by 0.4 from run to run.
    { n: 4000, runs: 2, sites: ['a', 'c'] },
    // One machine's limit: hikitsugi alone; plain Astro's memory at this size is recorded.
    { n: LARGEST, runs: 1, sites: ['a'] },
  ];
}

async function bench(options: Options): Promise<Results> {
  const started = performance.now();
  const quick = Boolean(options.quick);
  const plan = quick ? QUICK_PLAN : fullPlan(options.runs ?? 3);
  const sizes = plan.map((p) => p.n);
  const info = machine(options.note ?? DEFAULT_NOTE);
  const elapsed = () => secs(performance.now() - started);
  console.log(`hikitsugi bench (${quick ? 'quick' : 'full'}): N = ${sizes.join(', ')}; ${info.cpu}, ${info.cores} cores`);

  rmSync(WORK, { recursive: true, force: true });
  const projects = new Map<number, Record<SiteId, SiteProject>>();
  for (const { n, sites, once } of plan) projects.set(n, prepareProjects(n, generateRunbooks(n, { seed: SEED }), [...sites, ...(once ?? [])]));

  // One unmeasured build of each at the smallest size: warms the disk cache and Node's compile cache.
  if (!quick) {
    for (const site of SITES) {
      await timedBuild(projects.get(sizes[0])![site], `warmup-${site}`);
      console.log(`  [${elapsed()}] warm-up ${SITE_LABELS[site]} done`);
    }
  }

  const builds: BuildSeries[] = [];
  const siteHtml: SiteHtml[] = [];
  for (const size of plan) {
    const { n } = size;
    const series = new Map<SiteId, BuildSeries>();
    const build = async (site: SiteId, label: string) => {
      if (!series.has(site)) series.set(site, { n, site, runs: [] });
      const run = await timedBuild(projects.get(n)![site], label);
      series.get(site)!.runs.push(run);
      console.log(
        `  [${elapsed()}] N=${n} ${label.replace(/^n\d+-/, '')} ${SITE_LABELS[site]}: ${secs(run.wallMs)}, ${run.pages} pages, ` +
          `peak ${Math.round((run.maxRssKb ?? run.treeRssKb) / 1024)} MiB (all processes ${Math.round(run.treeRssKb / 1024)} MiB)`,
      );
    };
    for (let round = 1; round <= size.runs; round++) {
      for (const site of size.sites) await build(site, `n${n}-${site}-${round}`);
    }
    for (const site of size.once ?? []) await build(site, `n${n}-${site}-once`);
    builds.push(...SITES.flatMap((s) => (series.has(s) ? [series.get(s)!] : [])));
    // hikitsugi's pages at every size past the smallest: index pages must stay light as the site grows.
    if (n >= WEIGHT_N || quick) siteHtml.push(siteHtmlSizes(projects.get(n)!.a.outDir, n, 'a'));
    const ratio = (x: SiteId, y: SiteId) =>
      series.has(x) && series.has(y) ? (median(series.get(x)!.runs.map((r) => r.wallMs)) / median(series.get(y)!.runs.map((r) => r.wallMs))).toFixed(2) : 'n/a';
    console.log(`  N=${n}: a/b ${ratio('a', 'b')}, a/c ${ratio('a', 'c')}`);
    // The largest outputs take gigabytes of disk; page weight needs only WEIGHT_N's.
    if (n > WEIGHT_N && !options.keep) rmSync(join(WORK, `n${n}`), { recursive: true, force: true });
  }

  // Page weight and search on the outputs of the last round at WEIGHT_N.
  const n = quick ? sizes[0] : WEIGHT_N;
  const last = projects.get(n)!;
  const browser = await launchBrowser();
  info.chromium = browser.version();
  const pageWeight: PageWeight[] = [];
  const search: SearchResult[] = [];
  try {
    const slug = typicalSlug(runbookPageSizes(last.a.outDir));
    for (const site of SITES) {
      const { outDir } = last[site];
      const sizesBySlug = runbookPageSizes(outDir);
      const all = [...sizesBySlug.values()];
      const typicalPath = `/runbooks/${slug}/`;
      const html = readFileSync(join(outDir, 'runbooks', slug, 'index.html'), 'utf8');
      const load = await pageLoad(browser, outDir, typicalPath);
      pageWeight.push({
        n,
        site,
        typicalPath,
        html: { typical: Buffer.byteLength(html), median: median(all), min: Math.min(...all), max: Math.max(...all), pages: all.length },
        chromeBytes: chromeBytes(html),
        js: { external: load.externalJs, externalGzip: load.externalJsGzip, inline: load.inlineJs, scripts: load.scripts },
        css: load.byType.stylesheet ?? 0,
        output: dirSize(outDir),
      });
      console.log(`  [${elapsed()}] page weight ${SITE_LABELS[site]}: ${Buffer.byteLength(html)} bytes HTML`);
    }
    for (const site of ['a', 'b'] as SiteId[]) {
      const { outDir } = last[site];
      // hikitsugi has its own search since #14; stock Starlight keeps Pagefind.
      const ours = site === 'a';
      const timing = await searchTiming(browser, outDir, SEARCH_QUERY, SEARCH_TRIALS, ours ? 'hikitsugi' : 'pagefind');
      search.push({ n, site, engine: ours ? 'hikitsugi' : 'pagefind', index: dirSize(join(outDir, ours ? SEARCH_DIR : 'pagefind')), ...timing });
      console.log(`  [${elapsed()}] search ${SITE_LABELS[site]}: ${timing.results} results, first ${median(timing.coldMs).toFixed(0)} ms`);
    }
  } finally {
    await browser.close();
  }

  const importResult = await importBenchmark();
  console.log(`  [${elapsed()}] import: ${importResult.status === 'measured' ? `${importResult.requests} requests` : importResult.reason}`);
  const searchQuality = await searchBenchmark();
  console.log(`  [${elapsed()}] search quality: ${searchQuality.status}`);

  info.loadAverage.end = loadavg();
  if (!options.keep) rmSync(WORK, { recursive: true, force: true });
  return {
    version: 1,
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    durationS: (performance.now() - started) / 1000,
    machine: info,
    plan: {
      sizes,
      runs: Object.fromEntries(plan.map((p) => [p.n, p.runs])),
      sites: Object.fromEntries(plan.map((p) => [p.n, [...p.sites, ...(p.once ?? []).map((s) => `${s} once`)].join(', ')])),
      seed: SEED,
      order: 'a b c a b c …',
    },
    builds,
    siteHtml,
    pageWeight,
    search,
    import: importResult,
    searchQuality,
  };
}

async function main(): Promise<number> {
  const program = new Command()
    .name('npm run bench --')
    .description(
      'Build the same generated runbooks with hikitsugi, stock Starlight and plain Astro + MDX; measure build time,\n' +
        'memory, page weight, search and import; write BENCHMARKS.md and bench/results.json.\n' +
        `Sizes: N = 100, 1,000, 4,000 and ${LARGEST.toLocaleString('en')} runbooks. A full run takes about 20 minutes on 2 cores.\n` +
        'Budgets are in bench/budgets.json.',
    )
    .addOption(new Option('--quick', 'N = 100 only, one run each, no warm-up: for development (writes bench/work/quick/)'))
    .addOption(new Option('--check', 'exit 1 if a budget in bench/budgets.json is missed or not measured'))
    .addOption(new Option('--reuse', 'no builds: rewrite BENCHMARKS.md from bench/results.json and bench/analysis.md; with --check, only check those results'))
    .addOption(new Option('--results <file>', 'with --reuse: the results file to read').default(RESULTS, 'bench/results.json'))
    .addOption(new Option('--runs <n>', 'runs per site at N = 1,000 (default 3; 3 at N = 100, 2 at 4,000, 1 at 10,000)').argParser((v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 20) throw new UsageError(`--runs: expected a whole number from 1 to 20, got "${v}"`);
      return n;
    }))
    .addOption(new Option('--keep', 'keep bench/work/ (generated projects, outputs, build logs) afterwards'))
    .addOption(new Option('--note <text>', 'a line about the machine for BENCHMARKS.md (e.g. that it was shared)'))
    .addOption(
      new Option(
        '--only <part>',
        'run one part and merge it into bench/results.json: "search" is the search quality on the Japanese corpora; ' +
          `"baseline" builds the references measured once and records them, kept by later runs: ${BASELINES.map((b) => `${SITE_LABELS[b.site]} at N = ${b.n.toLocaleString('en')}`).join(', ')}`,
      ).choices(['search', 'baseline']),
    )
    .addHelpText(
      'after',
      `
Examples:
  npm run bench                        full run; writes BENCHMARKS.md and bench/results.json
  npm run bench -- --check             full run, then exit 1 if a budget is missed
  npm run bench -- --check --reuse     check the committed bench/results.json without building
  npm run bench -- --reuse             rewrite BENCHMARKS.md after editing bench/analysis.md
  npm run bench -- --quick --keep      quick look at N = 100; outputs stay in bench/work/
  npm run bench -- --only search       search quality alone (about 3 minutes); merged into bench/results.json
  npm run bench -- --only baseline     stock Starlight at 4,000 and plain Astro at 10,000, once (about 10 minutes);
                                       recorded in bench/results.json`,
    );
  // The CLIs' parsing: a mistake is one UsageError line (exit 2), printed once by runCli.
  if (!(await parseArgs(program))) return 0;
  const options = program.opts<Options>();
  if (options.reuse && (options.quick || options.runs || options.keep || options.note)) {
    throw new UsageError('--reuse runs nothing: it cannot be combined with --quick, --runs, --keep or --note');
  }
  if (!options.reuse && options.results !== RESULTS) throw new UsageError('--results only makes sense with --reuse');
  if (options.only && (options.reuse || options.quick || options.runs)) throw new UsageError('--only cannot be combined with --reuse, --quick or --runs');
  const budgets = readJson<Budgets>(BUDGETS, 'the budgets file is missing');
  const analysis = existsSync(ANALYSIS) ? readFileSync(ANALYSIS, 'utf8') : '';

  if (options.reuse) {
    const results = readJson<Results>(resolve(options.results!), 'run `npm run bench` first');
    if (results?.version !== 1 || !Array.isArray(results.builds) || !Array.isArray(results.pageWeight) || !results.import) {
      throw new CliError(`${options.results}: not a results file of this benchmark (expected version 1 with builds, pageWeight, search, import)`);
    }
    if (options.check) return printChecks(results, budgets);
    writeFileAtomic(BENCHMARKS, renderBenchmarks(results, budgets, analysis));
    console.log(`Wrote ${relative(process.cwd(), BENCHMARKS)} from ${relative(process.cwd(), options.results!)} (${results.date}).`);
    return 0;
  }

  if (options.only === 'search') {
    const results = readJson<Results>(RESULTS, 'run `npm run bench` first: --only search adds to a full run\'s results');
    const searchQuality = await searchBenchmark();
    if (!options.keep) rmSync(join(WORK, 'search'), { recursive: true, force: true });
    const merged: Results = { ...results, searchQuality };
    writeFileAtomic(RESULTS, JSON.stringify(merged, null, 2) + '\n');
    writeFileAtomic(BENCHMARKS, renderBenchmarks(merged, budgets, analysis));
    console.log(`\nWrote ${relative(process.cwd(), BENCHMARKS)} and ${relative(process.cwd(), RESULTS)} (search quality: ${searchQuality.status}).`);
    return options.check ? printChecks(merged, budgets) : 0;
  }

  if (options.only === 'baseline') {
    const results = readJson<Results>(RESULTS, 'run `npm run bench` first: --only baseline adds to a full run\'s results');
    let recorded = results.recorded ?? [];
    for (const { n, site } of BASELINES) {
      rmSync(join(WORK, `n${n}`), { recursive: true, force: true });
      const project = prepareProjects(n, generateRunbooks(n, { seed: SEED }), [site])[site];
      const run = await timedBuild(project, `baseline-n${n}-${site}`);
      if (!options.keep) rmSync(join(WORK, `n${n}`), { recursive: true, force: true });
      console.log(`${SITE_LABELS[site]} at N = ${n}: ${secs(run.wallMs)}, peak ${Math.round(run.treeRssKb / 1024)} MiB in all processes`);
      recorded = [...recorded.filter((r) => !(r.n === n && r.site === site)), { n, site, runs: [run], date: new Date().toISOString() }];
    }
    const merged: Results = { ...results, recorded };
    writeFileAtomic(RESULTS, JSON.stringify(merged, null, 2) + '\n');
    writeFileAtomic(BENCHMARKS, renderBenchmarks(merged, budgets, analysis));
    console.log(`\nWrote ${relative(process.cwd(), BENCHMARKS)} and ${relative(process.cwd(), RESULTS)}.`);
    return options.check ? printChecks(merged, budgets) : 0;
  }

  // Builds measured once (--only baseline) stay with the results until measured again.
  const previous = !options.quick && existsSync(RESULTS) ? (readJson<Results>(RESULTS, '').recorded ?? []) : [];
  const results = { ...(await bench(options)), ...(previous.length ? { recorded: previous } : {}) };
  const resultsPath = options.quick ? join(QUICK_DIR, 'results.json') : RESULTS;
  const reportPath = options.quick ? join(QUICK_DIR, 'BENCHMARKS.md') : BENCHMARKS;
  writeFileAtomic(resultsPath, JSON.stringify(results, null, 2) + '\n');
  writeFileAtomic(reportPath, renderBenchmarks(results, budgets, analysis));
  console.log(`\nWrote ${relative(process.cwd(), reportPath)} and ${relative(process.cwd(), resultsPath)} (${Math.round(results.durationS)} s).`);
  return options.check ? printChecks(results, budgets) : 0;
}

await runCli(main);
