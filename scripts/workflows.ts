/**
 * hikitsugi workflows [--reminder] [--check] [--force]: writes the GitHub workflows hikitsugi gives
 * a handbook into an existing one (`init` writes them into a new one), so that a team can add the
 * weekly reminder later, or take the workflows of a newer hikitsugi after `npm update`.
 * A workflow the team changed is never replaced without --force; all files are written or none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { runCli, CliError, UsageError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { writeFilesAllOrNothing } from '../src/io/write-files.ts';
import { workflowFiles } from '../src/lib/scaffold/starter.ts';
import { count } from '../src/lib/text/count.ts';

const program = new Command('hikitsugi workflows')
  .description("Write hikitsugi's GitHub workflows into this handbook's .github/workflows/: handbook.yml (lint, review dates and owners, build; a comment on each pull request) and, with --reminder, knowledge-reminder.yml.")
  .option('--reminder', 'also the weekly workflow that keeps one GitHub issue of the pages due for review (it opens issues)')
  .option('--check', 'write nothing; exit 1 when a workflow is missing or differs from this version of hikitsugi')
  .option('--force', 'replace workflows that differ (changed here, or written by an older hikitsugi)')
  .addHelpText(
    'after',
    `
Examples:
  npx hikitsugi workflows --reminder   # add the weekly reminder to a handbook made without it
  npx hikitsugi workflows --check      # after npm update: are the workflows this version's?
  npx hikitsugi workflows --force      # take this version's, replacing your changes (see git diff)

Run it from the handbook's root. A workflow that differs is left alone and named, and nothing is
written, unless --force.
Exit codes: 0 written or up to date, 1 a workflow differs or is missing (nothing written), 2 wrong usage.`,
  );

runCli(async () => {
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{ reminder?: boolean; check?: boolean; force?: boolean }>();
  if (opts.check && opts.force) throw new UsageError('--check writes nothing: it cannot be combined with --force');
  const root = resolve('.');
  // .github/ belongs at the repository's root: refuse a folder that is not a handbook's.
  if (!existsSync(join(root, 'package.json')) && !existsSync(join(root, 'hikitsugi.config.mjs'))) {
    throw new CliError(`${root} has no package.json or hikitsugi.config.mjs: run this from the handbook's root`);
  }
  const files = Object.entries(workflowFiles({ reminder: opts.reminder })).map(([rel, text]) => {
    const path = join(root, rel);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    return { rel, path, text, current };
  });
  const missing = files.filter((f) => f.current === undefined);
  const differ = files.filter((f) => f.current !== undefined && f.current !== f.text);
  const same = files.filter((f) => f.current === f.text);

  if (opts.check) {
    const problems = [...missing.map((f) => `${f.rel} is missing`), ...differ.map((f) => `${f.rel} differs from this version of hikitsugi's`)];
    if (problems.length) throw new CliError(`${problems.join('; ')}: run npx hikitsugi workflows${opts.reminder ? ' --reminder' : ''}${differ.length ? ' --force to replace yours' : ''}`);
    console.log(`${count(same.length, 'workflow')} up to date`);
    return 0;
  }
  if (differ.length && !opts.force) {
    throw new CliError(
      `${differ.map((f) => f.rel).join(', ')} ${differ.length === 1 ? 'differs' : 'differ'} from this version of hikitsugi's (changed here, or written by an older hikitsugi): nothing written; --force replaces ${differ.length === 1 ? 'it' : 'them'}`,
    );
  }
  const changes = [...missing, ...differ];
  writeFilesAllOrNothing(changes.map((f) => ({ path: f.path, data: f.text, ...(f.current === undefined ? { exclusive: true } : { expected: f.current }) })));
  for (const f of missing) console.log(`wrote ${f.rel}`);
  for (const f of differ) console.log(`replaced ${f.rel}`);
  for (const f of same) console.log(`${f.rel} is up to date`);
  return 0;
});
