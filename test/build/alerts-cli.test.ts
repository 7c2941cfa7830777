/**
 * `npm run alerts` as a user runs it: the sample content's own rules pass --strict, broken rule
 * files fail with file:line (and fail the site build the same way), usage mistakes exit 2.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAstro } from '../support/build.ts';
import { runScript } from '../support/cli.ts';
import { makeContentDir } from '../support/content-fixture.ts';

function ruleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hk-rules-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const GOOD = `groups:
  - name: db
    rules:
      - alert: DbDown
        labels: { severity: critical }
        annotations:
          runbook_url: /runbooks/db-failover/
`;

describe('npm run alerts on the sample content', () => {
  it('every sample alert has a runbook that opens: --strict passes', async () => {
    const r = await runScript('alerts', ['--strict']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^14 alert rules in 3 files: 14 alert names, 6 runbooks$/m);
    expect(r.stdout).toContain('No problems: every alert has a runbook that opens.');
  });

  it('--json has alerts, runbooks and problems, with each rule\'s file:line', async () => {
    const r = await runScript('alerts', ['--json']);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['alerts', 'runbooks', 'problems']);
    expect(json.alerts).toContainEqual({
      name: 'CloudSQLInstanceDown',
      severity: 'critical',
      source: 'content/alerts/terraform/cloud-monitoring.tf:12',
      runbook_url: 'https://handbook.example.com/runbooks/cloud-sql-failover/',
      page: '/runbooks/cloud-sql-failover/',
    });
    expect(json.alerts).toContainEqual(expect.objectContaining({ name: 'GKENodeNotReady', source: 'content/alerts/prometheus/gke-prometheusrule.yaml:27', page: '/runbooks/gke-node-pressure/' }));
    expect(json.alerts).toContainEqual(expect.objectContaining({ name: 'RedashQueueBacklog', source: 'content/alerts/prometheus/redash.yml:5', page: '/runbooks/redash-dashboard-broken/' }));
    expect(json.runbooks).toContainEqual({ page: '/runbooks/cloud-sql-failover/', alerts: ['CloudSQLInstanceDown', 'CloudSQLConnectionErrors', 'CloudSQLHighCPU'] });
    expect(json.problems).toEqual([]);
  });

  it('--help says what it does and exits 0', async () => {
    const r = await runScript('alerts', ['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--map <prefix=path>');
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 strict check failed');
  });
});

describe('broken rule files and wrong usage', () => {
  const content = makeContentDir();
  const env = { CONTENT_DIR: content };

  it.each([
    ['bad YAML', 'bad.yaml', 'groups:\n  - name: a\n    rules:\n      - alert: A: B\n', /bad\.yaml:4: not valid YAML: Nested mappings/],
    ['a rule without alert', 'norule.yaml', 'groups:\n  - name: a\n    rules:\n      - expr: up == 0\n', /norule\.yaml:4: rule has neither `alert` nor `record`/],
    ['a PrometheusRule document that is broken', 'k8s.yaml', 'kind: PrometheusRule\nspec:\n  groups:\n  - name: a\n    rules:\n    - alert: A\n---\nkind: PrometheusRule\nspec:\n  groups: {\n', /k8s\.yaml:\d+: not valid YAML: /],
    ['bad HCL', 'main.tf', 'resource "google_monitoring_alert_policy" "p" {\n  display_name = "P"\n  conditions {\n    display_name = \n  }\n}\n', /main\.tf:4: not valid HCL: Invalid expression/],
  ])('%s: exit 1 with file:line', async (_, name, text, message) => {
    const dir = ruleDir({ 'ok.yaml': GOOD, [name]: text });
    const r = await runScript('alerts', ['--rules', dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: .*${message.source}`));
    expect(r.stdout).toBe('');
  });

  it('rules come from the content folder\'s alerts/ (config alerts.rules) when --rules is not given', async () => {
    const dir = makeContentDir({ 'alerts/db.yaml': GOOD, 'runbooks/db-failover.mdx': null, 'runbooks/db.mdx': '---\ntitle: DB\nservice: db\nseverity: critical\nalerts: [DbDown]\nowners: [aoki]\nreviewed: 2026-10-01\n---\n\n## 概要\n' });
    const r = await runScript('alerts', ['--json'], { env: { CONTENT_DIR: dir } });
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.alerts).toEqual([{ name: 'DbDown', severity: 'critical', source: expect.stringMatching(/alerts\/db\.yaml:4$/), runbook_url: '/runbooks/db-failover/', page: '/runbooks/db/' }]);
    expect(json.problems).toEqual([expect.objectContaining({ kind: 'broken-url', alert: 'DbDown' })]);
    const strict = await runScript('alerts', ['--strict', '--max-broken', '1'], { env: { CONTENT_DIR: dir } });
    expect(strict.code, strict.stderr).toBe(0);
  });

  it('no rule files in the content folder: says nothing was checked instead of "no problems"', async () => {
    const r = await runScript('alerts', [], { env: { CONTENT_DIR: makeContentDir() } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 alert rules in 0 files/);
    expect(r.stdout).toContain('No alert rule files, so nothing was checked: put Prometheus rules (.yaml) or Terraform alert policies (.tf) where config alerts.rules points (content/alerts/ by default), or pass --rules.');
    expect(r.stdout).not.toContain('No problems');
  });

  it('a --rules path that matches nothing fails; a malformed --map is wrong usage', async () => {
    const none = await runScript('alerts', ['--rules', 'no/such/*.yaml'], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^error: no alert rule files match no\/such\/\*\.yaml/);
    const map = await runScript('alerts', ['--map', '/runbooks/'], { env });
    expect(map.code).toBe(2);
    expect(map.stderr).toMatch(/expected <url prefix>=<site path>/);
  });

  it('a rule file that does not parse stops the site build, naming file and line', async () => {
    const dir = makeContentDir({ 'alerts/policies.tf': 'resource "google_monitoring_alert_policy" "p" {\n  display_name = "P"\n' });
    const built = await runAstro({ contentDir: dir });
    expect(built.code).not.toBe(0);
    expect(built.output).toMatch(/alerts\/policies\.tf:1: not valid HCL: Unclosed configuration block/);
  });
});
