/**
 * npm run onboarding -- list | check | checklist <id>
 * The onboarding paths from the terminal: list them with their times, validate them without a
 * site build, or print one as a Markdown checklist for a new member's onboarding issue.
 */
import { Command, Option } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { CliError, runCli, UsageError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { formatTable } from '../src/lib/text/table.ts';
import { loadOnboarding } from '../src/io/onboarding-store.ts';
import { renderChecklist } from '../src/lib/onboarding/checklist.ts';
import { formatMinutes } from '../src/lib/onboarding/reading-time.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);

const contentOption = () => new Option('--content <dir>', 'content folder').default(settings.contentDir);

function load(contentDir: string, { strict }: { strict: boolean }) {
  const loaded = loadOnboarding(contentDir, today());
  if (strict && loaded.problems.length > 0) {
    const list = loaded.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
    throw new CliError(`${count(loaded.problems.length, 'problem')} in ${contentDir}:\n${list}`);
  }
  return loaded;
}

runCli(async () => {
  let exitCode = 0;
  const program = new Command('onboarding')
    .description('Onboarding reading paths (content/onboarding/<id>.yaml): list, check, export as a checklist.')
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi onboarding list
  npx hikitsugi onboarding check
  npx hikitsugi onboarding checklist first-day --site-url https://handbook.example.com/ > issue.md
  gh issue create --title "オンボーディング: 山田さん" --body "$(npx hikitsugi onboarding checklist first-day)"`,
    );

  program
    .command('list', { isDefault: true })
    .description('paths in order: id, audience, steps, time, pages overdue for review')
    .addOption(contentOption())
    .option('--json', 'print JSON')
    .action((opts: { content: string; json?: boolean }) => {
      const { paths, problems } = load(opts.content, { strict: false });
      if (opts.json) {
        console.log(JSON.stringify(paths, null, 2));
      } else if (paths.length === 0) {
        console.log(`no onboarding paths in ${opts.content}/onboarding/ (add <id>.yaml)`);
      } else {
        const rows = paths.map((p) => [
          p.id,
          p.audience,
          String(p.steps.length),
          formatMinutes(p.totalMinutes, 'en'),
          p.overdue > 0 ? String(p.overdue) : '-',
          p.title,
        ]);
        console.log(formatTable(['ID', 'AUDIENCE', 'STEPS', 'TIME', 'OVERDUE', 'TITLE'], rows));
      }
      for (const p of problems) console.error(`warning: ${p.path}: ${p.message}`);
      if (problems.length > 0) exitCode = 1;
    });

  program
    .command('check')
    .description('validate every path file (the same checks as the site build, without building)')
    .addOption(contentOption())
    .action((opts: { content: string }) => {
      const { paths } = load(opts.content, { strict: true });
      console.log(`ok: ${count(paths.length, 'path')}, ${count(paths.reduce((n, p) => n + p.steps.length, 0), 'step')}`);
    });

  program
    .command('checklist <id>')
    .description('print a path as a Markdown task list, e.g. for an onboarding issue')
    .addOption(contentOption())
    .option('--site-url <url>', 'absolute site URL for links (default: SITE_URL + base path; none: site-relative links)')
    .addOption(new Option('--locale <locale>', 'language of the labels').choices(['ja', 'en']).default('ja'))
    .action((id: string, opts: { content: string; siteUrl?: string; locale: 'ja' | 'en' }) => {
      const { paths } = load(opts.content, { strict: true });
      const path = paths.find((p) => p.id === id);
      if (!path) throw new CliError(`no path "${id}" (paths: ${paths.map((p) => p.id).join(', ') || 'none'})`);
      if (opts.siteUrl !== undefined && !/^https?:\/\/[^/]/.test(opts.siteUrl)) {
        throw new UsageError(`--site-url must be an http(s) URL, got "${opts.siteUrl}"`);
      }
      const siteUrl = opts.siteUrl ?? (settings.site ? new URL(settings.base, settings.site).href : settings.base);
      process.stdout.write(renderChecklist(path, { siteUrl, locale: opts.locale }));
    });

  // `list` runs when no command is named, so commander would take a misspelt command for list's
  // argument ("too many arguments for 'list'"): name the mistake instead.
  const first = process.argv[2];
  const commands = program.commands.map((c) => c.name());
  if (first !== undefined && !first.startsWith('-') && first !== 'help' && !commands.includes(first)) {
    throw new UsageError(`unknown command "${first}" (commands: ${commands.join(', ')})`);
  }
  if (!(await parseArgs(program))) return 0;
  return exitCode;
});
