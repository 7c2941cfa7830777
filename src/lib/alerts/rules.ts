/**
 * Alert rules as hikitsugi sees them, whatever file they came from: a name, a severity label, a
 * runbook URL and where the rule is written. Prometheus rule files and Kubernetes PrometheusRule
 * resources are read here (pure: text in, rules out); Terraform alert policies in terraform.ts.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, isScalar, type Document, type Node, type YAMLMap } from 'yaml';

export type RuleFormat = 'prometheus' | 'prometheus-rule' | 'terraform';

export interface AlertRule {
  /** `alert:` of a Prometheus rule, `display_name` of a Cloud Monitoring policy. Case-sensitive. */
  name: string;
  /** The rule's severity label as written (`warning`), or null. */
  severity: string | null;
  runbookUrl: string | null;
  /** File as given to the reader (relative to the current directory when inside it). */
  file: string;
  /** 1-based line of the rule (its `alert:` key, or the `resource` block). */
  line: number;
  format: RuleFormat;
}

/** A rule file that cannot be read as rules; the message starts with `file:line:`. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

const lineOf = (counter: LineCounter, node: Node | null | undefined, fallback = 1) =>
  node?.range ? counter.linePos(node.range[0]).line : fallback;

function get(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  return (pair?.value ?? undefined) as Node | undefined;
}

function stringAt(map: YAMLMap | undefined, key: string): string | null {
  if (!map) return null;
  const v = get(map, key);
  return isScalar(v) && v.value !== null && v.value !== undefined ? String(v.value) : null;
}

/**
 * Every alerting rule in a YAML file: a Prometheus rule file (`groups[].rules[]`), or one or more
 * Kubernetes `PrometheusRule` documents (`spec.groups[].rules[]`). Recording rules are skipped; a
 * rule with neither `alert` nor `record`, bad YAML or a file with no rule groups throws a
 * RuleFileError naming the line.
 */
export function parsePrometheusRules(text: string, file: string): AlertRule[] {
  const counter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: counter, prettyErrors: false });
  const list: Document[] = Array.isArray(docs) ? docs : [docs as unknown as Document];
  const rules: AlertRule[] = [];
  let groupsSeen = 0;
  for (const doc of list) {
    const error = doc.errors[0];
    if (error) {
      const line = counter.linePos(error.pos[0]).line;
      throw new RuleFileError(file, line, `not valid YAML: ${error.message.split('\n')[0]}`);
    }
    const root = doc.contents;
    if (root === null || (isScalar(root) && root.value === null)) continue; // an empty document (`---` at the end)
    if (!isMap(root)) throw new RuleFileError(file, lineOf(counter, root), 'expected a rule file (groups:) or a PrometheusRule resource');
    const kind = stringAt(root, 'kind');
    let holder: YAMLMap = root;
    let format: RuleFormat = 'prometheus';
    if (kind !== null) {
      // A Kubernetes manifest: only PrometheusRule resources hold rules; others (a Namespace beside it) are not ours.
      if (kind !== 'PrometheusRule') continue;
      const spec = get(root, 'spec');
      if (!isMap(spec)) throw new RuleFileError(file, lineOf(counter, root), 'PrometheusRule without spec');
      holder = spec;
      format = 'prometheus-rule';
    }
    const groups = get(holder, 'groups');
    if (groups === undefined) {
      if (kind === null) throw new RuleFileError(file, lineOf(counter, root), 'not a Prometheus rule file: no `groups:`');
      throw new RuleFileError(file, lineOf(counter, holder), 'PrometheusRule without spec.groups');
    }
    if (!isSeq(groups)) throw new RuleFileError(file, lineOf(counter, groups), '`groups` must be a list');
    groupsSeen++;
    for (const group of groups.items) {
      if (!isMap(group)) throw new RuleFileError(file, lineOf(counter, group as Node), 'a rule group must be a map with name and rules');
      const ruleList = get(group, 'rules');
      if (ruleList === undefined || (isScalar(ruleList) && ruleList.value === null)) continue;
      if (!isSeq(ruleList)) throw new RuleFileError(file, lineOf(counter, ruleList), '`rules` must be a list');
      for (const rule of ruleList.items) {
        if (!isMap(rule)) throw new RuleFileError(file, lineOf(counter, rule as Node), 'a rule must be a map with `alert` or `record`');
        const alertNode = get(rule, 'alert');
        if (alertNode === undefined) {
          if (get(rule, 'record') !== undefined) continue;
          throw new RuleFileError(file, lineOf(counter, rule), 'rule has neither `alert` nor `record`');
        }
        const name = isScalar(alertNode) && typeof alertNode.value === 'string' ? alertNode.value.trim() : '';
        if (!name) throw new RuleFileError(file, lineOf(counter, alertNode), '`alert` must be a non-empty name');
        const labels = get(rule, 'labels');
        const annotations = get(rule, 'annotations');
        rules.push({
          name,
          severity: stringAt(isMap(labels) ? labels : undefined, 'severity'),
          runbookUrl: stringAt(isMap(annotations) ? annotations : undefined, 'runbook_url')?.trim() || null,
          file,
          line: lineOf(counter, alertNode),
          format,
        });
      }
    }
  }
  if (groupsSeen === 0) throw new RuleFileError(file, 1, 'no rule groups: neither a Prometheus rule file (groups:) nor a PrometheusRule resource');
  return rules;
}
