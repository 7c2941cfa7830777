/** Reading alert rules: Prometheus rule files, PrometheusRule resources and Terraform alert policies. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTypeScript } from '../support/cli.ts';
import { REPO } from '../support/build.ts';
import { parsePrometheusRules, RuleFileError } from '../../src/lib/alerts/rules.ts';
import { parseTerraformPolicies } from '../../src/lib/alerts/terraform.ts';

const thrown = (f: () => unknown): RuleFileError => {
  try {
    f();
  } catch (e) {
    return e as RuleFileError;
  }
  throw new Error('expected an error');
};
const rejected = async (p: Promise<unknown>): Promise<RuleFileError> => p.then(() => Promise.reject(new Error('expected an error')), (e) => e as RuleFileError);

describe('Prometheus rule files', () => {
  it('reads every alerting rule with name, severity, runbook URL and the line of `alert:`', () => {
    const text = `groups:
  - name: api
    rules:
      - record: job:errors:rate5m
        expr: sum(rate(errors[5m]))
      - alert: ApiDown
        expr: up == 0
        labels:
          severity: critical
        annotations:
          runbook_url: https://handbook.example.com/alerts/ApiDown/
      - alert: ApiSlow
        expr: latency > 1
`;
    expect(parsePrometheusRules(text, 'rules/api.yaml')).toEqual([
      { name: 'ApiDown', severity: 'critical', runbookUrl: 'https://handbook.example.com/alerts/ApiDown/', file: 'rules/api.yaml', line: 6, format: 'prometheus' },
      { name: 'ApiSlow', severity: null, runbookUrl: null, file: 'rules/api.yaml', line: 12, format: 'prometheus' },
    ]);
  });

  it('reads several PrometheusRule documents in one file and skips other Kubernetes kinds', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata: { name: monitoring }
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
spec:
  groups:
    - name: a
      rules:
        - alert: A
          labels: { severity: warning }
---
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
spec:
  groups:
    - name: b
      rules:
        - alert: B
---
`;
    const rules = parsePrometheusRules(text, 'k8s.yaml');
    expect(rules.map((r) => [r.name, r.line, r.severity, r.format])).toEqual([
      ['A', 11, 'warning', 'prometheus-rule'],
      ['B', 20, null, 'prometheus-rule'],
    ]);
  });

  it('bad YAML fails with the file and line', () => {
    const e = thrown(() => parsePrometheusRules('groups:\n  - name: a\n    rules:\n      - alert: A: B\n', 'bad.yaml'));
    expect(e).toBeInstanceOf(RuleFileError);
    expect(e.message).toBe('bad.yaml:4: not valid YAML: Nested mappings are not allowed in compact mappings');
    // A broken later document of a multi-document file names its own line.
    const second = thrown(() => parsePrometheusRules('kind: PrometheusRule\nspec:\n  groups: []\n---\nkind: PrometheusRule\nspec:\n  groups:\n  - name: b\n    rules:\n    - alert: A\n     expr: up\n', 'k.yaml'));
    expect(second.message).toBe('k.yaml:11: not valid YAML: Sequence item without - indicator');
  });

  it('a rule without `alert` (nor `record`) fails with its line', () => {
    const e = thrown(() => parsePrometheusRules('groups:\n  - name: a\n    rules:\n      - alert: Fine\n      - expr: up == 0\n        labels: { severity: page }\n', 'r.yaml'));
    expect(e.message).toBe('r.yaml:5: rule has neither `alert` nor `record`');
  });

  it('an empty `alert` and a file that is not rules fail too', () => {
    expect(thrown(() => parsePrometheusRules('groups:\n- name: a\n  rules:\n  - alert: ""\n', 'e.yaml')).message).toBe('e.yaml:4: `alert` must be a non-empty name');
    expect(thrown(() => parsePrometheusRules('title: a page\n', 'x.yaml')).message).toBe('x.yaml:1: not a Prometheus rule file: no `groups:`');
    expect(thrown(() => parsePrometheusRules('kind: PrometheusRule\nspec: {}\n', 'p.yaml')).message).toMatch(/^p\.yaml:2: PrometheusRule without spec\.groups/);
    expect(thrown(() => parsePrometheusRules('kind: ConfigMap\n', 'c.yaml')).message).toMatch(/^c\.yaml:1: no rule groups/);
  });
});

describe('Terraform alert policies', () => {
  const tf = `variable "env" {}

resource "google_monitoring_notification_channel" "oncall" {
  display_name = "On-call"
  type         = "email"
}

resource "google_monitoring_alert_policy" "db_down" {
  display_name = "CloudSQLInstanceDown"
  combiner     = "OR"
  severity     = "CRITICAL"
  documentation {
    content = "See the runbook."
    links {
      display_name = "Dashboard"
      url          = "https://console.cloud.google.com/monitoring"
    }
    links {
      display_name = "Runbook"
      url          = "https://handbook.example.com/runbooks/cloud-sql-failover/"
    }
  }
}

resource "google_monitoring_alert_policy" "cpu" {
  display_name = "CloudSQLHighCPU"
  combiner     = "OR"
  user_labels  = { severity = "warning" }
  documentation {
    content = "Runbook: https://handbook.example.com/alerts/CloudSQLHighCPU/."
  }
}
`;

  it('reads display_name, severity (own or user label), the runbook link and the resource line', async () => {
    expect(await parseTerraformPolicies(tf, 'tf/monitoring.tf')).toEqual([
      { name: 'CloudSQLInstanceDown', severity: 'critical', runbookUrl: 'https://handbook.example.com/runbooks/cloud-sql-failover/', file: 'tf/monitoring.tf', line: 8, format: 'terraform' },
      { name: 'CloudSQLHighCPU', severity: 'warning', runbookUrl: 'https://handbook.example.com/alerts/CloudSQLHighCPU/', file: 'tf/monitoring.tf', line: 25, format: 'terraform' },
    ]);
  });

  it('bad HCL fails with the file, the line and the parser\'s reason', async () => {
    const e = await rejected(parseTerraformPolicies('resource "google_monitoring_alert_policy" "x" {\n  display_name = "X"\n  combiner = \n}\n', 'bad.tf'));
    expect(e).toBeInstanceOf(RuleFileError);
    expect(e.message).toMatch(/^bad\.tf:3: not valid HCL: Invalid expression/);
    const unclosed = await rejected(parseTerraformPolicies('resource "google_monitoring_alert_policy" "x" {\n  display_name = "X"\n', 'open.tf'));
    expect(unclosed.message).toMatch(/^open\.tf:1: not valid HCL: Unclosed configuration block/);
  });

  it('a policy without display_name fails at its resource line', async () => {
    const e = await rejected(parseTerraformPolicies('\nresource "google_monitoring_alert_policy" "nameless" {\n  combiner = "OR"\n}\n', 'n.tf'));
    expect(e.message).toBe('n.tf:2: google_monitoring_alert_policy.nameless has no display_name (the alert\'s name)');
  });

  it('a file without alert policies has no rules', async () => {
    expect(await parseTerraformPolicies('resource "google_storage_bucket" "b" {\n  name = "b"\n}\n', 'b.tf')).toEqual([]);
  });

  it('loads the HCL parser only when it reads a Terraform file', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hk-tf-lazy-'));
    writeFileSync(join(dir, 'rules.yml'), 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n');
    writeFileSync(join(dir, 'main.tf'), tf);
    // The parser starts Go's WebAssembly runtime as it loads: 0.2 s of every site build's main
    // thread before it was loaded lazily. A fresh process, so that no other test has loaded it.
    const script = join(dir, 'read.mts');
    writeFileSync(
      script,
      `import { createRequire } from 'node:module';
import { readRuleFile } from ${JSON.stringify(join(REPO, 'src/io/alerts/read-rules.ts'))};
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((m) => m.includes('hcl2json'));
const yaml = await readRuleFile(${JSON.stringify(join(dir, 'rules.yml'))}, 'rules.yml');
const before = loaded();
const terraform = await readRuleFile(${JSON.stringify(join(dir, 'main.tf'))}, 'main.tf');
console.log(JSON.stringify({ yaml: yaml.map((r) => r.name), before, terraform: terraform.map((r) => r.name), after: loaded() }));
`,
    );
    const r = await runTypeScript(relative(REPO, script), []);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ yaml: ['ApiDown'], before: false, terraform: ['CloudSQLInstanceDown', 'CloudSQLHighCPU'], after: true });
  });
});
