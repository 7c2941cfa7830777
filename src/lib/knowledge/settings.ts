/** The `knowledge` section of hikitsugi.config.mjs, validated, with defaults for what it omits. */
import { z } from 'zod';
import { DEFAULT_DUE_SOON_DAYS } from './freshness.ts';
import { DEFAULT_MIN_OWNERS } from './ownership.ts';
import { DEFAULT_STRICT, type StrictThresholds } from './report.ts';

const count = z.number().int().nonnegative();

export const knowledgeSettingsSchema = z
  .strictObject({
    dueSoonDays: count.default(DEFAULT_DUE_SOON_DAYS),
    minOwners: count.min(1).default(DEFAULT_MIN_OWNERS),
    strict: z
      .strictObject({
        maxOverdue: count.default(DEFAULT_STRICT.maxOverdue),
        maxAtRisk: count.default(DEFAULT_STRICT.maxAtRisk),
        minBusFactor: count.default(DEFAULT_STRICT.minBusFactor),
      })
      .default(DEFAULT_STRICT),
  })
  .default({ dueSoonDays: DEFAULT_DUE_SOON_DAYS, minOwners: DEFAULT_MIN_OWNERS, strict: DEFAULT_STRICT });

export interface KnowledgeSettings {
  dueSoonDays: number;
  minOwners: number;
  strict: StrictThresholds;
}

export function knowledgeSettings(raw: unknown): KnowledgeSettings {
  const result = knowledgeSettingsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`hikitsugi.config.mjs: knowledge.${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}
