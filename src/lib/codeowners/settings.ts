/** The `codeowners` section of hikitsugi.config.mjs, validated, with defaults for what it omits. */
import { z } from 'zod';

/** The three places GitHub reads CODEOWNERS from, in the order it looks (the first found wins). */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;
export type CodeownersPath = (typeof CODEOWNERS_PATHS)[number];

export interface CodeownersSettings {
  /** Where `npm run codeowners` writes, relative to the repository root (the current directory). */
  path: CodeownersPath;
  /** Lines written before the generated ones: owners of the rest of the repository (`* @org/sre`). */
  before: string[];
}

/** Strict, as the other sections: a misspelt key (`paht:`) fails instead of being ignored. */
export const codeownersSettingsSchema = z
  .strictObject({
    path: z.enum(CODEOWNERS_PATHS, { error: `expected one of ${CODEOWNERS_PATHS.join(', ')}` }).default('.github/CODEOWNERS'),
    before: z.array(z.string().refine((line) => !/[\r\n]/.test(line), 'one line per entry')).default([]),
  })
  .default({ path: '.github/CODEOWNERS', before: [] });

export function codeownersSettings(raw: unknown): CodeownersSettings {
  const result = codeownersSettingsSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`hikitsugi.config.mjs: ${['codeowners', ...issue.path].join('.')}: ${issue.message}`);
  }
  return result.data;
}
