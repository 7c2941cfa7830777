/**
 * npm run knowledge -- [--json] [--strict]: review dates, ownership risk, exposure per member
 * and bus factor per folder, for the terminal or for scripts. --strict makes it a CI gate.
 */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { countArg, isoDateArg, parseArgs } from '../src/cli/args.ts';
import { loadContent } from '../src/io/content-store.ts';
import { knowledgePages } from '../src/io/knowledge-input.ts';
import { readContentHistory } from '../src/io/git-history.ts';
import { buildKnowledgeReport, strictFailures } from '../src/lib/knowledge/report.ts';
import { renderTextReport } from '../src/lib/knowledge/text-report.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);



runCli(async () => {
  const program = new Command('knowledge')
    .description('Report pages overdue for review, pages at ownership risk, each member\'s exposure and the bus factor per folder.')
    .option('--json', 'print the report as JSON (for scripts)')
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
  npm run knowledge                          # the report as tables
  npm run knowledge -- --json | jq '.pages[] | select(.overdue) | .path'
  npm run knowledge -- --strict              # CI: fail on any overdue or at-risk page
  npm run knowledge -- --strict --max-at-risk 3 --min-bus-factor 2
  npm run knowledge -- --today 2027-01-01    # what will be due by New Year

Content is read from CONTENT_DIR (default: content/). The bus factor needs the full Git
history: in a shallow clone it is reported as unavailable rather than guessed.
Exit codes: 0 ok, 1 strict check failed or content invalid, 2 wrong usage.`,
    )
    .showHelpAfterError()
    .exitOverride();
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{
    json?: boolean;
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

  const config = settings.knowledge;
  const contentDir = settings.contentDir;
  let content;
  try {
    content = loadContent(contentDir);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  for (const p of content.problems) console.error(`warning: ${p.path}: ${p.message} (page left out of the report)`);

  const history = opts.git ? await readContentHistory(resolve(contentDir)) : { available: false as const, reason: 'skipped (--no-git)' };
  const report = buildKnowledgeReport(knowledgePages(content), content.roster, history, {
    today: opts.today ?? today(),
    dueSoonDays: opts.dueSoonDays ?? config.dueSoonDays,
    minOwners: opts.minOwners ?? config.minOwners,
  });

  process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : renderTextReport(report));

  if (opts.strict) {
    const failures = strictFailures(report, {
      maxOverdue: opts.maxOverdue ?? config.strict.maxOverdue,
      maxAtRisk: opts.maxAtRisk ?? config.strict.maxAtRisk,
      minBusFactor: opts.minBusFactor ?? config.strict.minBusFactor,
    });
    if (content.problems.length) failures.push(`${content.problems.length} invalid page(s)`);
    if (failures.length) throw new CliError(`--strict: ${failures.join('; ')}`);
  }
  return 0;
});
