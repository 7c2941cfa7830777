/**
 * Optional team settings, `kpt` in hikitsugi.config.mjs (or a YAML file given to --config). The defaults handle frames, columns and tags
 * in English and Japanese; a team only writes this file for its own words or a colour code.
 */
import { z } from 'zod';
import { KPT_KINDS } from '../content/schema.ts';
import { DEFAULT_HEADER_WORDS, type HeaderWords, type KptKind } from './headers.ts';

const words = z.array(z.string().min(1)).min(1);

export const kptConfigSchema = z.strictObject({
  /** Team name for new pages when --team is not given. */
  team: z.string().min(1).optional(),
  /** Member ids (content/team.yaml) that own new pages when --owner is not given. */
  owners: z.array(z.string().min(1)).optional(),
  /** Put each sticky's author (the Miro user who wrote it) on the page. Teams with anonymous retros say false. */
  authors: z.boolean().optional(),
  /** Header words per kind; a kind listed here replaces the built-in words for that kind. */
  headers: z.strictObject({ keep: words.optional(), problem: words.optional(), try: words.optional() }).optional(),
  /** Sticky colour (Miro `fillColor`, e.g. light_green) -> kind, for stickies nothing else places. */
  colors: z.record(z.string().min(1), z.enum(KPT_KINDS)).optional(),
});

export type KptConfigInput = z.input<typeof kptConfigSchema>;

export interface KptConfig {
  team?: string;
  owners?: string[];
  authors: boolean;
  headers: HeaderWords;
  colors: Record<string, KptKind>;
}

export const DEFAULT_KPT_CONFIG: KptConfig = { authors: true, headers: DEFAULT_HEADER_WORDS, colors: {} };

export const normalizeColor = (color: string) => color.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Validates a parsed config file; throws an Error naming the bad field. */
export function parseKptConfig(raw: unknown, source = 'hikitsugi.kpt.yaml'): KptConfig {
  if (raw === null || raw === undefined) return DEFAULT_KPT_CONFIG;
  const result = kptConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${source}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const c = result.data;
  return {
    team: c.team,
    owners: c.owners,
    authors: c.authors ?? true,
    headers: { ...DEFAULT_HEADER_WORDS, ...c.headers },
    colors: Object.fromEntries(Object.entries(c.colors ?? {}).map(([color, kind]) => [normalizeColor(color), kind])),
  };
}
