/**
 * Google Cloud Monitoring alert policies written in Terraform (`google_monitoring_alert_policy`),
 * parsed with HashiCorp's own HCL parser (compiled to WebAssembly in @cdktn/hcl2json), so what
 * Terraform accepts is read and what it rejects fails here with its message and line.
 */
import { RuleFileError, type AlertRule } from './rules.ts';

export const POLICY_TYPE = 'google_monitoring_alert_policy';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** hcl2json gives every block as a list of bodies; attributes holding maps are plain objects. */
const blocks = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

const URL_IN_TEXT = /https?:\/\/[^\s)<>"'\]]+/;

/**
 * The runbook link of a policy: a `documentation.links` entry named like "runbook" (else the
 * first link), else the first URL in `documentation.content`.
 */
function runbookUrlOf(policy: Json): string | null {
  for (const doc of blocks(policy.documentation)) {
    const links = blocks(doc.links);
    const named = links.find((l) => /runbook|ランブック|手順/i.test(String(l.display_name ?? '')));
    const link = str((named ?? links[0])?.url);
    if (link) return link;
    const inText = URL_IN_TEXT.exec(String(doc.content ?? ''));
    if (inText) return inText[0].replace(/[.,;:]+$/, '');
  }
  return null;
}

/**
 * The line of `resource "google_monitoring_alert_policy" "<name>"`. The parser's JSON has no
 * positions, so the block is located in the text after the parser has accepted it.
 */
function blockLine(text: string, name: string): number {
  const lines = text.split('\n');
  const header = new RegExp(`^\\s*resource\\s+"${POLICY_TYPE}"\\s+"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
  const at = lines.findIndex((l) => header.test(l));
  return at === -1 ? 1 : at + 1;
}

/** Line of an hcl2json error (`main.tf:12,3-14: Invalid expression; ...`). */
function errorLine(message: string): { line: number; reason: string } {
  const m = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  return m ? { line: Number(m[1]), reason: m[2].replace(/; /, ': ') } : { line: 1, reason: message };
}

/** Every alert policy in a Terraform file (other resources are ignored). */
export async function parseTerraformPolicies(text: string, file: string): Promise<AlertRule[]> {
  // Imported here: the module starts Go's WebAssembly runtime as it loads (0.2 s of every site
  // build's main thread), and only a team with Terraform rules needs it.
  const { parse } = await import('@cdktn/hcl2json');
  let json: Json;
  try {
    json = (await parse(file, text)) as Json;
  } catch (e) {
    const { line, reason } = errorLine(String((e as Error).message ?? e));
    throw new RuleFileError(file, line, `not valid HCL: ${reason}`);
  }
  const rules: AlertRule[] = [];
  for (const resources of blocks(json.resource)) {
    const policies = resources[POLICY_TYPE];
    if (!isObject(policies)) continue;
    for (const [resourceName, bodies] of Object.entries(policies)) {
      for (const policy of blocks(bodies)) {
        const line = blockLine(text, resourceName);
        const name = str(policy.display_name);
        if (!name) throw new RuleFileError(file, line, `${POLICY_TYPE}.${resourceName} has no display_name (the alert's name)`);
        const labels = blocks(policy.user_labels)[0] ?? {};
        rules.push({
          name,
          // The policy's own `severity` (CRITICAL, ERROR, WARNING), else a `severity` user label.
          severity: str(policy.severity)?.toLowerCase() ?? str(labels.severity),
          runbookUrl: runbookUrlOf(policy),
          file,
          line,
          format: 'terraform',
        });
      }
    }
  }
  // hcl2json gives blocks in key order; report them in the file's order.
  return rules.sort((a, b) => a.line - b.line);
}
