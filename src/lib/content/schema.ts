/**
 * Front matter schemas for every content kind. Pure zod, no Astro: `src/content.config.ts`
 * wires them into collections, and the CLIs (scaffold, adopt, knowledge) validate with the
 * very same objects, so there is one definition of what a page may say.
 */
import { z } from 'zod';
import { toIsoDate } from './dates.ts';

export const KINDS = ['guideline', 'runbooks', 'handover', 'retros'] as const;
export type Kind = (typeof KINDS)[number];

/** Days between reviews when a page does not say `review_every`. */
export const DEFAULT_REVIEW_EVERY: Record<Kind, number> = {
  guideline: 180,
  runbooks: 90,
  handover: 60,
  retros: 365,
};

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const HANDOVER_STATUSES = ['draft', 'in-progress', 'done'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export const KPT_KINDS = ['keep', 'problem', 'try'] as const;

/** A calendar day; accepts YAML dates and quoted `YYYY-MM-DD` strings, yields `YYYY-MM-DD`. */
export const isoDate = () =>
  z
    .union([z.date(), z.string()], {
      error: 'expected a date in YYYY-MM-DD form',
    })
    .transform((value, ctx) => {
      const iso = toIsoDate(value);
      if (!iso) {
        ctx.addIssue({
          code: 'custom',
          message: `"${value instanceof Date ? 'Invalid Date' : value}" is not a valid date (expected YYYY-MM-DD, e.g. 2025-06-12)`,
        });
        return z.NEVER;
      }
      return iso;
    });

/** A member id that must exist in the roster (`content/team.yaml`). */
export function memberId(knownIds: ReadonlySet<string>) {
  return z.string().superRefine((id, ctx) => {
    if (!knownIds.has(id)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown member id "${id}": add it to content/team.yaml or fix the spelling`,
      });
    }
  });
}

export const memberSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'member id: lowercase letters, digits, . _ -'),
  name: z.string().min(1),
  role: z.string().min(1),
  joined: isoDate(),
  left: isoDate().optional(),
  /** Git author emails and names that are this member, for bus-factor maths. */
  emails: z.array(z.string()).default([]),
  git: z.array(z.string()).default([]),
});
export type Member = z.output<typeof memberSchema>;

export const rosterSchema = z.array(memberSchema).superRefine((members, ctx) => {
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate member id "${m.id}"` });
    seen.add(m.id);
  });
});

function commonFields(kind: Kind, ids: ReadonlySet<string>) {
  return {
    title: z.string().min(1, 'title must not be empty'),
    description: z.string().default(''),
    owners: z.array(memberId(ids)),
    reviewed: isoDate(),
    review_every: z.number().int().positive().default(DEFAULT_REVIEW_EVERY[kind]),
    tags: z.array(z.string()).default([]),
    /** Set by `npm run adopt`: where the page came from. Only adopted pages may wait for an owner. */
    adopted_from: z.string().optional(),
  };
}

/** Every page needs an owner, except a freshly adopted one, which the knowledge report flags. */
function requireOwner<T extends { owners: string[]; adopted_from?: string }>(page: T, ctx: z.RefinementCtx) {
  if (page.owners.length === 0 && !page.adopted_from) {
    ctx.addIssue({
      code: 'custom',
      path: ['owners'],
      message: 'owners: at least one member id is required (see content/team.yaml)',
    });
  }
}

const dashboardSchema = z.object({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/, error: 'dashboard url must be an http(s) URL' }),
});

export function makeSchemas(ids: ReadonlySet<string>) {
  const guideline = z
    .object({ ...commonFields('guideline', ids), order: z.number().int().nonnegative() })
    .superRefine(requireOwner);

  const runbooks = z
    .object({
      ...commonFields('runbooks', ids),
      service: z.string().min(1),
      severity: z.enum(SEVERITIES),
      alerts: z.array(z.string()).default([]),
      dashboards: z.array(dashboardSchema).default([]),
      escalation: z.string().optional(),
    })
    .superRefine(requireOwner);

  const handover = z
    .object({
      ...commonFields('handover', ids),
      system: z.string().min(1),
      status: z.enum(HANDOVER_STATUSES),
      from: z.array(memberId(ids)).min(1),
      to: z.array(memberId(ids)).default([]),
    })
    .superRefine(requireOwner);

  // Items are loose objects: humans may add fields (an owner on a Try) that re-imports keep.
  const retroItem = z.looseObject({
    kind: z.enum(KPT_KINDS),
    text: z.string(),
    miro_id: z.string().optional(),
    author: z.string().optional(),
    /** Action fields, meaningful on Try items. */
    id: z.string().optional(),
    owner: memberId(ids).optional(),
    due: isoDate().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    /** When a done/dropped action was closed, so older retro pages still show it was open then. */
    closed: isoDate().optional(),
    /** The retro (its slug, e.g. `2026-11-19-platform-team`) whose board closed the action. */
    closed_in: z.string().min(1).optional(),
    /** One line: what was done, or why the action was dropped. */
    note: z.string().optional(),
  });

  const retros = z
    .object({
      ...commonFields('retros', ids),
      date: isoDate(),
      team: z.string().min(1),
      source: z
        .object({
          board_id: z.string(),
          board_url: z.string().optional(),
          modified_at: z.string().optional(),
        })
        .optional(),
      items: z.array(retroItem).default([]),
    })
    .superRefine(requireOwner);

  return { guideline, runbooks, handover, retros };
}

export type Schemas = ReturnType<typeof makeSchemas>;
export type GuidelineData = z.output<Schemas['guideline']>;
export type RunbookData = z.output<Schemas['runbooks']>;
export type HandoverData = z.output<Schemas['handover']>;
export type RetroData = z.output<Schemas['retros']>;
export type RetroItem = RetroData['items'][number];
export type PageData = GuidelineData | RunbookData | HandoverData | RetroData;
