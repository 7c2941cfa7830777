/**
 * npm run kpt:prepare -- --board <id|url> | --new "<name>": sets up the next KPT retro on Miro:
 * Keep / Problem / Try frames, the team's instructions panel and last retros' open actions,
 * each carrying its id so that the next `kpt:import` closes the ones moved into Keep or Done.
 */
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { isoDateArg, parseArgs } from '../src/cli/args.ts';
import { loadKptConfig, miroClientFromEnv, MIRO_ENV_HELP, retryMessage } from '../src/cli/miro.ts';
import { loadContent } from '../src/io/content-store.ts';
import { MiroError } from '../src/io/miro/fetcher.ts';
import { createBoard, prepareBoard, PrepareError } from '../src/io/miro/prepare.ts';
import type { RetroData } from '../src/lib/content/schema.ts';
import { BoardRefError, parseBoardRef, printable } from '../src/lib/kpt/index.ts';
import { instructionsFromMarkdown } from '../src/lib/kpt/board-html.ts';
import { boardSettingsProblems } from '../src/lib/kpt/board-settings.ts';
import { DEFAULT_INSTRUCTIONS_TITLE, describePlan } from '../src/lib/kpt/board-plan.ts';
import { carriedActions, teamOfRetros } from '../src/lib/retro/carry-over.ts';
import { RetroHistory, checkRetros, type RetroInput } from '../src/lib/retro/history.ts';
import { count } from '../src/lib/text/count.ts';

const siteConfig = await cliSettings();
const today = () => cliToday(siteConfig);

const program = new Command('kpt:prepare')
  .description("Set up the next KPT retro on a Miro board: Keep / Problem / Try frames, the team's instructions and the open actions carried over.")
  .option('--board <id|url>', 'the board to write on (uXjVOabc123= or its URL); what is on it is left as it is')
  .option('--new <name>', 'create a new board with this name instead (POST /v2/boards)')
  .option('--team <name>', 'whose open actions to carry over (default: hikitsugi.kpt.yaml team, else the only team with retros)')
  .option('--today <YYYY-MM-DD>', 'count the actions\' age up to this day (default: today in the team time zone, or HIKITSUGI_TODAY)', isoDateArg)
  .option('--instructions <file>', 'Markdown file for the instructions panel, titled by its front matter title (default: kptBoard.instructions in hikitsugi.config.mjs, under the content folder)')
  .option('--dry-run', 'print what would be created; send no write request (the board is still read)')
  .option('--config <file>', 'kpt:import team settings, to check the board imports as meant (default: ./hikitsugi.kpt.yaml if present)')
  .option('--content-dir <dir>', 'content folder (default: CONTENT_DIR or content)')
  .addHelpText(
    'after',
    `
Environment:
${MIRO_ENV_HELP('boards:write')}

What it writes (only what is not there yet; nothing on the board is moved, changed or deleted):
  - frames Keep / Problem / Try side by side, titled as kptBoard.titles in hikitsugi.config.mjs says
    (default Keep（続けること） / Problem（困っていること） / Try（次に試すこと）), unless the board has them;
  - a frame with the instructions panel, from content/retros/_kpt-board.md (titled by its front matter title);
  - a frame 前回からの持ち越し with one sticky per open action of the team: text, owner, due date,
    retros and days open, coloured by age (kptBoard.ageColors), and the action id (ID: ...).
Running it again adds nothing: it finds its frames by title and the actions by their id.

At the retro, move a carried-over sticky that is done into Keep (or a Done / 完了 area); leave
the others where they are. The next kpt:import marks the moved ones done (status: done,
closed_in: the new retro); the ones left stay open and are carried to the retro after.

Examples:
  export MIRO_ACCESS_TOKEN=...   # Miro: Settings > Your apps, scopes boards:read and boards:write
  npx hikitsugi kpt prepare --board https://miro.com/app/board/uXjVOabc123=/ --dry-run
  npx hikitsugi kpt prepare --board uXjVOabc123=
  npx hikitsugi kpt prepare --new "2026-11-19 プラットフォームチーム KPT" --team プラットフォームチーム

Exit codes: 0 prepared (or nothing to add), 1 failed, 2 wrong usage.`,
  )
  .showHelpAfterError(false)
  .configureOutput({ outputError: () => {} })
  .exitOverride();

interface Opts {
  board?: string;
  new?: string;
  team?: string;
  today?: string;
  instructions?: string;
  dryRun?: boolean;
  config?: string;
  contentDir?: string;
}

async function main(): Promise<number> {
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<Opts>();
  if (!opts.board === !opts.new) throw new UsageError(opts.board ? '--board and --new do not go together' : 'say which board: --board <id|url>, or --new "<name>" to create one');
  if (opts.new !== undefined && (opts.new.trim() === '' || opts.new.length > 60)) throw new UsageError('--new: a board name of 1 to 60 characters');
  if (opts.team !== undefined && opts.team.trim() === '') throw new UsageError('--team is empty');
  let boardId: string | undefined;
  if (opts.board) {
    try {
      boardId = parseBoardRef(opts.board).id;
    } catch (e) {
      if (e instanceof BoardRefError) throw new UsageError(e.message);
      throw e;
    }
  }

  // Everything local first: a mistake in the settings or content sends no request.
  const config = loadKptConfig(opts.config, siteConfig.kpt);
  const settings = siteConfig.kptBoard;
  const contentDir = opts.contentDir ?? siteConfig.contentDir;
  const instructionsPath = opts.instructions ?? join(contentDir, settings.instructions);
  let markdown: string;
  try {
    markdown = readFileSync(instructionsPath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new CliError(`${instructionsPath} does not exist: it is the board's instructions panel (a front matter title, then the team's rules in Markdown); write it, or pass --instructions FILE`);
    }
    throw new CliError(`cannot read the instructions ${instructionsPath}: ${code ?? (e as Error).message}`);
  }
  let instructions;
  try {
    instructions = instructionsFromMarkdown(markdown);
  } catch (e) {
    throw new CliError(`${instructionsPath}: ${(e as Error).message}`);
  }
  const problems = boardSettingsProblems(settings, config, [instructions.title ?? DEFAULT_INSTRUCTIONS_TITLE]);
  if (problems.length) throw new CliError(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, 2);

  let content;
  try {
    content = loadContent(contentDir);
  } catch (e) {
    throw new CliError((e as Error).message.split('\n')[0]);
  }
  const retros: RetroInput[] = content.pages
    .filter((p) => p.kind === 'retros')
    .map((p) => {
      const data = p.data as RetroData;
      return { id: p.id, path: p.path, title: data.title, date: data.date, team: data.team, items: data.items };
    });
  const bad = [...content.problems.filter((p) => /(^|[\\/])retros[\\/]/.test(p.path)).map((p) => `${p.path}: ${p.message}`), ...checkRetros(retros)];
  if (bad.length) throw new CliError(`${bad[0]}${bad.length > 1 ? ` (and ${bad.length - 1} more problems in the retros)` : ''}; fix it first`);
  let team = opts.team?.trim() ?? config.team;
  if (!team) {
    const found = teamOfRetros(retros.map((r) => r.team));
    if (found.several.length > 1) throw new UsageError(`the retros are of ${found.several.length} teams (${found.several.map((t) => printable(t, 30)).join(', ')}): say whose board it is with --team`);
    team = found.team;
  }
  const day = opts.today ?? today();
  const actions = team ? carriedActions(new RetroHistory(retros).openActions(day), team, content.roster) : [];

  const dryNew = opts.dryRun && opts.new !== undefined;
  const writer = dryNew
    ? undefined
    : miroClientFromEnv({
        scope: opts.dryRun ? 'boards:read' : 'boards:write',
        missingToken: `MIRO_ACCESS_TOKEN is not set: create a Miro access token with the boards:read and boards:write scopes and export MIRO_ACCESS_TOKEN`,
        onRetry: (info) => console.error(retryMessage(info)),
      });
  const lines: string[] = [];
  try {
    let link: string | undefined;
    let fresh = false;
    if (opts.new !== undefined) {
      if (dryNew) {
        boardId = '(new board)';
      } else {
        const board = await createBoard(writer!, opts.new.trim());
        boardId = board.id;
        link = board.viewLink;
        fresh = true;
        console.error(`created board "${printable(board.name ?? opts.new, 60)}" (${board.id}); next time, pass --board ${board.id}`);
      }
    }
    const offline = { requests: 0, get: async () => ({ data: [] }), post: async () => ({}), close() {} };
    const result = await prepareBoard({
      writer: writer ?? offline,
      boardId: boardId!,
      fresh: fresh || dryNew,
      dryRun: opts.dryRun,
      settings,
      config,
      instructions,
      actions,
      onCreated: (item) => console.error(`+ ${item.label}`),
    });
    const { plan } = result;
    const carriedThere = plan.present.filter((p) => p.startsWith('sticky for ')).length;
    const present = [...(carriedThere ? [count(carriedThere, 'carried-over sticky', 'carried-over stickies')] : []), ...plan.present.filter((p) => !p.startsWith('sticky for '))];
    if (present.length) lines.push(`already on the board, left as it is: ${present.join(', ')}`);
    const created = plan.frames.length + plan.children.length;
    lines.push(
      `${team ? `${count(actions.length, 'open action')} of ${printable(team, 40)}` : 'no retros yet, so no actions'} as of ${day}; ` +
        (opts.dryRun
          ? `would create ${count(created, 'item')} (dry run: nothing sent)`
          : created === 0
            ? 'nothing to add: the board has it all'
            : `created ${count(created, 'item')}`) +
        `; ${count(writer ? writer.requests : 0, 'request')} (${result.reads} read, ${result.writes + (fresh ? 1 : 0)} write)`,
    );
    if (opts.dryRun) {
      process.stdout.write(`${describePlan(plan).join('\n')}${created ? '\n' : ''}`);
      if (plan.children.some((c) => c.key === 'panel')) process.stdout.write(`\ninstructions panel "${instructions.title ?? DEFAULT_INSTRUCTIONS_TITLE}":\n${instructions.text.map((l) => `  ${l}`).join('\n')}\n`);
    } else {
      process.stdout.write(`${link ?? `https://miro.com/app/board/${boardId}/`}\n`);
    }
  } catch (e) {
    if (e instanceof MiroError || e instanceof PrepareError) throw new CliError(e.message);
    throw e;
  } finally {
    writer?.close();
  }
  console.error(lines.join('\n'));
  return 0;
}

await runCli(main);
