/** How lint messages are printed: the plain `file:line:column  message  rule-id` line, or a GitHub annotation. */
import type { Severity } from './config.ts';

export interface LintMessage {
  /** Path as given to the user: relative to the current directory. */
  path: string;
  line: number;
  column: number;
  message: string;
  ruleId: string;
  severity: Severity;
}

/** `content/runbooks/a.mdx:12:3  message  rule-id`; a warning's message starts with `warning: `. */
export function formatText(m: LintMessage): string {
  return `${m.path}:${m.line}:${m.column}  ${m.severity === 'warning' ? 'warning: ' : ''}${m.message}  ${m.ruleId}`;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** A GitHub Actions workflow command: the message shows on the pull request's changed line. */
export function formatGithub(m: LintMessage): string {
  return `::${m.severity} file=${escapeProperty(m.path)},line=${m.line},col=${m.column},title=${escapeProperty(m.ruleId)}::${escapeData(m.message)}`;
}
