/**
 * npm run adopt -- <dir> --kind runbook [--owner ID]: brings a folder of existing Markdown
 * (a Hugo site, a wiki export) into content/<kind>/, keeping the text.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, UsageError, CliError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { parseRoster } from '../src/lib/content/roster.ts';
import { makeSchemas, SEVERITIES } from '../src/lib/content/schema.ts';
import { slugForFile } from '../src/lib/content/slugs.ts';
import { adoptPage, ADOPT_KINDS, DEFAULT_SEVERITY, hasBodyText, type AdoptedPage } from '../src/lib/adopt/adopt.ts';
import { fillAdoptedFromRules } from '../src/io/alerts/adopt-rules.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);

/** Relative to the current directory when inside it, else absolute. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

const MARKDOWN = /\.(md|markdown|mdx)$/i;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules') return [];
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const collect = (value: string, previous: string[]) => [...previous, value];
const slash = (p: string) => p.split(sep).join('/');

const program = new Command('npm run adopt --')
  .description('Copy a folder of existing Markdown into content/<kind>/, adding the front matter hikitsugi needs.')
  .argument('<dir>', 'folder of Markdown files (e.g. a Hugo site\'s content/runbooks)')
  .addOption(new Option('--kind <kind>', 'what the pages are').choices(['runbook', 'guideline', 'handover']).makeOptionMandatory())
  .option('--owner <id>', 'owner member id from content/team.yaml (repeatable); without it pages wait for an owner', collect, [])
  .addOption(new Option('--severity <level>', `runbook severity for every page (default: ${DEFAULT_SEVERITY}, reported)`).choices([...SEVERITIES]))
  .option('--service <name>', 'service (runbook) or system (handover) for every page (default: the page\'s top folder)')
  .option('--into <folder>', 'subfolder of content/<kind>/ to put the pages in', '')
  .option('--param <name=value>', 'value for Hugo {{< param name >}} (repeatable)', collect, [])
  .option('--origin <label>', 'how adopted_from names the source (default: the folder name)')
  .option('--content-dir <dir>', 'content folder', settings.contentDir)
  .option('--dry-run', 'show what would be written, write nothing')
  .option('--rules <path>', 'alert rule files, folders or globs: fill alerts: and severity from the rules that point to each runbook (repeatable)', collect, [])
  .addHelpText(
    'after',
    `
Examples:
  npm run adopt -- ../runbooks/content/runbooks --kind runbook
  npm run adopt -- ../runbooks/content/runbooks --kind runbook --owner tanaka --into kube-prometheus
  npm run adopt -- ./wiki-export --kind guideline --owner suzuki --dry-run

Existing files are never overwritten: if any target exists, nothing is written.
Hugo _index.md files with front matter only are skipped; with text they become the folder's index page.`,
  );

interface Options {
  kind: 'runbook' | 'guideline' | 'handover';
  owner: string[];
  severity?: (typeof SEVERITIES)[number];
  service?: string;
  into: string;
  param: string[];
  origin?: string;
  contentDir: string;
  dryRun?: boolean;
  rules: string[];
}

async function main(): Promise<number> {
  if (!(await parseArgs(program))) return 0;
  const [dirArg] = program.args;
  const opts = program.opts<Options>();
  const kind = ADOPT_KINDS[opts.kind];

  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${dirArg} is not a folder`);
  const params: Record<string, string> = {};
  for (const p of opts.param) {
    const at = p.indexOf('=');
    if (at < 1) throw new UsageError(`--param ${p}: expected name=value`);
    params[p.slice(0, at)] = p.slice(at + 1);
  }
  if (opts.into && (opts.into.startsWith('/') || opts.into.split(/[\\/]/).includes('..'))) throw new UsageError('--into must be a folder inside content/<kind>/');

  const contentDir = resolve(opts.contentDir);
  const rosterPath = join(contentDir, 'team.yaml');
  if (!existsSync(rosterPath)) throw new CliError(`${rosterPath} not found: is --content-dir right?`);
  const ids = new Set(parseRoster(readFileSync(rosterPath, 'utf8'), rosterPath).map((m) => m.id));
  for (const id of opts.owner) if (!ids.has(id)) throw new UsageError(`--owner ${id}: no such member in ${shown(rosterPath)}`);
  if (kind === 'handover' && opts.owner.length === 0) throw new UsageError('a handover needs the person handing over: --owner <id>');

  const kindDir = join(contentDir, kind);
  const targetDir = join(kindDir, opts.into);
  const rootName = basename(dir);
  const origin = (opts.origin ?? rootName).replace(/\/+$/, '');
  const day = today();

  const skipped: string[] = [];
  const pages: { from: string; to: string; page: AdoptedPage }[] = [];
  const files = walk(dir).sort();
  let index = 0;
  for (const file of files) {
    const rel = slash(relative(dir, file));
    if (!MARKDOWN.test(file)) {
      skipped.push(`${rel}: not Markdown`);
      continue;
    }
    const source = readFileSync(file, 'utf8');
    if (/^_?index\.(md|markdown|mdx)$/i.test(basename(file)) && !hasBodyText(source)) {
      skipped.push(`${rel}: section file with front matter only`);
      continue;
    }
    const page = adoptPage(
      { relPath: rel, origin: `${origin}/${rel}`, rootName, source, index: index++ },
      { kind, owners: opts.owner, today: day, severity: opts.severity, service: opts.service, params },
    );
    pages.push({ from: rel, to: join(targetDir, page.targetPath), page });
  }
  if (pages.length === 0) throw new CliError(`no Markdown files in ${dirArg}`);
  await fillAdoptedFromRules(pages, opts.rules, { kindDir, log: console.log, settings });

  // Refuse before writing anything: existing files, two pages with one URL, invalid front matter.
  const problems: string[] = [];
  const schema = makeSchemas(ids)[kind];
  const slugs = new Map<string, string>();
  for (const f of existsSync(kindDir) ? walk(kindDir).filter((f) => MARKDOWN.test(f)) : []) {
    slugs.set(slugForFile(relative(kindDir, f)), shown(f));
  }
  for (const { from, to, page } of pages) {
    const target = shown(to);
    if (existsSync(to)) problems.push(`${target} already exists (from ${from})`);
    const slug = slugForFile(relative(kindDir, to));
    const clash = slugs.get(slug);
    if (clash && clash !== target) problems.push(`${target} and ${clash} would both be /${kind}/${slug}/`);
    slugs.set(slug, target);
    const check = schema.safeParse(page.frontMatter);
    if (!check.success) problems.push(`${from}: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (problems.length) {
    throw new CliError(`nothing adopted:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  if (!opts.dryRun) for (const { to, page } of pages) writeFileAtomic(to, page.text, { exclusive: true });

  printReport({ pages, skipped, kind, targetDir, dryRun: !!opts.dryRun, day });
  return 0;
}

function printReport(r: { pages: { from: string; to: string; page: AdoptedPage }[]; skipped: string[]; kind: string; targetDir: string; dryRun: boolean; day: string }) {
  const out = (line = '') => console.log(line);
  const where = shown(r.targetDir);
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out(`${r.dryRun ? 'Would adopt' : 'Adopted'} ${count(r.pages.length, 'page')} into ${where}/`);

  const converted = r.pages.flatMap((p) => p.page.converted);
  const unknown = r.pages.flatMap((p) => p.page.unknown);
  const byName = (list: { name: string }[]) =>
    Object.entries(list.reduce<Record<string, number>>((acc, s) => ((acc[s.name] = (acc[s.name] ?? 0) + 1), acc), {}))
      .map(([n, c]) => `${n} ${c}`)
      .join(', ');
  out(`  shortcodes converted: ${converted.length}${converted.length ? ` (${byName(converted)})` : ''}; unknown, left as code: ${unknown.length}${unknown.length ? ` (${byName(unknown)})` : ''}`);
  const dropped = r.pages.flatMap((p) => p.page.droppedKeys);
  out(`  front matter keys dropped: ${dropped.length ? byName(dropped.map((name) => ({ name }))) : 'none'}`);
  const today = r.pages.filter((p) => p.page.reviewedToday).length;
  if (today) out(`  reviewed: ${r.day} (the adoption day) on ${count(today, 'page')} without a date`);
  if (r.skipped.length) {
    out(`  skipped ${r.skipped.length}:`);
    for (const s of r.skipped) out(`    ${s}`);
  }
  const notes = r.pages.flatMap((p) => p.page.notes.map((n) => `${shown(p.to)}: ${n}`));
  if (notes.length) {
    out('  notes:');
    for (const n of notes) out(`    ${n}`);
  }

  // What needs a person: page-specific lines as path:line, the rest grouped by what is missing.
  const specific: string[] = [];
  const grouped = new Map<string, string[]>();
  for (const { to, page } of r.pages) {
    const path = shown(to);
    for (const n of page.needsHuman) {
      const line = /^line (\d+): (.*)$/.exec(n);
      if (line) specific.push(`${path}:${line[1]}: ${line[2]}`);
      else grouped.set(n, [...(grouped.get(n) ?? []), path]);
    }
  }
  if (specific.length || grouped.size) {
    out('');
    out('Needs a human:');
    for (const [what, paths] of grouped) {
      const list = paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ');
      out(`  - ${what} (${count(paths.length, 'page')}: ${list})`);
    }
    for (const s of specific) out(`  - ${s}`);
  }
  out('');
  out(`Next: npm run lint:content, then npm run build. ${r.dryRun ? 'Nothing was written (--dry-run).' : ''}`.trimEnd());
}

await runCli(main);
