/**
 * npm run alerts -- [--rules <glob>] [--map <prefix>=<path>] [--json] [--strict]: alert rules and
 * runbooks checked against each other, for the terminal, for scripts and as a CI gate.
 */
import { cliSettings } from '../src/cli/settings.ts';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { runCli, CliError } from '../src/cli/run.ts';
import { loadContentOrFail } from '../src/cli/content.ts';
import { countArg, parseArgs } from '../src/cli/args.ts';
import { readAlertRules } from '../src/io/alerts/read-rules.ts';
import { parseMapArg } from '../src/lib/alerts/settings.ts';
import { buildAlertReport, reportJson, runbookInfo, runbookPath, strictFailures } from '../src/lib/alerts/match.ts';
import { renderAlertReport } from '../src/lib/alerts/text-report.ts';
import type { RunbookData } from '../src/lib/content/schema.ts';
import { count } from '../src/lib/text/count.ts';

const settings = await cliSettings();

const collect = (value: string, previous: string[]) => [...previous, value];
const mapArg = (value: string, previous: [string, string][]) => {
  try {
    return [...previous, parseMapArg(value)];
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
};

runCli(async () => {
  const program = new Command('alerts')
    .description('Check alert rules and runbooks against each other: alerts without a runbook, runbook URLs that lead nowhere, runbooks no alert points to, severities that disagree.')
    .option('--rules <path>', 'rule file, folder or glob, relative to the current folder (repeatable; default: config alerts.rules, relative to the content folder)', collect, [])
    .option('--map <prefix=path>', 'runbook URLs under <prefix> are pages of this site under <path> (repeatable; adds to config alerts.urlMap)', mapArg, [])
    .option('--ignore-case', 'compare URL paths ignoring case, as for Hugo sites (config: alerts.caseInsensitivePaths)')
    .option('--json', 'print { alerts, runbooks, problems } as JSON (for scripts)')
    .option('--strict', 'exit 1 when problems exceed the thresholds (for CI)')
    .option('--max-missing <n>', 'with --strict: alerts without a runbook allowed (config: alerts.strict.maxMissing)', countArg)
    .option('--max-broken <n>', 'with --strict: alerts whose runbook_url leads nowhere allowed (config: alerts.strict.maxBroken)', countArg)
    .option('--max-stale <n>', 'with --strict: runbooks no alert points to allowed (config: alerts.strict.maxStale)', countArg)
    .option('--max-unknown <n>', 'with --strict: names in runbooks\' alerts: that no rule defines allowed (config: alerts.strict.maxUnknown)', countArg)
    .option('--max-severity <n>', 'with --strict: severity mismatches allowed (config: alerts.strict.maxSeverity)', countArg)
    .addHelpText(
      'after',
      `
Examples:
  npx hikitsugi alerts           # the rules in content/alerts/ against content/runbooks/
  npx hikitsugi alerts --strict  # CI: exit 1 on any problem
  npx hikitsugi alerts --rules 'monitoring/**/*.yaml' --rules terraform/alerts.tf
  npx hikitsugi alerts --rules ../kube-prometheus/manifests --map https://runbooks.prometheus-operator.dev/runbooks/=/runbooks/
  npx hikitsugi alerts --json | jq '.problems[] | select(.kind == "no-runbook") | .alert'

Rule files: Prometheus rule files and Kubernetes PrometheusRule resources (.yml, .yaml), and
Google Cloud Monitoring alert policies in Terraform (.tf). Content is read from CONTENT_DIR
(default: content/). Severity labels map to runbook severities by alerts.severityMap
(critical→critical, error→high, warning→medium, info→low, none→low).
Exit codes: 0 ok, 1 strict check failed, a rule file or the content is invalid, 2 wrong usage.`,
    )
    .showHelpAfterError();
  if (!(await parseArgs(program))) return 0;
  const opts = program.opts<{
    rules: string[];
    map: [string, string][];
    ignoreCase?: boolean;
    json?: boolean;
    strict?: boolean;
    maxMissing?: number;
    maxBroken?: number;
    maxStale?: number;
    maxUnknown?: number;
    maxSeverity?: number;
  }>();

  const config = settings.alerts;
  const contentDir = settings.contentDir;
  const content = loadContentOrFail(contentDir);
  const invalid = content.problems.filter((p) => p.path.includes('runbooks'));
  for (const p of invalid) console.error(`warning: ${p.path}: ${p.message} (runbook left out)`);

  const fromFlags = opts.rules.length > 0;
  let read;
  try {
    read = await readAlertRules(fromFlags ? opts.rules : config.rules, {
      cwd: fromFlags ? process.cwd() : resolve(contentDir),
      optional: fromFlags ? undefined : new Set(['alerts']),
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }

  const runbooks = content.pages.filter((p) => p.kind === 'runbooks');
  const report = buildAlertReport(
    read.rules,
    runbooks.map((p) => runbookInfo(p.id, p.data as RunbookData)),
    {
      site: settings.site,
      base: settings.base,
      urlMap: { ...config.urlMap, ...Object.fromEntries(opts.map) },
      caseInsensitivePaths: opts.ignoreCase ?? config.caseInsensitivePaths,
      severityMap: config.severityMap,
    },
  );
  const fileOf = new Map(runbooks.map((p) => [runbookPath(p.id), p.path]));
  process.stdout.write(opts.json ? `${JSON.stringify(reportJson(report), null, 2)}\n` : renderAlertReport(report, read.files.length, (page) => fileOf.get(page)));

  if (opts.strict) {
    const failures = strictFailures(report, {
      maxMissing: opts.maxMissing ?? config.strict.maxMissing,
      maxBroken: opts.maxBroken ?? config.strict.maxBroken,
      maxStale: opts.maxStale ?? config.strict.maxStale,
      maxUnknown: opts.maxUnknown ?? config.strict.maxUnknown,
      maxSeverity: opts.maxSeverity ?? config.strict.maxSeverity,
    });
    if (invalid.length) failures.push(count(invalid.length, 'invalid runbook'));
    if (failures.length) throw new CliError(`--strict: ${failures.join('; ')}`);
  }
  return 0;
});
