/**
 * The acceptance check of alert coverage on real material: the prometheus-operator runbooks
 * (shared/corpus) adopted with `adopt --rules`, and the kube-prometheus rules read with the
 * upstream runbook site mapped onto this one. The expected numbers were counted by hand on the
 * files with grep, not with this code:
 *
 *   cd shared/corpus
 *   grep -h -- '- alert:' kube-prometheus-rules/*.yaml | wc -l                              # 139 rules
 *   grep -h -- '- alert:' kube-prometheus-rules/*.yaml | awk '{print $3}' | sort -u | wc -l  # 125 names
 *   (cd prometheus-operator-runbooks/content/runbooks && find . -name '*.md' ! -name _index.md \
 *     | sed 's#^\./##; s#\.md$##' | tr A-Z a-z | sort -u) > rb.txt                         # 108 runbooks
 *   grep -h runbook_url: kube-prometheus-rules/*.yaml | awk '{print $2}' \
 *     | sed 's#https://runbooks.prometheus-operator.dev/runbooks/##' | sort -u > urls.txt    # 125 URLs, one per name
 *   comm -12 rb.txt urls.txt | wc -l   # 99 names whose URL opens an adopted runbook
 *   comm -13 rb.txt urls.txt | wc -l   # 26 URLs to no runbook (e.g. kubernetes/kubenodepressure)
 *   comm -23 rb.txt urls.txt | wc -l   # 9 runbooks no rule points to (7 etcd, kubejobcompletion, kubeproxydown)
 *
 * The test copies the corpus to a temporary folder; it skips, saying so, when the corpus is absent.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/build.ts';
import { runScript, type CliResult } from '../support/cli.ts';
import { makeContentDir } from '../support/content-fixture.ts';

function corpus(name: string): string | undefined {
  return ['../shared', '../../shared'].map((p) => resolve(REPO, p, 'corpus', name)).find((c) => existsSync(c));
}
const runbooksCorpus = corpus('prometheus-operator-runbooks');
const rulesCorpus = corpus('kube-prometheus-rules');
const absent = !runbooksCorpus || !rulesCorpus;
if (absent) console.warn('alerts-corpus: SKIPPED: shared/corpus/prometheus-operator-runbooks or kube-prometheus-rules is not beside the repository');

const MAP = 'https://runbooks.prometheus-operator.dev/runbooks/=/runbooks/';

interface Json {
  alerts: { name: string; severity: string | null; source: string; runbook_url: string | null; page: string | null }[];
  runbooks: { page: string; alerts: string[] }[];
  problems: { kind: string; alert?: string; page?: string; source?: string; message: string }[];
}

describe.skipIf(absent)('kube-prometheus rules against the adopted prometheus-operator runbooks', () => {
  let contentDir: string;
  let rulesDir: string;
  let adopt: CliResult;
  let report: Json;
  const names = (kind: string) => report.problems.filter((p) => p.kind === kind).map((p) => p.alert ?? p.page);

  beforeAll(async () => {
    const copy = mkdtempSync(join(tmpdir(), 'hk-alerts-corpus-'));
    cpSync(runbooksCorpus!, join(copy, 'runbooks'), { recursive: true });
    cpSync(rulesCorpus!, join(copy, 'rules'), { recursive: true });
    rulesDir = join(copy, 'rules');
    contentDir = makeContentDir();
    adopt = await runScript('adopt', [join(copy, 'runbooks/content/runbooks'), '--kind', 'runbook', '--content-dir', contentDir, '--rules', rulesDir]);
    expect(adopt.code, adopt.stderr).toBe(0);
    const r = await runScript('alerts', ['--json', '--rules', rulesDir, '--map', MAP], { env: { CONTENT_DIR: contentDir } });
    expect(r.code, r.stderr).toBe(0);
    report = JSON.parse(r.stdout) as Json;
  }, 180_000);

  it('reads all 139 rules of the 8 PrometheusRule files, 125 alert names, each with file:line', () => {
    expect(report.alerts).toHaveLength(139);
    expect(new Set(report.alerts.map((a) => a.name)).size).toBe(125);
    const reload = report.alerts.find((a) => a.name === 'AlertmanagerFailedReload')!;
    expect(reload).toMatchObject({ severity: 'critical', page: '/runbooks/alertmanager/alertmanagerfailedreload/' });
    expect(reload.source).toMatch(/rules\/alertmanager-prometheusRule\.yaml:18$/);
    expect(readFileSync(join(rulesDir, 'alertmanager-prometheusRule.yaml'), 'utf8').split('\n')[17]).toContain('- alert: AlertmanagerFailedReload');
  });

  it('99 alert names have a runbook that opens', () => {
    const covered = new Set(report.alerts.filter((a) => a.page).map((a) => a.name));
    expect(covered.size).toBe(99);
    for (const name of ['AlertmanagerFailedReload', 'KubePodCrashLooping', 'NodeRAIDDegraded', 'PrometheusOperatorSyncFailed', 'Watchdog']) expect(covered).toContain(name);
    // Multi-severity alerts are one name with several rules, all to the same runbook.
    expect(report.alerts.filter((a) => a.name === 'KubeAPIErrorBudgetBurn').map((a) => a.page)).toEqual(Array(4).fill('/runbooks/kubernetes/kubeapierrorbudgetburn/'));
  });

  it('26 alert names have no runbook, and their runbook_url leads nowhere', () => {
    const missing = names('no-runbook');
    expect(missing).toHaveLength(26);
    expect(missing).toEqual(expect.arrayContaining(['KubeNodePressure', 'NodeCPUHighUsage', 'GrafanaRequestsFailing', 'PrometheusOperatorStatusUpdateErrors', 'KubeJobNotCompleted']));
    expect(new Set(names('broken-url'))).toEqual(new Set(missing));
    expect(report.problems.find((p) => p.kind === 'broken-url' && p.alert === 'KubeNodePressure')!.message).toContain('/runbooks/kubernetes/kubenodepressure/ is not a runbook of this site');
  });

  it('9 runbooks no alert points to: the etcd ones, and KubeJobCompletion (renamed KubeJobNotCompleted)', () => {
    const stale = names('stale');
    expect(stale).toHaveLength(9);
    expect(stale).toEqual(expect.arrayContaining(['/runbooks/etcd/etcdnoleader/', '/runbooks/etcd/etcdmembersdown/', '/runbooks/kubernetes/kubejobcompletion/', '/runbooks/kubernetes/kubeproxydown/']));
    expect(report.runbooks).toHaveLength(108 + 1); // and the fixture's own db-failover runbook, which lists no alerts
  });

  it('adopt --rules filled severity from the rules, so nothing disagrees', () => {
    expect(adopt.stdout).toMatch(/^alert rules: 139 read from 8 files; alerts and severity filled on 99 runbooks$/m);
    expect(adopt.stdout).toMatch(/^ {2}26 alerts match no adopted runbook: AlertmanagerClusterFailedPeers, /m);
    expect(adopt.stdout).toMatch(/no alert rule points to this runbook: check `alerts:` .* \(9 pages: /);
    expect(adopt.stdout).toMatch(/severity set to "medium" by default: set the real one \(9 pages/);
    expect(names('severity')).toEqual([]);
    const page = readFileSync(join(contentDir, 'runbooks/alertmanager/AlertmanagerFailedReload.md'), 'utf8');
    expect(page).toMatch(/\nseverity: critical\nalerts:\n {2}- AlertmanagerFailedReload\n/);
    // warning → medium, info → low, by the documented map.
    expect(readFileSync(join(contentDir, 'runbooks/general/InfoInhibitor.md'), 'utf8')).toMatch(/\nseverity: low\n/);
    expect(readFileSync(join(contentDir, 'runbooks/node/NodeClockNotSynchronising.md'), 'utf8')).toMatch(/\nseverity: medium\n/);
  });

  it('without the mapping the upstream URLs are not this site: names still match, no URL is judged', async () => {
    const r = await runScript('alerts', ['--json', '--rules', rulesDir], { env: { CONTENT_DIR: contentDir } });
    const json = JSON.parse(r.stdout) as Json;
    expect(new Set(json.alerts.filter((a) => a.page).map((a) => a.name)).size).toBe(99);
    expect(json.problems.filter((p) => p.kind === 'broken-url')).toEqual([]);
  });

  it('--strict fails with the counts', async () => {
    const r = await runScript('alerts', ['--strict', '--rules', rulesDir, '--map', MAP], { env: { CONTENT_DIR: contentDir } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/139 alert rules in 8 files: 125 alert names, 109 runbooks/);
    expect(r.stdout).toMatch(/covered 99 · without a runbook 26 · runbook_url leads nowhere 26 · runbooks no alert points to 9/);
    expect(r.stderr).toContain('error: --strict: 26 alerts without a runbook (allowed 0); 26 alerts whose runbook_url leads nowhere (allowed 0); 9 runbooks no alert points to (allowed 0)');
  });
});
