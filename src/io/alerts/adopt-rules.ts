/**
 * `adopt --rules <path>`: reads the alert rules and fills `alerts:`/`severity` on the runbooks
 * being adopted (src/lib/alerts/adopt.ts does the matching), before adopt validates and writes.
 * One call from scripts/adopt.ts, so the adopt command itself barely changes.
 */
import { relative } from 'node:path';
import { fillFromRules, rulesForAdoptedRunbook } from '../../lib/alerts/adopt.ts';
import type { AlertSettings } from '../../lib/alerts/settings.ts';
import { slugForFile } from '../../lib/content/slugs.ts';
import { runbookPath } from '../../lib/alerts/match.ts';
import { readAlertRules } from './read-rules.ts';
import { count } from '../../lib/text/count.ts';

interface Adopting<P> {
  /** Path inside the adopted folder. */
  from: string;
  /** Absolute target file. */
  to: string;
  page: P;
}

type PageLike = { text: string; frontMatter: Record<string, unknown>; needsHuman: string[]; notes: string[] };

/** Replaces each adopted runbook's page with the filled one and logs what matched and what did not. */
export async function fillAdoptedFromRules<P extends PageLike>(
  pages: Adopting<P>[],
  rulePatterns: string[],
  where: { kindDir: string; log: (line: string) => void; settings: { alerts: AlertSettings; site?: string; base: string } },
): Promise<void> {
  if (rulePatterns.length === 0) return;
  const { alerts: config, site, base } = where.settings;
  const { files, rules } = await readAlertRules(rulePatterns, { cwd: process.cwd() });
  const options = { ...config, site, base };
  const used = new Set<(typeof rules)[number]>();
  let filled = 0;
  for (const p of pages) {
    if (!('severity' in p.page.frontMatter)) continue;
    const alerts = Array.isArray(p.page.frontMatter.alerts) ? (p.page.frontMatter.alerts as string[]) : [];
    const sitePath = runbookPath(slugForFile(relative(where.kindDir, p.to)));
    const matched = rulesForAdoptedRunbook({ sitePath, relPath: p.from, alerts }, rules, options);
    for (const r of matched) used.add(r);
    if (matched.length) filled++;
    p.page = fillFromRules(p.page, matched, config.severityMap);
  }
  const unmatched = [...new Set(rules.filter((r) => !used.has(r)).map((r) => r.name))];
  const lines = [`alert rules: ${rules.length} read from ${count(files.length, 'file')}; alerts and severity filled on ${count(filled, 'runbook')}`];
  if (unmatched.length) {
    const shown = unmatched.length > 12 ? `${unmatched.slice(0, 12).join(', ')} and ${unmatched.length - 12} more` : unmatched.join(', ');
    lines.push(`  ${count(unmatched.length, 'alert')} ${unmatched.length === 1 ? 'matches' : 'match'} no adopted runbook: ${shown}`);
  }
  for (const line of lines) where.log(line);
}
