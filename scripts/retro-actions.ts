/**
 * npm run retro:actions -- [--owner ID] [--json] [--today YYYY-MM-DD]: the open actions (Try
 * items) of all retrospectives, oldest first, as a table or as JSON for scripts.
 */
import { Command } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { loadContentOrFail } from '../src/cli/content.ts';
import { isoDateArg, parseArgs } from '../src/cli/args.ts';
import type { RetroData } from '../src/lib/content/schema.ts';
import { RetroHistory, checkRetros, type RetroInput } from '../src/lib/retro/history.ts';
import { openActionsJson, openActionsTable } from '../src/lib/retro/report.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);



runCli(async () => {
  const program = new Command('retro:actions')
    .description('List the open actions (Try items) of all retrospectives, oldest first, with owner, age in days and in retros.')
    .option('--owner <id>', 'only the actions of this member (an id from team.yaml); "none" for unassigned ones')
    .option('--json', 'print JSON (an array, oldest first) for scripts')
    .option('--today <date>', 'count ages up to this day (default: today in the team time zone, or HIKITSUGI_TODAY)', isoDateArg)
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi retro actions                   # every open action, as a table
  npx hikitsugi retro actions --owner watanabe  # one member's actions
  npx hikitsugi retro actions --owner none      # actions nobody owns yet
  npx hikitsugi retro actions --json | jq '.[] | select(.overdue) | .id'

Content is read from CONTENT_DIR (default: content/). Close an action by setting its status
to done or dropped (and closed to the day) in the retro page's front matter.
Exit codes: 0 ok (also when actions are open), 1 retro content invalid, 2 wrong usage.`,
    )
    // One-line errors: runCli prints them (with "see --help"), commander stays quiet.
    .configureOutput({ outputError: () => {} })
    .exitOverride();
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{ owner?: string; json?: boolean; today?: string }>();

  const content = loadContentOrFail();
  if (opts.owner !== undefined && opts.owner !== 'none' && !content.roster.some((m) => m.id === opts.owner)) {
    const known = content.roster.map((m) => m.id).join(', ');
    throw new UsageError(`unknown owner "${opts.owner}": use a member id from team.yaml (${known}) or "none"`);
  }

  const retros: RetroInput[] = content.pages
    .filter((p) => p.kind === 'retros')
    .map((p) => {
      const data = p.data as RetroData;
      return { id: p.id, path: p.path, title: data.title, date: data.date, team: data.team, items: data.items };
    });
  const problems = [
    ...content.problems.filter((p) => /(^|[\\/])retros[\\/]/.test(p.path)).map((p) => `${p.path}: ${p.message}`),
    ...checkRetros(retros),
  ];
  if (problems.length > 0) {
    throw new CliError(`the retrospectives have problems; fix them first:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  const day = opts.today ?? today();
  let actions = openActionsJson(new RetroHistory(retros).openActions(day), content.roster, day);
  if (opts.owner === 'none') actions = actions.filter((a) => a.owner === null);
  else if (opts.owner) actions = actions.filter((a) => a.owner === opts.owner);

  if (opts.json) {
    console.log(JSON.stringify(actions, null, 2));
  } else if (actions.length === 0) {
    console.log(opts.owner ? `No open actions for ${opts.owner}.` : 'No open actions.');
  } else {
    console.log(openActionsTable(actions));
    const overdue = actions.filter((a) => a.overdue).length;
    console.log(`\n${count(actions.length, 'open action')}, ${overdue} overdue (as of ${day}).`);
  }
  return 0;
});
