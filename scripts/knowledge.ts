/**
 * npm run knowledge -- [--format text|json|markdown] [--strict] [--diff <ref>]: review dates,
 * ownership risk, exposure per member and bus factor per folder, for the terminal, for scripts or
 * for an issue body. --strict makes it a CI gate; --diff <ref> says what a change does to all that.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { loadContentOrFail } from '../src/cli/content.ts';
import { countArg, isoDateArg, parseArgs } from '../src/cli/args.ts';
import { loadContent } from '../src/io/content-store.ts';
import { diffSide, knowledgePages } from '../src/io/knowledge-input.ts';
import { readContentHistory } from '../src/io/git-history.ts';
import { checkoutContentAt, GitRefError } from '../src/io/git-content.ts';
import { buildKnowledgeReport, strictFailures } from '../src/lib/knowledge/report.ts';
import { renderMarkdownReport } from '../src/lib/knowledge/markdown-report.ts';
import { knowledgeDiff, renderDiffMarkdown, type DiffSide } from '../src/lib/knowledge/diff.ts';
import { renderTextReport } from '../src/lib/knowledge/text-report.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);



runCli(async () => {
  const program = new Command('knowledge')
    .description('Report pages overdue for review, pages at ownership risk, each member\'s exposure and the bus factor per folder.')
    .addOption(new Option('--format <format>', 'text (tables), json (for scripts) or markdown (a checklist for an issue)').choices(['text', 'json', 'markdown']))
    .option('--json', 'the same as --format json')
    .option('--link-base <url>', 'with --format markdown: link pages to this URL + their path (e.g. https://github.com/org/repo/blob/main/)')
    .option('--diff <git-ref>', 'what the working tree changes, compared with this commit: owners lost, bus factor, edits without review, review dates moved back (Markdown, or --format json)')
    .option('--strict', 'exit 1 when pages are overdue or at risk beyond the thresholds (for CI)')
    .option('--today <date>', 'report as of this day (default: today in the team time zone, or HIKITSUGI_TODAY)', isoDateArg)
    .option('--due-soon-days <n>', 'window for "due soon" (config: knowledge.dueSoonDays)', countArg)
    .option('--min-owners <n>', 'active owners a page needs not to be at risk (config: knowledge.minOwners)', countArg)
    .option('--max-overdue <n>', 'with --strict: overdue pages allowed (config: knowledge.strict.maxOverdue)', countArg)
    .option('--max-at-risk <n>', 'with --strict: at-risk pages allowed (config: knowledge.strict.maxAtRisk)', countArg)
    .option('--min-bus-factor <n>', 'with --strict: lowest bus factor allowed per folder, 0 = off (config: knowledge.strict.minBusFactor)', countArg)
    .option('--no-git', 'skip the Git history (no bus factor)')
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi knowledge                     # the report as tables
  npx hikitsugi knowledge --json | jq '.pages[] | select(.overdue) | .path'
  npx hikitsugi knowledge --strict            # CI: fail on any overdue or at-risk page
  npx hikitsugi knowledge --strict --max-at-risk 3 --min-bus-factor 2
  npx hikitsugi knowledge --today 2027-01-01  # what will be due by New Year
  npx hikitsugi knowledge --format markdown   # a checklist by owner, @-mentioning their GitHub handles
  npx hikitsugi knowledge --diff origin/main  # for a pull request comment

Content is read from CONTENT_DIR (default: content/). The bus factor needs the full Git
history: in a shallow clone it is reported as unavailable rather than guessed.
Exit codes: 0 ok, 1 strict check failed or content invalid, 2 wrong usage.`,
    )
    .showHelpAfterError()
    .exitOverride();
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{
    format?: 'text' | 'json' | 'markdown';
    json?: boolean;
    linkBase?: string;
    diff?: string;
    strict?: boolean;
    today?: string;
    dueSoonDays?: number;
    minOwners?: number;
    maxOverdue?: number;
    maxAtRisk?: number;
    minBusFactor?: number;
    git: boolean;
  }>();
  if (opts.minOwners === 0) throw new UsageError('--min-owners must be at least 1');
  if (opts.json && opts.format && opts.format !== 'json') throw new UsageError(`--json and --format ${opts.format} contradict each other`);
  const format = opts.json ? 'json' : (opts.format ?? (opts.diff !== undefined ? 'markdown' : 'text'));
  if (opts.diff !== undefined && format === 'text') throw new UsageError('--diff prints Markdown or JSON: use --format markdown or --format json');
  if (opts.diff !== undefined && opts.strict) throw new UsageError('--strict checks the report, not a --diff: run them separately');
  if (opts.linkBase !== undefined && format !== 'markdown') throw new UsageError('--link-base is for --format markdown');

  const config = settings.knowledge;
  const contentDir = settings.contentDir;
  const content = loadContentOrFail(contentDir);
  for (const p of content.problems) console.error(`warning: ${p.path}: ${p.message} (page left out of the report)`);

  const history = opts.git ? await readContentHistory(resolve(contentDir)) : { available: false as const, reason: 'skipped (--no-git)' };
  if (opts.diff !== undefined) {
    const diff = await diffAgainst(opts.diff, contentDir, content, history, opts.git, { today: opts.today ?? today(), minOwners: opts.minOwners ?? config.minOwners });
    process.stdout.write(format === 'json' ? JSON.stringify(diff.diff, null, 2) + '\n' : renderDiffMarkdown(diff.diff, { historyNote: diff.historyNote }));
    return 0;
  }
  const report = buildKnowledgeReport(knowledgePages(content), content.roster, history, {
    today: opts.today ?? today(),
    dueSoonDays: opts.dueSoonDays ?? config.dueSoonDays,
    minOwners: opts.minOwners ?? config.minOwners,
  });

  process.stdout.write(
    format === 'json'
      ? JSON.stringify(report, null, 2) + '\n'
      : format === 'markdown'
        ? renderMarkdownReport(report, content.roster, { linkBase: opts.linkBase })
        : renderTextReport(report),
  );

  if (opts.strict) {
    const failures = strictFailures(report, {
      maxOverdue: opts.maxOverdue ?? config.strict.maxOverdue,
      maxAtRisk: opts.maxAtRisk ?? config.strict.maxAtRisk,
      minBusFactor: opts.minBusFactor ?? config.strict.minBusFactor,
    });
    if (content.problems.length) failures.push(count(content.problems.length, 'invalid page'));
    if (failures.length) throw new CliError(`--strict: ${failures.join('; ')}`);
  }
  return 0;
});

type Content = ReturnType<typeof loadContent>;

async function diffAgainst(
  ref: string,
  contentDir: string,
  head: Content,
  headHistory: DiffSide['history'],
  useGit: boolean,
  options: { today: string; minOwners: number },
) {
  if (!useGit) throw new UsageError('--diff needs Git: drop --no-git');
  let checkout;
  try {
    checkout = await checkoutContentAt(resolve(contentDir), ref);
  } catch (e) {
    if (e instanceof GitRefError) throw new CliError(`--diff: ${e.message}`);
    throw e;
  }
  try {
    let base: Content;
    try {
      base = loadContent(checkout.dir);
    } catch (e) {
      throw new CliError(`--diff: the content at ${ref} cannot be read: ${(e as Error).message.replace(checkout.dir, contentDir)}`);
    }
    const baseHistory = await readContentHistory(resolve(contentDir), { rev: ref });
    const rel = relative(process.cwd(), resolve(contentDir));
    const displayDir = rel.startsWith('..') || isAbsolute(rel) ? resolve(contentDir) : rel;
    const diff = knowledgeDiff(diffSide(base, displayDir, baseHistory), diffSide(head, displayDir, headHistory), { baseLabel: ref, ...options });
    const historyNote = !headHistory.available ? headHistory.reason : !baseHistory.available ? baseHistory.reason : undefined;
    return { diff, historyNote };
  } finally {
    checkout.remove();
  }
}
