/**
 * npm run lint:content [-- files...] [--fix]: checks the content for structure, secrets,
 * broken links and anchors, heading order and Markdown style, and prints
 * `file:line:column  message  rule-id`. Exits 1 when there are errors.
 */
import { Command, Option } from 'commander';
import { cliSettings } from '../src/cli/settings.ts';
import { runCli, UsageError } from '../src/cli/run.ts';
import { parseArgs } from '../src/cli/args.ts';
import { lintContent } from '../src/io/lint-content.ts';
import type { LintConfig } from '../src/lib/lint/config.ts';
import { formatGithub, formatText } from '../src/lib/lint/report.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();

const program = new Command('npm run lint:content --')
  .description('Lint the content: required sections, secrets, links and anchors, headings, Markdown style.')
  .argument('[files...]', 'only these files (default: every .md/.mdx file in the content folder and the onboarding paths)')
  .option('--fix', 'fix what can be fixed safely in place (see docs/lint-and-adopt.md), then report the rest')
  .addOption(new Option('--format <format>', 'text, github (workflow annotations) or json').choices(['text', 'github', 'json']).default('text'))
  .option('--quiet', 'show errors only')
  .option('--max-warnings <n>', 'also fail when there are more than n warnings', (v) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings ${v}: expected a number`);
    return Number(v);
  })
  .option('--content-dir <dir>', 'content folder', settings.contentDir)
  .addHelpText(
    'after',
    `
Examples:
  npx hikitsugi lint
  npx hikitsugi lint content/runbooks/cloud-sql-failover.mdx
  npx hikitsugi lint --fix
  npx hikitsugi lint --format github --max-warnings 0  # in a CI workflow

Exit codes: 0 no errors, 1 errors (or more warnings than --max-warnings), 2 wrong usage.
Silence a rule for one spot: <!-- lint ignore rule-id --> (.md) or {/* lint ignore rule-id */} (.mdx).
Documented fake credential: put "hikitsugi-allow-secret: <reason>" on the line before it.`,
  );

interface Options {
  fix?: boolean;
  format: 'text' | 'github' | 'json';
  quiet?: boolean;
  maxWarnings?: number;
  contentDir: string;
}

async function main(): Promise<number> {
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<Options>();
  const started = performance.now();
  const result = await lintContent({
    contentDir: opts.contentDir,
    config: settings.lint,
    locales: settings.ui,
    files: program.args.length ? program.args : undefined,
    base: settings.base,
    fix: opts.fix,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const errors = result.messages.filter((m) => m.severity === 'error');
  const warnings = result.messages.filter((m) => m.severity === 'warning');
  const shown = opts.quiet ? errors : result.messages;

  if (opts.format === 'json') {
    console.log(JSON.stringify({ files: result.files, fixed: result.fixed, errors: errors.length, warnings: warnings.length, messages: shown }, null, 2));
  } else if (opts.format === 'github') {
    for (const m of shown) console.log(formatGithub(m));
  } else {
    for (const m of shown) console.log(formatText(m));
  }

  const fixedNote = opts.fix ? `, ${count(result.fixed, 'problem')} fixed` : '';
  if (opts.format !== 'json') {
    console.error(
      errors.length || warnings.length
        ? `${count(errors.length, 'error')}, ${count(warnings.length, 'warning')} in ${count(result.files, 'file')}${fixedNote} (${seconds} s)`
        : `${count(result.files, 'file')}: no problems${fixedNote} (${seconds} s)`,
    );
  }
  if (errors.length) return 1;
  if (opts.maxWarnings !== undefined && warnings.length > opts.maxWarnings) {
    console.error(`more than ${count(opts.maxWarnings, 'warning')} allowed (--max-warnings)`);
    return 1;
  }
  return 0;
}

await runCli(main);
