/**
 * The `lint` section of hikitsugi.config.mjs, with its defaults, and how a message's severity
 * is decided from it.
 */
import type { Kind } from '../content/schema.ts';
import { sectionConfig, type SectionConfig } from './sections.ts';

export type Severity = 'error' | 'warning';
export type RuleSetting = 'error' | 'warn' | 'off';

export interface LintConfig {
  /** Required sections per kind (section ids, see src/lib/lint/sections.ts). */
  sections?: Partial<Record<Kind, string[]>>;
  /** More accepted heading names per section id, or new section ids with their names. */
  aliases?: Record<string, string[]>;
  /**
   * Rules that only warn on adopted pages (front matter `adopted_from`): imported docs build
   * and pass CI at once, and the warnings list what the new owner has to bring up to standard.
   */
  adoptedWarnOnly?: string[];
  /** Per rule id: 'error', 'warn' or 'off' (remark-lint rules warn unless set here). */
  rules?: Record<string, RuleSetting>;
}

export const DEFAULT_ADOPTED_WARN_ONLY = ['required-sections', 'rollback-section', 'heading-structure'];

export interface ResolvedLintConfig {
  sections: SectionConfig;
  adoptedWarnOnly: Set<string>;
  rules: Record<string, RuleSetting>;
}

export function resolveLintConfig(config: LintConfig = {}): ResolvedLintConfig {
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!['error', 'warn', 'off'].includes(setting)) {
      throw new Error(`lint.rules["${id}"]: expected "error", "warn" or "off", got ${JSON.stringify(setting)}`);
    }
  }
  return {
    sections: sectionConfig(config),
    adoptedWarnOnly: new Set(config.adoptedWarnOnly ?? DEFAULT_ADOPTED_WARN_ONLY),
    rules: config.rules ?? {},
  };
}

/**
 * The severity of a message, or undefined to drop it. Secrets are never softened: an adopted
 * page with a token in it is still a leak.
 */
export function severityOf(
  message: { ruleId?: string | null; fatal?: boolean | null },
  page: { adopted: boolean },
  config: ResolvedLintConfig,
): Severity | undefined {
  const id = message.ruleId ?? '';
  const setting = config.rules[id];
  if (setting === 'off' && id !== 'no-secrets') return undefined;
  let severity: Severity = setting === 'error' ? 'error' : setting === 'warn' ? 'warning' : message.fatal ? 'error' : 'warning';
  if (id === 'no-secrets') severity = 'error';
  else if (page.adopted && config.adoptedWarnOnly.has(id)) severity = 'warning';
  return severity;
}
