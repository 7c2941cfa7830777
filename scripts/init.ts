/**
 * hikitsugi init <dir> [--lang ja|en] [--sample] [--reminder]: writes a new handbook that builds, lints and
 * passes its checks unchanged. Content, config and roster are the team's; the product comes
 * from the hikitsugi package, so upgrading it is `npm update hikitsugi`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { runCli, CliError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { writeFolderAtomic } from '../src/io/atomic-write.ts';
import { todayIn } from '../src/lib/content/dates.ts';
import { STARTER_TIME_ZONE, starterFiles, type FileSet, type StarterLang } from '../src/lib/scaffold/starter.ts';

const PACKAGE_ROOT = resolve(import.meta.dirname, '..');

const program = new Command('hikitsugi init')
  .description('Start a new handbook in an empty folder: config, a team roster, a guideline chapter, a runbook, an onboarding path and a CI workflow.')
  .argument('<dir>', 'folder to create (must not exist, or be empty)')
  .addOption(new Option('--lang <lang>', 'language of the starter pages').choices(['ja', 'en']).default('ja'))
  .option('--sample', "copy hikitsugi's full sample handbook (a platform team's guideline, runbooks, retros) instead of the starter pages")
  .option('--reminder', 'also write .github/workflows/knowledge-reminder.yml: every Monday, one GitHub issue lists the pages due for review and @-mentions their owners')
  .addHelpText(
    'after',
    `
Examples:
  npx hikitsugi init handbook
  npx hikitsugi init handbook --lang en
  npx hikitsugi init demo --sample
  npx hikitsugi init handbook --reminder   # with the weekly review reminder issue

Then: cd <dir> && npm install, and npm start to see it at http://localhost:4321/.
Exit codes: 0 written, 1 failed (nothing written), 2 wrong usage.`,
  );

runCli(async () => {
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{ lang: StarterLang; sample?: boolean; reminder?: boolean }>();
  const target = resolve(program.args[0]);
  const rel = relative(process.cwd(), target);
  const shown = rel === '' ? '.' : rel.startsWith('..') ? target : rel;
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new CliError(`${shown} is not empty; init writes only into a new or empty folder`);
  }
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
  const files = starterFiles({
    name: packageName(basename(target)),
    lang: opts.lang,
    today: todayIn(STARTER_TIME_ZONE[opts.lang]),
    versions: { hikitsugi: `^${pkg.version}`, astro: pkg.peerDependencies.astro },
    reminder: opts.reminder,
  });
  // Starlight's pages ask for /favicon.svg.
  files['public/favicon.svg'] = readFileSync(join(PACKAGE_ROOT, 'public/favicon.svg'), 'utf8');
  if (opts.sample) Object.assign(replaceContent(files), sampleFiles());
  try {
    writeFolderAtomic(target, files);
  } catch (e) {
    throw new CliError(`cannot write ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  console.log(`created ${shown}/ (${Object.keys(files).length} files${opts.sample ? ', the sample handbook' : ''})`);
  console.log('\nNext:');
  console.log(`  cd ${shown} && npm install`);
  console.log('  npm start');
  return 0;
});

/** npm names: lowercase, no spaces. */
function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-._]+|-+$/g, '');
  return name || 'handbook';
}

/** The starter without its content and config, to be replaced by the sample's. */
function replaceContent(files: FileSet): FileSet {
  for (const path of Object.keys(files)) if (path.startsWith('content/') || path === 'hikitsugi.config.mjs') delete files[path];
  return files;
}

/** This package's own handbook: content/ and its config, as files. */
function sampleFiles(): FileSet {
  const out: FileSet = {};
  for (const entry of readdirSync(join(PACKAGE_ROOT, 'content'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(PACKAGE_ROOT, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  out['hikitsugi.config.mjs'] = readFileSync(join(PACKAGE_ROOT, 'hikitsugi.config.mjs'), 'utf8');
  return out;
}
