/**
 * Front matter schemas for every content kind. Pure zod, no Astro: `src/content.config.ts`
 * wires them into collections, and the CLIs (scaffold, adopt, knowledge) validate with the
 * very same objects, so there is one definition of what a page may say.
 */
import { z } from 'zod';
import { toIsoDate } from './dates.ts';
import { findPathProblems, parsePageRef } from '../onboarding/validate.ts';

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
  /**
   * GitHub handle (`octocat`, or `@octocat`; a team as `org/team`), for CODEOWNERS and the
   * reminders' mentions. Stored without the `@`.
   */
  github: z
    .string()
    .trim()
    .regex(
      /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/,
      'github: a GitHub login such as octocat (or a team such as my-org/sre)',
    )
    .transform((handle) => handle.replace(/^@/, ''))
    .optional(),
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
    /** Who last reviewed the page (`npm run review` sets it with `reviewed`). */
    reviewed_by: memberId(ids).optional(),
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

/**
 * One step of an onboarding path (`content/onboarding/<id>.yaml`): a page to read
 * (`page: runbooks/cloud-sql-failover`) or a task with no page (`task: BigQuery の閲覧権限を申請する`),
 * and always why it matters. Strict, so a misspelt key (`optinal:`) fails instead of being ignored.
 */
const onboardingStepSchema = z.strictObject({
  page: z.string().optional(),
  task: z.string().optional(),
  why: z
    .string({ error: 'why is required: say in a sentence why this step matters to a newcomer' })
    .trim()
    .min(1, 'why must not be empty: say in a sentence why this step matters to a newcomer'),
  optional: z.boolean().default(false),
  /** Minutes the step takes. For a page it replaces the reading time computed from its text. */
  minutes: z.number().int().positive().max(60 * 24 * 5, 'minutes: at most 7200 (five days)').optional(),
  /** Where to do a task, e.g. the access request form. */
  link: z.url({ protocol: /^https?$/, error: 'link must be an http(s) URL' }).optional(),
});

export type OnboardingStep =
  | { type: 'page'; page: string; kind: Kind; slug: string; why: string; optional: boolean; minutes?: number }
  | { type: 'task'; task: string; why: string; optional: boolean; minutes?: number; link?: string };

/**
 * An onboarding path. `knownPages` holds every page as `kind/slug`: a step naming another page
 * fails validation, as do an empty path and a step listed twice.
 */
export function makeOnboardingSchema(ids: ReadonlySet<string>, knownPages: ReadonlySet<string>) {
  return z
    .strictObject({
      title: z.string().min(1, 'title must not be empty'),
      /** Who and when, e.g. 初日, 1週目, オンコール参加前. */
      audience: z.string().min(1, 'audience must not be empty (e.g. 初日, 1週目, オンコール参加前)'),
      description: z.string().default(''),
      /** Position on /onboarding/; the first path is the home page's "start here". */
      order: z.number().int().optional(),
      owners: z.array(memberId(ids)).default([]),
      steps: z.array(onboardingStepSchema, { error: 'steps must be a list of steps' }).nullable().default([]),
    })
    .superRefine((path, ctx) => {
      const steps = path.steps ?? [];
      for (const issue of findPathProblems(steps, { pages: knownPages, kinds: KINDS })) {
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      }
      steps.forEach((step, i) => {
        if (step.page !== undefined && step.link !== undefined) {
          ctx.addIssue({ code: 'custom', path: ['steps', i, 'link'], message: `step ${i + 1}: link is for tasks; a page step links to its page` });
        }
      });
    })
    .transform(({ steps, ...path }) => ({
      ...path,
      steps: (steps ?? []).map((step): OnboardingStep => {
        const common = { why: step.why, optional: step.optional, ...(step.minutes !== undefined && { minutes: step.minutes }) };
        if (step.page !== undefined) {
          const ref = parsePageRef(step.page)!;
          return { type: 'page', page: ref.ref, kind: ref.kind as Kind, slug: ref.slug, ...common };
        }
        return { type: 'task', task: step.task!.trim(), ...common, ...(step.link !== undefined && { link: step.link }) };
      }),
    }));
}

export type OnboardingPathData = z.output<ReturnType<typeof makeOnboardingSchema>>;
