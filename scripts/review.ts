/**
 * npm run review -- <page>… [--by <member>] [--all-owned-by <member>] [--force]: marks pages as
 * reviewed today, setting `reviewed` and `reviewed_by` and nothing else, in every page or none.
 */
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Command } from 'commander';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { loadContentOrFail } from '../src/cli/content.ts';
import { parseArgs } from '../src/cli/args.ts';
import type { Page } from '../src/io/content-store.ts';
import { gitUser } from '../src/io/git-content.ts';
import { ConcurrentChangeError, writeFilesAllOrNothing, type FileChange } from '../src/io/write-files.ts';
import { KINDS } from '../src/lib/content/schema.ts';
import { identityMap } from '../src/lib/knowledge/identity.ts';
import { markReviewed, reviewerProblem, ReviewEditError } from '../src/lib/knowledge/review.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);

runCli(async () => {
  const program = new Command('review')
    .description('Mark pages as reviewed today: sets reviewed and reviewed_by in their front matter, and changes nothing else.')
    .argument('[pages...]', 'pages, by path (content/runbooks/dns.mdx) or kind/slug (runbooks/dns)')
    .option('--by <member>', 'who reviewed (a member id from team.yaml; default: you, from git config user.email / user.name)')
    .option('--all-owned-by <member>', 'every page this member owns (and, without --by, reviewed by them)')
    .option('--force', "record the review even if the reviewer does not own the page")
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi review runbooks/cloud-sql-failover  # you reviewed it today
  npx hikitsugi review content/guideline/toil.mdx --by suzuki
  npx hikitsugi review --all-owned-by watanabe      # everything watanabe owns
  HIKITSUGI_TODAY=2026-12-01 npx hikitsugi review runbooks/dns --by aoki

"Today" is a day in the team's time zone (config: timeZone). Pages are written all together or
not at all; nothing but the reviewed and reviewed_by lines changes. Content is read from
CONTENT_DIR (default: content/).
Exit codes: 0 ok, 1 a page cannot be marked (invalid, not owned by the reviewer), 2 wrong usage
(unknown page or member).`,
    )
    .exitOverride();
  if (!(await parseArgs(program))) return 0;
  const refs = program.args;
  const opts = program.opts<{ by?: string; allOwnedBy?: string; force?: boolean }>();
  if (refs.length === 0 && !opts.allOwnedBy) throw new UsageError('name the pages to mark as reviewed, or use --all-owned-by <member>');

  const contentDir = settings.contentDir;
  const content = loadContentOrFail(contentDir);
  const rosterPath = `${contentDir}/team.yaml`;
  const memberOf = (id: string, flag: string) => {
    const m = content.roster.find((x) => x.id === id);
    if (!m) throw new UsageError(`${flag}: unknown member "${id}": use an id from ${rosterPath} (${content.roster.map((x) => x.id).join(', ')})`);
    return m;
  };

  // Pages by path or kind/slug, before who reviewed: a mistyped page is named whoever runs this.
  // An invalid page is named with its problem rather than "unknown".
  const byPath = new Map(content.pages.map((p) => [resolve(p.path), p]));
  const invalid = new Map(content.problems.map((p) => [resolve(p.path), p.message]));
  const selected = new Map<string, Page>();
  for (const ref of refs) {
    const slug = /^\/?([^/]+)\/(.+?)\/?$/.exec(ref);
    const bySlug = slug && (KINDS as readonly string[]).includes(slug[1]) ? content.pages.find((p) => p.kind === slug[1] && p.id === slug[2]) : undefined;
    const page = bySlug ?? byPath.get(resolve(ref));
    if (!page) {
      // An invalid page has no slug: match kind/slug against its file name.
      const problem =
        invalid.get(resolve(ref)) ??
        (slug ? [...invalid].find(([path]) => ['.mdx', '.md'].some((ext) => path.split(sep).join('/').endsWith(`/${slug[1]}/${slug[2]}${ext}`)))?.[1] : undefined);
      if (problem) throw new CliError(`${ref}: the page is invalid, fix it first: ${problem}`);
      throw new UsageError(`${ref}: unknown page: give its path (${contentDir}/runbooks/<name>.mdx) or kind/slug (runbooks/<name>)`);
    }
    selected.set(page.path, page);
  }

  let reviewer;
  if (opts.by !== undefined) reviewer = memberOf(opts.by, '--by');
  else if (opts.allOwnedBy !== undefined) reviewer = memberOf(opts.allOwnedBy, '--all-owned-by');
  else {
    const user = await gitUser(process.cwd());
    const id = user ? identityMap(content.roster).developerOf(user) : null;
    reviewer = content.roster.find((m) => m.id === id);
    if (!reviewer) {
      throw new UsageError(
        user
          ? `git user ${user.name} <${user.email}> is not in ${rosterPath} (emails / git): say who reviewed with --by <member>`
          : 'say who reviewed with --by <member> (git config user.email is not set)',
      );
    }
  }
  if (opts.allOwnedBy !== undefined) {
    const owner = memberOf(opts.allOwnedBy, '--all-owned-by');
    const owned = content.pages.filter((p) => p.data.owners.includes(owner.id));
    if (owned.length === 0) throw new CliError(`--all-owned-by: ${owner.id} owns no pages`);
    for (const p of owned) selected.set(p.path, p);
  }

  const date = today();
  const problems: string[] = [];
  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  for (const page of selected.values()) {
    const problem = reviewerProblem(reviewer, page.data.owners, date, opts.force ?? false);
    if (problem) {
      problems.push(`${page.path}: ${problem}`);
      continue;
    }
    const source = readFileSync(page.path, 'utf8');
    try {
      const after = markReviewed(source, { date, by: reviewer.id });
      if (after === source) unchanged.push(page.path);
      else changes.push({ path: page.path, data: after, expected: source });
    } catch (e) {
      if (!(e instanceof ReviewEditError)) throw e;
      problems.push(`${page.path}: ${e.message}`);
    }
  }
  if (problems.length) {
    for (const p of problems.slice(0, -1)) console.error(`error: ${p}`);
    throw new CliError(`${problems.at(-1)}${problems.length > 1 ? ` (${problems.length} pages refused; nothing was written)` : ' (nothing was written)'}`);
  }
  try {
    writeFilesAllOrNothing(changes);
  } catch (e) {
    if (!(e instanceof ConcurrentChangeError)) throw e;
    const path = /^(.*) changed while/.exec(e.message)?.[1] ?? 'a page';
    throw new CliError(`${path} changed on disk meanwhile; nothing was written, run the review again`);
  }
  for (const c of changes) console.log(`reviewed ${c.path} (${date}, by ${reviewer.id})`);
  for (const p of unchanged) console.log(`${p}: already marked reviewed ${date} by ${reviewer.id}`);
  return 0;
});
