/**
 * npm run adopt -- <dir> --kind runbook [--owner ID]: brings a folder of existing Markdown
 * (a Hugo site, a wiki export) into content/<kind>/, keeping the text.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, join, posix, relative, resolve, sep } from 'node:path';
import { Command, Option } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, UsageError, CliError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { writeFilesAllOrNothing, type FileChange } from '../src/io/write-files.ts';
import { listPageFiles } from '../src/io/page-files.ts';
import { parseRoster } from '../src/lib/content/roster.ts';
import { makeSchemas, SEVERITIES } from '../src/lib/content/schema.ts';
import { slugForFile } from '../src/lib/content/slugs.ts';
import { adoptPage, ADOPT_KINDS, DEFAULT_SEVERITY, hasBodyText, type AdoptedPage } from '../src/lib/adopt/adopt.ts';
import { fillAdoptedFromRules } from '../src/io/alerts/adopt-rules.ts';
import { FolderIndex, rewritePageLinks, type AssetUse, type FolderPage, type PageLinks } from '../src/lib/adopt/links.ts';
import { count } from '../src/lib/text/count.ts';

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
  .option('--public-dir <dir>', 'the site\'s public folder, for files the pages link to (PDFs, diagrams)', 'public')
  .option('--dry-run', 'show what would be written, write nothing')
  .option('--rules <path>', 'alert rule files, folders or globs: fill alerts: and severity from the rules that point to each runbook (repeatable)', collect, [])
  .addHelpText(
    'after',
    `
Examples:
  npx hikitsugi adopt ../runbooks/content/runbooks --kind runbook
  npx hikitsugi adopt ../runbooks/content/runbooks --kind runbook --owner tanaka --into kube-prometheus
  npx hikitsugi adopt ./wiki-export --kind guideline --owner suzuki --dry-run

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
  publicDir: string;
  dryRun?: boolean;
  rules: string[];
}

/** Where linked files (not shown images) are served from: public/adopted/<kind>/<into>/<path>. */
const PUBLIC_FOLDER = 'adopted';

interface Planned {
  from: string;
  to: string;
  page: AdoptedPage;
  folder: FolderPage;
  links?: PageLinks;
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
  const pages: Planned[] = [];
  const files = walk(dir).sort();
  const otherFiles = new Set<string>();
  const clashes: string[] = [];
  let index = 0;
  for (const file of files) {
    const rel = slash(relative(dir, file));
    if (!MARKDOWN.test(file)) {
      otherFiles.add(rel);
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
    pages.push({ from: rel, to: '', page, folder: { relPath: rel, targetPath: page.targetPath, route: '', text: page.text, aliases: page.aliases, titleHeading: page.titleHeading } });
  }
  if (pages.length === 0) throw new CliError(`no Markdown files in ${dirArg}`);

  // A folder's README is its index page (GitHub, MkDocs, wikis), unless it has an index too.
  const names = new Set(pages.map((p) => p.page.targetPath.toLowerCase()));
  for (const p of pages) {
    const m = /^(.*?)README\.md$/i.exec(p.page.targetPath);
    if (m && !names.has(`${m[1]}index.md`.toLowerCase()) && !names.has(`${m[1]}_index.md`.toLowerCase())) p.page.targetPath = `${m[1]}index.md`;
  }

  // Two source files with one URL (`a b.md` and `a-b.md`, `x.md` and `x/index.md`): the second
  // gets a distinct name, reported; nothing is overwritten.
  const schema = makeSchemas(ids)[kind];
  const slugs = new Map<string, string>();
  const existing = new Map<string, string>();
  for (const f of listPageFiles(kindDir)) existing.set(slugForFile(relative(kindDir, f)), shown(f));
  const problems: string[] = [];
  const routeOf = (targetPath: string) => slugForFile(posix.join(slash(opts.into), targetPath));
  for (const p of pages) {
    let slug = routeOf(p.page.targetPath);
    const first = slugs.get(slug);
    if (first) {
      const original = p.page.targetPath;
      for (let n = 2; slugs.has(slug); n++) {
        p.page.targetPath = original.replace(/(\.[^./]+)$/, `-${n}$1`);
        slug = routeOf(p.page.targetPath);
      }
      clashes.push(`${p.from} and ${first} would both be /${kind}/${routeOf(original)}/: adopted as ${p.page.targetPath}, rename one of them`);
    }
    slugs.set(slug, p.from);
    p.to = join(targetDir, p.page.targetPath);
    p.folder.targetPath = p.page.targetPath;
    p.folder.route = `/${kind}/${slug}/`;
    const target = shown(p.to);
    if (existsSync(p.to)) problems.push(`${target} already exists (from ${p.from})`);
    const clash = existing.get(slug);
    if (clash && clash !== target) problems.push(`${target} and ${clash} would both be /${kind}/${slug}/`);
  }
  // Rules match a runbook by its final URL, so they are read once every page's target is known.
  await fillAdoptedFromRules(pages, opts.rules, { kindDir, log: console.log, settings });
  for (const p of pages) {
    p.folder.text = p.page.text;
    const check = schema.safeParse(p.page.frontMatter);
    if (!check.success) problems.push(`${p.from}: ${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }

  // Links between the pages, and the files they use, once every page's URL is known.
  const publicPrefix = `/${[PUBLIC_FOLDER, kind, slash(opts.into)].filter(Boolean).join('/')}/`;
  const linkSettings = { rootName, files: otherFiles, publicPrefix, base: settings.base };
  const folderIndex = new FolderIndex(pages.map((p) => p.folder), linkSettings);
  const assets = new Map<string, AssetUse & { to: string }>();
  const publicDir = resolve(opts.publicDir);
  for (const p of pages) {
    p.links = rewritePageLinks(p.folder, folderIndex, linkSettings);
    for (const a of p.links.assets) {
      const to = a.place === 'page' ? join(targetDir, a.file) : join(publicDir, publicPrefix.slice(1), a.file);
      assets.set(to, { ...a, to });
    }
  }
  const used = new Set([...assets.values()].map((a) => a.file));
  for (const f of otherFiles) if (!used.has(f)) skipped.push(`${f}: not Markdown, and no page uses it`);

  const changes: FileChange[] = [];
  for (const p of pages) changes.push({ path: p.to, data: p.links!.text, exclusive: true });
  for (const a of assets.values()) {
    const data = readFileSync(join(dir, a.file));
    if (existsSync(a.to)) {
      // Adopting again, or two folders sharing a picture: the same bytes are fine.
      if (!readFileSync(a.to).equals(data)) problems.push(`${shown(a.to)} already exists with other content (from ${a.file})`);
      continue;
    }
    changes.push({ path: a.to, data, exclusive: true });
  }
  if (problems.length) {
    throw new CliError(`nothing adopted:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }

  if (!opts.dryRun) writeFilesAllOrNothing(changes);

  printReport({ pages, skipped, clashes, assets: [...assets.values()], kind, targetDir, dryRun: !!opts.dryRun, day });
  return 0;
}

function printReport(r: { pages: Planned[]; skipped: string[]; clashes: string[]; assets: (AssetUse & { to: string })[]; kind: string; targetDir: string; dryRun: boolean; day: string }) {
  const out = (line = '') => console.log(line);
  const where = shown(r.targetDir);
  out(`${r.dryRun ? 'Would adopt' : 'Adopted'} ${count(r.pages.length, 'page')} into ${where}/`);

  const converted = r.pages.flatMap((p) => p.page.converted);
  const unknown = r.pages.flatMap((p) => p.page.unknown);
  const byName = (list: { name: string }[]) =>
    Object.entries(list.reduce<Record<string, number>>((acc, s) => ((acc[s.name] = (acc[s.name] ?? 0) + 1), acc), {}))
      .map(([n, c]) => `${n} ${c}`)
      .join(', ');
  out(`  shortcodes converted: ${converted.length}${converted.length ? ` (${byName(converted)})` : ''}; unknown, left as code: ${unknown.length}${unknown.length ? ` (${byName(unknown)})` : ''}`);
  const syntax = r.pages.flatMap((p) => p.page.generatorSyntax.map((name) => ({ name })));
  if (syntax.length) out(`  generator syntax converted: ${syntax.length} (${byName(syntax)})`);
  const comments = r.pages.reduce((n, p) => n + p.page.comments, 0);
  if (comments) out(`  HTML comments dropped from the pages: ${comments}`);
  const rewritten = r.pages.reduce((n, p) => n + (p.links?.rewritten ?? 0), 0);
  out(`  links rewritten to the adopted pages and files: ${rewritten}`);
  const beside = r.assets.filter((a) => a.place === 'page');
  const inPublic = r.assets.filter((a) => a.place === 'public');
  out(`  files the pages use, ${r.dryRun ? 'to copy' : 'copied'}: ${r.assets.length}${r.assets.length ? ` (${beside.length} images beside their pages, ${inPublic.length} linked files to ${shown(inPublic[0]?.to.slice(0, inPublic[0].to.length - inPublic[0].file.length) ?? 'public/')})` : ''}`);
  for (const a of r.assets.slice(0, 20)) out(`    ${a.file} -> ${shown(a.to)}`);
  if (r.assets.length > 20) out(`    and ${r.assets.length - 20} more`);
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
  for (const { to, page, links } of r.pages) {
    const path = shown(to);
    for (const n of [...page.needsHuman, ...(links?.needsHuman ?? [])]) {
      const line = /^line (\d+): (.*)$/s.exec(n);
      if (line) specific.push(`${path}:${line[1]}: ${line[2]}`);
      else grouped.set(n, [...(grouped.get(n) ?? []), path]);
    }
  }
  if (specific.length || grouped.size || r.clashes.length) {
    out('');
    out(`Needs a human (${count(specific.length + r.clashes.length, 'spot')}, ${count(grouped.size, 'kind of page-wide gap', 'kinds of page-wide gaps')}):`);
    for (const [what, paths] of grouped) {
      const list = paths.length > 3 ? `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more` : paths.join(', ');
      out(`  - ${what} (${count(paths.length, 'page')}: ${list})`);
    }
    for (const c of r.clashes) out(`  - ${c}`);
    for (const s of specific) out(`  - ${s}`);
  }
  out('');
  out(`Next: npx hikitsugi lint, then npm run build. ${r.dryRun ? 'Nothing was written (--dry-run).' : ''}`.trimEnd());
}

await runCli(main);
