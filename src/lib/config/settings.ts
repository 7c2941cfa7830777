/**
 * Every hikitsugi setting, validated once: the site (through the Astro integration) and every CLI
 * get the same typed object from the same rules. Pure: the caller hands in the raw config (the
 * default export of hikitsugi.config.mjs, merged with the integration's options) and the environment.
 */
import { z } from 'zod';
import { kptConfigSchema, parseKptConfig, type KptConfig } from '../kpt/config.ts';
import { knowledgeSettingsSchema, type KnowledgeSettings } from '../knowledge/settings.ts';
import { kptBoardSettingsSchema, type KptBoardSettings } from '../kpt/board-settings.ts';
import { alertSettings, alertSettingsSchema, type AlertSettings } from '../alerts/settings.ts';
import { codeownersSettingsSchema, type CodeownersSettings } from '../codeowners/settings.ts';
import { resolveLintConfig, type LintConfig } from '../lint/config.ts';
import { securitySettingsSchema, type SecuritySettings } from '../security/settings.ts';

export type Locale = 'ja' | 'en';

/** Where a setting came from, for error messages: the file, or the integration call. */
export const CONFIG_FILE = 'hikitsugi.config.mjs';

/** The environment variables that override a setting (CI, previews, tests). */
export const ENV_OVERRIDES = {
  ui: 'HIKITSUGI_UI',
  base: 'BASE_PATH',
  site: 'SITE_URL',
  editUrl: 'EDIT_URL',
  contentDir: 'CONTENT_DIR',
} as const;

/** The UI languages a `ui` setting asks for: Japanese first and always, English optional. */
export function uiLocales(setting: unknown, source = CONFIG_FILE): Locale[] {
  const list = typeof setting === 'string' ? setting.split(',').map((s) => s.trim()).filter(Boolean) : setting;
  const ok = Array.isArray(list) && list[0] === 'ja' && list.every((l) => l === 'ja' || l === 'en') && new Set(list).size === list.length;
  if (!ok) {
    throw new SettingsError(`${source}: ui (or HIKITSUGI_UI) must be "ja" (Japanese UI only) or "ja,en" (also English under /en/), not ${JSON.stringify(setting)}`);
  }
  return list as Locale[];
}

const uiSchema = z.array(z.enum(['ja', 'en']));

const baseSchema = z
  .string()
  .refine((b) => b.startsWith('/'), 'must start with "/", e.g. "/" or "/handbook/"')
  .transform((b) => (b.endsWith('/') ? b : `${b}/`));

const lintSchema = z.strictObject({
  sections: z.record(z.string(), z.array(z.string())).optional(),
  aliases: z.record(z.string(), z.array(z.string())).optional(),
  adoptedWarnOnly: z.array(z.string()).optional(),
  rules: z.record(z.string(), z.enum(['error', 'warn', 'off'])).optional(),
});

export const settingsSchema = z.strictObject({
  /** Site title per UI language. */
  title: z.strictObject({ ja: z.string().min(1), en: z.string().min(1) }).default({ ja: 'チームハンドブック', en: 'Team handbook' }),
  /** UI languages: 'ja,en' (Japanese at /, English at /en/) or 'ja'. */
  ui: uiSchema.default(['ja', 'en']),
  /** The path the site is served under. */
  base: baseSchema.default('/'),
  /** The full public URL (canonical links, sitemap, checklist links). */
  site: z.url().optional(),
  /** Repository edit URL for "Edit page" links; '' for none. */
  editUrl: z.string().default(''),
  /** Folder of guideline/, runbooks/, handover/, retros/, onboarding/ and team.yaml. */
  contentDir: z.string().min(1).default('content'),
  /** "Today" for review dates is a day in this IANA time zone. */
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'not an IANA time zone (e.g. Asia/Tokyo, UTC)')
    .default('Asia/Tokyo'),
  lint: lintSchema.default({}),
  knowledge: knowledgeSettingsSchema,
  /** KPT import: team, owners, authors, header words and colours. */
  kpt: kptConfigSchema.default({}),
  /** `hikitsugi kpt prepare`: frame titles, the instructions file, carried-over sticky colours. */
  kptBoard: kptBoardSettingsSchema,
  /** `hikitsugi alerts`, /alerts/ and adopt --rules: rule files, URL map, severity map, strict limits. */
  alerts: alertSettingsSchema.prefault({}),
  /** `hikitsugi codeowners`: where CODEOWNERS goes and the lines before the generated ones. */
  codeowners: codeownersSettingsSchema,
  /** The Content-Security-Policy and robots headers: `noindex` (default true) and extra sources per directive. */
  security: securitySettingsSchema,
});

/** Settings as written: `ui` may also be a comma list, as in HIKITSUGI_UI. */
export type SettingsInput = Omit<z.input<typeof settingsSchema>, 'ui'> & { ui?: string | Locale[] };

export interface Settings {
  title: { ja: string; en: string };
  ui: Locale[];
  base: string;
  site?: string;
  editUrl: string;
  contentDir: string;
  timeZone: string;
  lint: LintConfig;
  knowledge: KnowledgeSettings;
  kpt: KptConfig;
  kptBoard: KptBoardSettings;
  alerts: AlertSettings;
  codeowners: CodeownersSettings;
  security: SecuritySettings;
}

/** A setting a user got wrong, as one line naming it: `hikitsugi.config.mjs: knowledge.minOwners: ...`. */
export class SettingsError extends Error {}

/**
 * Validates raw settings. `source` names where they came from in messages; environment
 * overrides (see ENV_OVERRIDES) win over the file.
 */
export function parseSettings(raw: unknown, env: Record<string, string | undefined> = {}, source = CONFIG_FILE): Settings {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) {
    throw new SettingsError(`${source}: the default export must be an object of settings`);
  }
  const input: Record<string, unknown> = { ...(raw as object) };
  const fromEnv = new Set<string>();
  for (const [key, name] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      input[key] = value;
      fromEnv.add(key);
    }
  }
  if (input.ui !== undefined) input.ui = uiLocales(input.ui, source);
  const result = settingsSchema.safeParse(input);
  if (!result.success) throw new SettingsError(describeIssue(result.error.issues[0], source, fromEnv));
  const s = result.data;
  let lint: LintConfig;
  try {
    resolveLintConfig(s.lint);
    lint = s.lint;
  } catch (e) {
    throw new SettingsError(`${source}: ${(e as Error).message}`);
  }
  return {
    title: s.title,
    ui: s.ui,
    base: s.base,
    site: s.site,
    editUrl: s.editUrl,
    contentDir: s.contentDir,
    timeZone: s.timeZone,
    lint,
    knowledge: s.knowledge,
    kpt: parseKptConfig(s.kpt, `${source}: kpt`),
    kptBoard: s.kptBoard,
    alerts: alertSettings(s.alerts),
    codeowners: s.codeowners,
    security: s.security,
  };
}

/** Merges the integration's options over the file's settings, one level deep for sections. */
export function mergeSettingsInput(file: Record<string, unknown>, options: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...file };
  for (const [key, value] of Object.entries(options)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return merged;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeIssue(issue: z.core.$ZodIssue, source: string, fromEnv: Set<string>): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const where = path.length ? path.join('.') + '.' : '';
    const allowed = allowedKeys(path);
    const keys = issue.keys.map((k) => `"${where}${k}"`).join(', ');
    const hint = allowed.length ? ` (allowed: ${allowed.join(', ')})` : '';
    return `${source}: unknown option ${keys}${hint}`;
  }
  const name = path.join('.') || '(top level)';
  const env = ENV_OVERRIDES[path[0] as keyof typeof ENV_OVERRIDES];
  const via = env && fromEnv.has(path[0]) ? ` (from ${env})` : '';
  return `${source}: ${name}${via}: ${issue.message}`;
}

/** The keys an object at `path` of the schema accepts, for "did you mean" lists. */
function allowedKeys(path: string[]): string[] {
  let schema: z.ZodType = settingsSchema;
  for (const key of path) {
    const shape = objectShape(schema);
    if (!shape || !(key in shape)) return [];
    schema = shape[key];
  }
  return Object.keys(objectShape(schema) ?? {});
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let s: z.ZodType = schema;
  // Unwrap defaults and optionals to reach the object inside.
  while (s instanceof z.ZodDefault || s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
  return s instanceof z.ZodObject ? (s.shape as Record<string, z.ZodType>) : undefined;
}

/** What hikitsugi.config.mjs may export: `@type {import('hikitsugi/config').HikitsugiConfig}`. */
export type HikitsugiConfig = SettingsInput;
