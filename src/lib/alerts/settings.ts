/** The `alerts` section of hikitsugi.config.mjs, validated, with defaults for what it omits. */
import { z } from 'zod';
import { SEVERITIES } from '../content/schema.ts';

/** Rule severity label → runbook severity. Labels compare lower-cased. */
export const DEFAULT_SEVERITY_MAP: Record<string, (typeof SEVERITIES)[number]> = {
  critical: 'critical',
  page: 'critical',
  error: 'high',
  high: 'high',
  warning: 'medium',
  medium: 'medium',
  info: 'low',
  low: 'low',
  none: 'low',
};

export const DEFAULT_STRICT = { maxMissing: 0, maxBroken: 0, maxStale: 0, maxUnknown: 0, maxSeverity: 0 };
export type AlertStrict = typeof DEFAULT_STRICT;

const count = z.number().int().nonnegative();

export const alertSettingsSchema = z.strictObject({
  rules: z.array(z.string().min(1)).default(['alerts']),
  urlMap: z
    .record(z.string().regex(/^https?:\/\/[^/]+/, 'a URL prefix, e.g. https://runbooks.example.com/runbooks/'), z.string().startsWith('/', 'a site path, e.g. /runbooks/'))
    .default({}),
  caseInsensitivePaths: z.boolean().default(false),
  severityMap: z.record(z.string(), z.enum(SEVERITIES)).default({}),
  strict: z
    .strictObject({
      maxMissing: count.default(DEFAULT_STRICT.maxMissing),
      maxBroken: count.default(DEFAULT_STRICT.maxBroken),
      maxStale: count.default(DEFAULT_STRICT.maxStale),
      maxUnknown: count.default(DEFAULT_STRICT.maxUnknown),
      maxSeverity: count.default(DEFAULT_STRICT.maxSeverity),
    })
    .default(DEFAULT_STRICT),
});

export interface AlertSettings {
  /** Rule files, folders or globs, relative to the content folder (so they move with CONTENT_DIR). */
  rules: string[];
  /** URL prefix → site path: runbook URLs under the prefix are pages of this site. */
  urlMap: Record<string, string>;
  /** Compare URL paths ignoring case (Hugo lower-cases its URLs; static hosts do not). */
  caseInsensitivePaths: boolean;
  /** Rule severity label → runbook severity: the defaults with the config's entries on top. */
  severityMap: Record<string, (typeof SEVERITIES)[number]>;
  strict: AlertStrict;
}

export function alertSettings(raw: unknown): AlertSettings {
  const result = alertSettingsSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`hikitsugi.config.mjs: alerts.${issue.path.join('.')}: ${issue.message}`);
  }
  const data = result.data;
  const severityMap = { ...DEFAULT_SEVERITY_MAP };
  for (const [label, level] of Object.entries(data.severityMap)) severityMap[label.toLowerCase()] = level;
  return { ...data, severityMap };
}

/** `--map <url prefix>=<site path>`, as a urlMap entry. Throws a message for a malformed one. */
export function parseMapArg(value: string): [string, string] {
  const at = value.lastIndexOf('=');
  const prefix = at > 0 ? value.slice(0, at) : '';
  const path = at > 0 ? value.slice(at + 1) : '';
  if (!/^https?:\/\/[^/]+/.test(prefix) || !path.startsWith('/')) {
    throw new Error(`expected <url prefix>=<site path>, e.g. https://runbooks.prometheus-operator.dev/runbooks/=/runbooks/`);
  }
  return [prefix, path];
}
