/**
 * Reads alert rule files: paths, folders (every .yml/.yaml/.tf inside) and globs. A file that
 * does not parse throws a RuleFileError (`file:line: why`); a pattern that matches nothing throws.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { parsePrometheusRules, RuleFileError, type AlertRule } from '../../lib/alerts/rules.ts';
import { parseTerraformPolicies } from '../../lib/alerts/terraform.ts';

export const RULE_FILE = /\.(ya?ml|tf)$/i;

export interface ReadRulesOptions {
  /** Folder relative patterns are resolved against. */
  cwd: string;
  /** How a file is named in messages and `source` (default: relative to the current directory when inside it). */
  display?: (absolute: string) => string;
  /** Patterns that may match nothing (the default rules folder before a team has one). */
  optional?: ReadonlySet<string>;
}

export const shownPath = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
};

/** The rule files the patterns name, sorted, each once. */
export function ruleFiles(patterns: string[], options: ReadRulesOptions): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const full = resolve(options.cwd, pattern);
    let found: string[];
    if (existsSync(full) && statSync(full).isDirectory()) {
      found = globSync('**/*.{yml,yaml,tf}', { cwd: full, absolute: true, caseSensitiveMatch: false });
    } else if (existsSync(full)) {
      found = [full];
    } else {
      found = globSync(pattern, { cwd: options.cwd, absolute: true }).filter((f) => RULE_FILE.test(f));
    }
    if (found.length === 0 && !options.optional?.has(pattern)) {
      throw new Error(`no alert rule files match ${pattern} (looked in ${shownPath(options.cwd)})`);
    }
    for (const f of found) files.add(resolve(f));
  }
  return [...files].sort();
}

/** One file's rules; the format comes from the extension. */
export async function readRuleFile(file: string, shown: string): Promise<AlertRule[]> {
  const text = readFileSync(file, 'utf8');
  if (/\.tf$/i.test(file)) return parseTerraformPolicies(text, shown);
  if (/\.ya?ml$/i.test(file)) return parsePrometheusRules(text, shown);
  throw new RuleFileError(shown, 1, 'not an alert rule file: expected .yml, .yaml (Prometheus) or .tf (Terraform)');
}

export async function readAlertRules(patterns: string[], options: ReadRulesOptions): Promise<{ files: string[]; rules: AlertRule[] }> {
  const display = options.display ?? shownPath;
  const files = ruleFiles(patterns, options);
  const rules: AlertRule[] = [];
  for (const file of files) rules.push(...(await readRuleFile(file, display(file))));
  return { files: files.map(display), rules };
}
