/**
 * npm run new -- <guideline|runbook|handover> "<title>" [--owner ID]: creates a page with valid
 * front matter and the required sections. Never overwrites a file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, UsageError, CliError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { FileExistsError, writeFileAtomic } from '../src/io/atomic-write.ts';
import { loadContent } from '../src/io/content-store.ts';
import { parseRoster } from '../src/lib/content/roster.ts';
import { makeSchemas, SEVERITIES, type GuidelineData, type Member } from '../src/lib/content/schema.ts';
import { slugForFile } from '../src/lib/content/slugs.ts';
import { frontMatterOf } from '../src/lib/content/front-matter.ts';
import { resolveLintConfig, type LintConfig } from '../src/lib/lint/config.ts';
import { fallbackSlug, NEW_KINDS, renderNewPage, SLUG_PATTERN, slugFromTitle } from '../src/lib/scaffold/templates.ts';
import { parse as parseYaml } from 'yaml';

const settings = await cliSettings();
const today = () => cliToday(settings);

/** Relative to the current directory when inside it, else absolute. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

const collect = (value: string, previous: string[]) => [...previous, value];

const program = new Command('npm run new --')
  .description('Create a page with valid front matter and the required sections.')
  .addArgument(new Argument('<kind>', 'guideline, runbook or handover').choices(Object.keys(NEW_KINDS)))
  .argument('<title>', 'page title (Japanese or English)')
  .option('--owner <id>', 'owner member id from content/team.yaml (repeatable; default: you, found by your git email)', collect, [])
  .option('--slug <slug>', 'file name (and URL) without extension, e.g. cloud-sql-failover or gcp/cloud-sql-failover')
  .option('--service <name>', 'runbook: the service it is about')
  .addOption(new Option('--severity <level>', 'runbook: how bad the alert is').choices([...SEVERITIES]).default('medium'))
  .option('--system <name>', 'handover: the system being handed over (default: the title)')
  .option('--content-dir <dir>', 'content folder', settings.contentDir)
  .addHelpText(
    'after',
    `
Examples:
  npx hikitsugi new runbook "Cloud SQL のフェイルオーバー" --owner tanaka --service cloud-sql --severity critical
  npx hikitsugi new guideline "オンコールの心得" --slug oncall-mindset
  npx hikitsugi new handover "Redash の引き継ぎ" --owner sato --system Redash

The file name comes from the title's ASCII words ("Cloud SQL のフェイルオーバー" -> cloud-sql.mdx);
a title without any gets <kind>-<date> (-2, -3... for the day's next ones). Use --slug to choose. Existing
files are never overwritten.`,
  );

interface Options {
  owner: string[];
  slug?: string;
  service?: string;
  severity: string;
  system?: string;
  contentDir: string;
}

/** The member whose email or git name matches `git config`, if any. */
function memberFromGit(roster: Member[]): Member | undefined {
  const read = (key: string) => {
    try {
      return execFileSync('git', ['config', key], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const email = read('user.email').toLowerCase();
  const name = read('user.name');
  return roster.find((m) => (email && m.emails.some((e) => e.toLowerCase() === email)) || (name && m.git.includes(name)));
}

async function main(): Promise<number> {
  if (!(await parseArgs(program))) return 0;
  const [kindArg, rawTitle] = program.args;
  const opts = program.opts<Options>();
  const kind = NEW_KINDS[kindArg];
  const title = rawTitle.trim();
  if (!title) throw new UsageError('the title must not be empty');
  if (/[\r\n]/.test(title)) throw new UsageError('the title must be one line');

  const contentDir = resolve(opts.contentDir);
  const rosterPath = join(contentDir, 'team.yaml');
  if (!existsSync(rosterPath)) throw new CliError(`${rosterPath} not found: is --content-dir right?`);
  const roster = parseRoster(readFileSync(rosterPath, 'utf8'), rosterPath);
  const ids = new Set(roster.map((m) => m.id));
  for (const id of opts.owner) if (!ids.has(id)) throw new UsageError(`--owner ${id}: no such member in ${shown(rosterPath)}`);
  let owners = opts.owner;
  if (owners.length === 0) {
    const me = memberFromGit(roster);
    if (!me) throw new UsageError('--owner <id> is required (your git user.email is not in content/team.yaml)');
    owners = [me.id];
  }

  const day = today();
  const kindDir = join(contentDir, kind);
  const content = loadContent(contentDir);
  // A page already at that URL, whatever its file is called (a.md beside a.mdx, A.mdx).
  const pageAt = (s: string) => content.pages.find((p) => p.kind === kind && p.id === slugForFile(`${s}.mdx`));
  const taken = (s: string) => existsSync(join(kindDir, `${s}.mdx`)) || pageAt(s) !== undefined;
  let slug = opts.slug ?? slugFromTitle(title, kind, day);
  // A slug of kind and date names nothing, so the day's next page gets -2, -3...; a slug from the
  // title's words or --slug is refused when taken instead (that page may be the one to edit).
  if (opts.slug === undefined && slug === fallbackSlug(kind, day)) {
    for (let n = 2; taken(slug); n++) slug = `${fallbackSlug(kind, day)}-${n}`;
  }
  if (!SLUG_PATTERN.test(slug)) throw new UsageError(`--slug "${slug}": use lowercase letters, digits and -, with / for folders`);
  const path = join(contentDir, kind, `${slug}.mdx`);
  const display = shown(path);

  // Another file with the same URL would be silently shadowed.
  const clash = pageAt(slug);
  if (clash && !existsSync(path)) throw new CliError(`${clash.path} already has the URL /${kind}/${slug}/; choose another --slug`);

  let order: number | undefined;
  if (kind === 'guideline') {
    const orders = content.pages.filter((p) => p.kind === 'guideline').map((p) => (p.data as GuidelineData).order);
    order = orders.length ? Math.max(...orders) + 1 : 1;
  }

  const lintConfig = resolveLintConfig(settings.lint);
  const text = renderNewPage({
    kind,
    title,
    owners,
    today: day,
    service: opts.service,
    severity: opts.severity,
    system: opts.system,
    order,
    sections: lintConfig.sections.required[kind],
  });

  // The page must be valid as written: check it with the build's schema before writing.
  const fm = parseYaml(frontMatterOf(text));
  const check = makeSchemas(ids)[kind].safeParse(fm);
  if (!check.success) throw new CliError(`internal: the new page would not be valid: ${check.error.issues.map((i) => i.message).join('; ')}`);

  try {
    writeFileAtomic(path, text, { exclusive: true });
  } catch (e) {
    if (e instanceof FileExistsError) throw new CliError(`${display} already exists; refusing to overwrite it (choose another --slug)`);
    throw e;
  }
  console.log(`created ${display}`);
  console.log(`  URL: /${kind}/${slugForFile(relative(kindDir, path))}/`);
  const todo: string[] = ['fill in the TODO lines'];
  if (kind === 'runbooks' && !opts.service) todo.unshift('set `service:` (it says TODO)');
  if (kind === 'runbooks') todo.push('check `severity:` and list the `alerts:` that lead here');
  if (kind === 'handover') todo.push(`add the people taking over to \`to:\`${opts.system ? '' : '; check `system:` (it is the title)'}`);
  console.log(`  next: ${todo.join('; ')}; then npx hikitsugi lint`);
  return 0;
}

await runCli(main);
