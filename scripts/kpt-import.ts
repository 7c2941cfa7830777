/**
 * npm run kpt:import -- --board <id|url>: turns a Miro KPT retrospective board into
 * content/retros/<date>-<slug>.mdx, or updates the page an earlier import wrote.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { cliSettings } from '../src/cli/settings.ts';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { KPT_CONFIG_FILE as CONFIG_FILE, loadKptConfig, miroClientFromEnv, MIRO_ENV_HELP, retryMessage } from '../src/cli/miro.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { parseRoster } from '../src/lib/content/roster.ts';
import { makeSchemas } from '../src/lib/content/schema.ts';
import { isIsoDate } from '../src/lib/content/dates.ts';
import {
  BoardRefError,
  PageParseError,
  RetroInputError,
  parseBoardRef,
  parsePage,
  printable,
  retroFileName,
} from '../src/lib/kpt/index.ts';
import { MiroError, type MiroFetcher } from '../src/io/miro/fetcher.ts';
import { kptBoardSettings } from '../src/lib/kpt/board-settings.ts';
import type { BoardData } from '../src/lib/kpt/miro-types.ts';
import { readSnapshot, recordingFetcher, serializeSnapshot, SnapshotError, snapshotFetcher, type RecordingFetcher } from '../src/io/miro/snapshot.ts';
import { importBoard } from '../src/io/miro/import.ts';
import { AmbiguousPageError, findRetroForBoard, listRetroFiles } from '../src/io/miro/retro-pages.ts';
import { closingReport, planClosingsForImport } from '../src/io/retro-closing.ts';
import { writeFilesAllOrNothing, type FileChange } from '../src/io/write-files.ts';
import { count } from '../src/lib/text/count.ts';

const siteConfig = await cliSettings();

const program = new Command('kpt:import')
  .description('Import a Miro KPT retrospective board as a dated page in content/retros/.')
  .addOption(new Option('--board <id|url>', 'board id (uXjVOabc123=) or board URL').makeOptionMandatory())
  .option('--date <YYYY-MM-DD>', 'day of the retro (default: first date in the board name or title texts, else the board creation day)')
  .option('--team <name>', 'team that held the retro (default: the page, hikitsugi.kpt.yaml, then the Miro team)')
  .option('--owner <member-id>', 'owner of a new page, from content/team.yaml (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
  .option('--slug <slug>', 'file name part after the date for a new page (default: from the team or board name)')
  .option('--dry-run', 'print the page instead of writing it (a --snapshot is still saved)')
  .option('--snapshot <file>', 'save the raw Miro API replies read, to review or replay the import')
  .option('--from-snapshot <file>', 'import from a saved snapshot, with no network and no token')
  .option('--config <file>', `KPT settings as YAML, instead of kpt in hikitsugi.config.mjs (./${CONFIG_FILE} is read if present)`)
  .option('--content-dir <dir>', 'content folder (default: CONTENT_DIR or content)')
  .option('--no-authors', 'leave sticky authors off the page (anonymous retros)')
  .option('--no-close', 'do not mark earlier actions done from the board (Done / 完了 areas, Keeps quoting a Try)')
  .addHelpText(
    'after',
    `
Environment:
${MIRO_ENV_HELP('boards:read')} (the token is not needed with --from-snapshot)

Boards: stickies are Keep / Problem / Try by their frame (Keep（続けること）, KEEP 👍, ...), by the
KEEP / PROBLEM / TRY header text or shape they sit under, or by a Keep / Problem / Try tag. Stickies
that fit none are listed and left out. kpt in hikitsugi.config.mjs may set other header words and a
colour code.

Closing actions: open actions of the team's earlier retros are marked done (status: done,
closed_in: <this retro>) when a sticky in a frame or column titled Done / 完了 / 済 names one (its
id, or its text), or a Keep quotes a Try's text in 「」 or "". Earlier pages and the new page are
written together or not at all. --no-close turns this off.

Re-importing updates the same page (found by board id): the body and any fields people added to
items (owner, due, status of a Try) stay; an unchanged board gives an identical file.

Examples:
  export MIRO_ACCESS_TOKEN=...   # Miro: Settings > Your apps, scope boards:read
  npx hikitsugi kpt import --board https://miro.com/app/board/uXjVOabc123=/ --team プラットフォームチーム --owner tanaka
  npx hikitsugi kpt import --board uXjVOabc123= --date 2025-06-12 --dry-run
  npx hikitsugi kpt import --board uXjVOabc123= --snapshot retro.json  # keep what was read
  npx hikitsugi kpt import --board uXjVOabc123= --from-snapshot retro.json

Exit codes: 0 written or unchanged, 1 failed (nothing written), 2 wrong usage.`,
  )
  .showHelpAfterError(false)
  .configureOutput({ outputError: () => {} })
  .exitOverride();

interface Opts {
  board: string;
  date?: string;
  team?: string;
  owner: string[];
  slug?: string;
  dryRun?: boolean;
  snapshot?: string;
  fromSnapshot?: string;
  config?: string;
  contentDir?: string;
  authors: boolean;
  close: boolean;
}

interface Progress {
  update: (items: number, total?: number, requests?: number) => void;
  /** A retry: shown on the progress line while it is there, else as a line of its own. */
  retry: (info: { attempt: number; reason: string; waitMs: number }) => void;
  stop: () => void;
}

function progress(): Progress {
  const tty = Boolean(process.stderr.isTTY);
  let bar: SingleBar | undefined;
  return {
    update(items, total, requests) {
      // Only boards that take more than one page get a progress line.
      if (!tty || (!bar && (total ?? 0) <= 50)) return;
      if (!bar) {
        bar = new SingleBar({
          stream: process.stderr,
          format: 'reading board |{bar}| {value}/{total} items, {requests} requests{status}',
          hideCursor: true,
          clearOnComplete: true,
        });
        bar.start(total ?? items, 0, { requests: 0, status: '' });
      }
      if (total) bar.setTotal(total);
      bar.update(items, { requests: requests ?? 0, status: '' });
    },
    retry(info) {
      if (bar) bar.update({ status: ` · ${retryMessage(info)}` });
      else console.error(retryMessage(info));
    },
    stop: () => bar?.stop(),
  };
}

async function main(): Promise<number> {
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<Opts>();
  if (opts.snapshot && opts.fromSnapshot) throw new UsageError('--snapshot and --from-snapshot do not go together');
  if (opts.date !== undefined && !isIsoDate(opts.date)) throw new UsageError(`--date "${printable(opts.date)}" is not a day in YYYY-MM-DD form (e.g. 2025-06-12)`);
  if (opts.team !== undefined && opts.team.trim() === '') throw new UsageError('--team is empty');
  if (opts.slug !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(opts.slug)) throw new UsageError('--slug: lowercase letters, digits and - only');

  let ref;
  try {
    ref = parseBoardRef(opts.board);
  } catch (e) {
    if (e instanceof BoardRefError) throw new CliError(e.message, 2);
    throw e;
  }

  const config = loadKptConfig(opts.config, siteConfig.kpt);
  if (!opts.authors) config.authors = false;
  const contentDir = opts.contentDir ?? siteConfig.contentDir;
  const retrosDir = join(contentDir, 'retros');
  const rosterPath = join(contentDir, 'team.yaml');
  let roster;
  try {
    roster = parseRoster(readFileSync(rosterPath, 'utf8'), rosterPath);
  } catch (e) {
    throw new CliError(`${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `${rosterPath} not found: is --content-dir right?` : (e as Error).message.split('\n')[0]}`);
  }
  const ids = new Set(roster.map((m) => m.id));
  const owners = opts.owner.length ? opts.owner : undefined;
  for (const id of [...(owners ?? []), ...(config.owners ?? [])]) {
    if (!ids.has(id)) throw new CliError(`unknown member id "${printable(id)}": use an id from ${rosterPath}`, 2);
  }

  // The page an earlier import wrote for this board, read before any network call.
  let found;
  try {
    found = findRetroForBoard(retrosDir, ref.id);
    // Checked here, before the network: a page that cannot be merged stops the import early.
    if (found) parsePage(found.source);
  } catch (e) {
    if (e instanceof AmbiguousPageError) throw new CliError(e.message);
    if (e instanceof PageParseError) throw new CliError(`${found!.path}: ${e.message}; fix it, then import again`);
    throw e;
  }

  const progressLine = progress();
  let fetcher: MiroFetcher;
  let recorder: RecordingFetcher | undefined;
  if (opts.fromSnapshot) {
    const snapshot = readSnapshotOrFail(opts.fromSnapshot);
    if (snapshot.board_id !== ref.id) {
      throw new CliError(`${opts.fromSnapshot} holds board ${printable(snapshot.board_id)}, not ${ref.id}`);
    }
    fetcher = snapshotFetcher(snapshot);
  } else {
    fetcher = miroClientFromEnv({
      scope: 'boards:read',
      missingToken: 'MIRO_ACCESS_TOKEN is not set: create a Miro access token with the boards:read scope and export MIRO_ACCESS_TOKEN (or use --from-snapshot FILE)',
      onRetry: (info) => progressLine.retry(info),
    });
    if (opts.snapshot) fetcher = recorder = recordingFetcher(fetcher);
  }

  const warnings: string[] = [];
  let imported;
  try {
    imported = await importBoard({
      fetcher,
      ref,
      config,
      timeZone: siteConfig.timeZone,
      date: opts.date,
      team: opts.team?.trim(),
      owners,
      existingSource: found?.source,
      onProgress: (p) => progressLine.update(p.items, p.total, p.requests),
      onWarning: (w) => warnings.push(w),
    });
  } catch (e) {
    if (e instanceof MiroError || e instanceof SnapshotError || e instanceof RetroInputError) throw new CliError(e.message);
    throw e;
  } finally {
    progressLine.stop();
    fetcher.close();
  }
  const { result } = imported;

  if (recorder && opts.snapshot) writeFileAtomic(opts.snapshot, serializeSnapshot(recorder.snapshot(ref.id)));

  let path: string;
  if (found) path = found.path;
  else {
    const taken = new Set(listRetroFiles(retrosDir).map((p) => relative(retrosDir, p)));
    const name = opts.slug
      ? retroFileName(result.date, [opts.slug], (f) => taken.has(f))
      : retroFileName(result.date, [result.team, imported.data.board.name], (f) => taken.has(f));
    path = join(retrosDir, name);
  }

  // Say what will not build: usually a field people added (an owner not in the roster).
  const check = makeSchemas(ids).retros.safeParse(result.frontMatter);
  if (!check.success) {
    for (const issue of check.error.issues.slice(0, 5)) warnings.push(`the page will not build until fixed: ${issue.path.join('.')}: ${issue.message}`);
  }

  // Earlier actions the board says are done (see src/lib/retro/board-closing.ts for the rule).
  const closing = opts.close
    ? planClosingsForImport({
        retrosDir,
        pagePath: path,
        date: result.date,
        team: result.team,
        data: imported.data,
        classification: result.classification,
        config,
      })
    : undefined;

  report(result, warnings, carriedLeft(imported.data));
  if (closing) {
    const lines = closingReport(closing, opts.dryRun);
    if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
  }
  if (opts.dryRun) {
    process.stdout.write(result.content);
    process.stderr.write(`(dry run: ${path} not written)\n`);
    return 0;
  }
  const changes: FileChange[] = (closing?.edits ?? []).map((e) => ({ path: e.path, data: e.after, expected: e.before }));
  if (found && found.source === result.content) {
    process.stderr.write('unchanged: the board has not changed since the last import\n');
  } else {
    changes.push({ path, data: result.content, exclusive: !found, expected: found?.source });
  }
  // The new page and the earlier pages it closes actions in: all written, or none.
  writeFilesAllOrNothing(changes);
  process.stdout.write(`${path}\n`);
  return 0;
}

function readSnapshotOrFail(path: string) {
  try {
    return readSnapshot(path);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/**
 * Stickies left in kpt:prepare's carry-over frame: the actions nobody moved to Keep or Done,
 * which stay open. Reported as that, not as stickies the import could not place.
 */
function carriedLeft(data: BoardData): Set<string> {
  let title: string;
  try {
    title = siteConfig.kptBoard.titles.carried.normalize('NFKC').trim();
  } catch {
    return new Set();
  }
  const frames = new Set(data.items.filter((i) => i.type === 'frame' && String(i.data?.title ?? '').normalize('NFKC').trim() === title).map((i) => i.id));
  return new Set(data.items.filter((i) => i.type === 'sticky_note' && i.parent?.id && frames.has(i.parent.id)).map((i) => i.id));
}

function report(result: Awaited<ReturnType<typeof importBoard>>['result'], warnings: string[], carried: Set<string>): void {
  const c = result.classification;
  const ofKind = (kind: string) => c.entries.filter((e) => e.kind === kind).length;
  const via = Object.entries(c.via)
    .filter(([, n]) => n > 0)
    .map(([how, n]) => `${n} by ${how}`)
    .join(', ');
  const lines = [`Keep ${ofKind('keep')} / Problem ${ofKind('problem')} / Try ${ofKind('try')}${via ? ` (${via})` : ''}; date ${result.date} from ${result.dateFrom}`];
  if (result.added || result.changed || result.dropped.length) {
    lines.push(`${result.added} new, ${result.changed} changed, ${result.dropped.length} removed since the last import`);
  }
  const left = c.unplaced.filter((u) => carried.has(u.miroId));
  const unplaced = c.unplaced.filter((u) => !carried.has(u.miroId));
  if (left.length) lines.push(`${left.length} carried-over ${left.length === 1 ? 'action was' : 'actions were'} left in the carry-over frame: still open`);
  if (unplaced.length) {
    lines.push(`${unplaced.length} ${unplaced.length === 1 ? 'sticky fits' : 'stickies fit'} no Keep / Problem / Try and ${unplaced.length === 1 ? 'was' : 'were'} left out:`);
    for (const u of unplaced.slice(0, 20)) lines.push(`  - ${printable(u.text, 100)}`);
    if (unplaced.length > 20) lines.push(`  ... and ${unplaced.length - 20} more`);
  }
  if (c.conflictingTags) lines.push(`${count(c.conflictingTags, 'sticky carries', 'stickies carry')} tags of two kinds; ${c.conflictingTags === 1 ? 'its' : 'their'} tags were ignored`);
  if (c.empty) lines.push(`${count(c.empty, 'empty sticky', 'empty stickies')} skipped`);
  for (const item of result.keptOrphans) {
    lines.push(`kept, though its sticky is gone from the board (people added to it): ${printable(String(item.text ?? ''), 80)}`);
  }
  if (c.entries.length === 0) lines.push('no Keep / Problem / Try stickies found: are there frames, header texts or tags named Keep / Problem / Try?');
  lines.push(...warnings.map((w) => `warning: ${w}`));
  process.stderr.write(`${lines.join('\n')}\n`);
}

await runCli(main);
