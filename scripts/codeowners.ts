/**
 * npm run codeowners -- [--check] [--stdout]: writes CODEOWNERS from the pages' owners and the
 * roster's GitHub handles, so that a pull request touching a page asks its owners for review.
 * --check (for CI) exits 1 when the committed file is not what the content says.
 */
import { cliSettings, cliToday } from '../src/cli/settings.ts';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Command } from 'commander';
import { runCli, CliError } from '../src/cli/run.ts';
import { loadContentOrFail } from '../src/cli/content.ts';
import { parseArgs } from '../src/cli/args.ts';
import { writeFileAtomic } from '../src/io/atomic-write.ts';
import { buildCodeowners } from '../src/lib/codeowners/codeowners.ts';
import { CODEOWNERS_PATHS } from '../src/lib/codeowners/settings.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();
const today = () => cliToday(settings);

const posix = (p: string) => p.split(sep).join('/');

runCli(async () => {
  const program = new Command('codeowners')
    .description("Write CODEOWNERS from the pages' owners and the github handles in team.yaml (one line per folder whose pages share owners, else per page).")
    .option('--check', 'write nothing; exit 1 when the file is missing or out of date (for CI)')
    .option('--stdout', 'print the file instead of writing it')
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi codeowners          # (re)writes .github/CODEOWNERS
  npx hikitsugi codeowners --check  # CI: fail when someone changed owners but not CODEOWNERS
  npx hikitsugi codeowners --stdout | less

Run it from the repository root. The file's place (.github/CODEOWNERS, CODEOWNERS or
docs/CODEOWNERS) and lines for the rest of the repository are set in hikitsugi.config.mjs
(codeowners.path, codeowners.before). Owners who have left, and owners without a github handle
in team.yaml, are skipped with a warning. Content is read from CONTENT_DIR (default: content/).
Exit codes: 0 ok, 1 out of date (--check) or content invalid, 2 wrong usage.`,
    )
    .exitOverride();
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{ check?: boolean; stdout?: boolean }>();

  const config = settings.codeowners;
  const contentDir = settings.contentDir;
  const root = process.cwd();
  const contentFromRoot = posix(relative(root, resolve(contentDir)));
  if (contentFromRoot.startsWith('..') || isAbsolute(contentFromRoot)) {
    throw new CliError(`${contentDir} is outside the current directory: run npx hikitsugi codeowners from the repository root`);
  }
  const content = loadContentOrFail(contentDir);
  // An invalid page would silently lose its owners' line: refuse, as the build does.
  if (content.problems.length) {
    for (const p of content.problems) console.error(`${p.path}: ${p.message}`);
    throw new CliError(`${count(content.problems.length, 'invalid page')}: fix them (npx hikitsugi lint) before writing CODEOWNERS`);
  }

  const result = buildCodeowners({
    pages: content.pages.map((p) => ({ path: posix(relative(root, resolve(p.path))), owners: p.data.owners })),
    roster: content.roster,
    today: today(),
    contentDir: contentFromRoot,
    rosterPath: posix(join(contentFromRoot, 'team.yaml')),
    before: config.before,
  });
  for (const w of result.warnings) console.error(`warning: ${w}`);

  // GitHub reads the first of the three places it finds: a file earlier in that order hides ours.
  const earlier = CODEOWNERS_PATHS.slice(0, CODEOWNERS_PATHS.indexOf(config.path)).filter((p) => existsSync(join(root, p)));
  for (const p of earlier) console.error(`warning: ${p} exists, and GitHub reads it instead of ${config.path}: remove it or set codeowners.path`);

  if (opts.stdout) {
    process.stdout.write(result.text);
    return 0;
  }
  const target = join(root, config.path);
  const current = existsSync(target) ? readFileSync(target, 'utf8') : null;
  if (opts.check) {
    if (current === null) throw new CliError(`${config.path} does not exist: run npx hikitsugi codeowners and commit it`);
    if (current !== result.text) {
      throw new CliError(`${config.path} is out of date with the pages' owners: run npx hikitsugi codeowners and commit it`);
    }
    console.log(`${config.path} is up to date (${count(result.rules.length, 'rule')})`);
    return 0;
  }
  if (current === result.text) {
    console.log(`${config.path} is up to date (${count(result.rules.length, 'rule')})`);
    return 0;
  }
  writeFileAtomic(target, result.text);
  console.log(`wrote ${config.path} (${count(result.rules.length, 'rule')})`);
  return 0;
});
