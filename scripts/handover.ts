/**
 * npm run handover -- --member <id> [--to <id>]: writes content/handover/<date>-<id>.mdx, a
 * draft handover checklist of everything the member holds. Never overwrites a file.
 */
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { Command } from 'commander';
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { loadContentOrFail } from '../src/cli/content.ts';
import { parseArgs } from '../src/cli/args.ts';
import { knowledgePages } from '../src/io/knowledge-input.ts';
import { readContentHistory } from '../src/io/git-history.ts';
import { writeFileAtomic, FileExistsError } from '../src/io/atomic-write.ts';
import { buildKnowledgeReport } from '../src/lib/knowledge/report.ts';
import { handoverDocument } from '../src/lib/knowledge/handover.ts';
import { makeSchemas } from '../src/lib/content/schema.ts';
import { frontMatterOf } from '../src/lib/content/front-matter.ts';
import { isActive } from '../src/lib/content/roster.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();
const todayInTeamZone = () => cliToday(settings);


runCli(async () => {
  const program = new Command('handover')
    .description('Write a draft handover checklist for a member: their pages, runbooks, services and open retro actions.')
    .requiredOption('--member <id>', 'member whose work is handed over (id from content/team.yaml)')
    .option('--to <id>', 'member who takes it over')
    .option('--dry-run', 'print the document instead of writing it')
    .option('--no-git', 'skip the Git history (no "main author" section)')
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi handover --member sato --to ito
  npx hikitsugi handover --member suzuki --dry-run

Writes <content>/handover/<today>-<member>.mdx (today in the team time zone, or HIKITSUGI_TODAY)
and refuses to overwrite an existing file. Exit codes: 0 written, 1 failed, 2 wrong usage.`,
    )
    .showHelpAfterError()
    .exitOverride();
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{ member: string; to?: string; dryRun?: boolean; git: boolean }>();

  const config = settings.knowledge;
  const content = loadContentOrFail(settings.contentDir);
  const today = todayInTeamZone();
  const ids = content.roster.map((m) => m.id);
  const known = (id: string) => content.roster.find((m) => m.id === id);
  if (!known(opts.member)) throw new UsageError(`unknown member "${opts.member}" (members: ${ids.join(', ')})`);
  if (opts.to !== undefined) {
    const to = known(opts.to);
    if (!to) throw new UsageError(`unknown member "${opts.to}" for --to (members: ${ids.join(', ')})`);
    if (opts.to === opts.member) throw new UsageError('--to must be someone else than --member');
    if (!isActive(to, today)) throw new UsageError(`--to ${opts.to} left on ${to.left}; hand over to an active member`);
  }
  for (const p of content.problems) console.error(`warning: ${p.path}: ${p.message} (page left out)`);

  const history = opts.git
    ? await readContentHistory(resolve(settings.contentDir))
    : { available: false as const, reason: 'skipped (--no-git)' };
  const report = buildKnowledgeReport(knowledgePages(content), content.roster, history, {
    today,
    dueSoonDays: config.dueSoonDays,
    minOwners: config.minOwners,
  });
  const doc = handoverDocument({ report, roster: content.roster, member: opts.member, to: opts.to, today });

  // The file must build: check its front matter with the site's own schema before writing it.
  const check = makeSchemas(new Set(ids)).handover.safeParse(parse(frontMatterOf(doc.text)));
  if (!check.success) throw new CliError(`generated front matter is invalid (a bug): ${check.error.issues[0].message}`);

  if (opts.dryRun) {
    process.stdout.write(doc.text);
    return 0;
  }
  const path = join(settings.contentDir, doc.file);
  try {
    writeFileAtomic(path, doc.text, { exclusive: true });
  } catch (e) {
    if (e instanceof FileExistsError) throw new CliError(`${path} already exists; edit it, or move it away to generate a new one`);
    throw e;
  }
  const c = doc.counts;
  console.log(
    `wrote ${path}: ${count(c.pages, 'page')} owned (${c.soleOwned} alone), ${count(c.authored, 'runbook')} and ${count(c.services, 'service')} as main Git author, ${count(c.actions, 'open retro action')}`,
  );
  if (!history.available) console.error(`note: no Git section: ${history.reason}`);
  return 0;
});
