/**
 * Onboarding paths joined with the pages they point to: each step's title, reading time and
 * review state, the path's totals, and for each page the paths it is a step of (for the
 * "Step 3 of 12" banner). Pure: the site passes in the pages and today's date.
 */
import type { IsoDate } from '../content/dates.ts';
import type { Kind, OnboardingPathData } from '../content/schema.ts';
import { slugForFile } from '../content/slugs.ts';
import { freshness } from '../knowledge/freshness.ts';

export interface PageInfo {
  title: string;
  description: string;
  /** Reading time computed from the page's text. */
  minutes: number;
  reviewed: IsoDate;
  reviewEvery: number;
}

export interface ResolvedStep {
  /** 1-based position in the path. */
  number: number;
  /** What progress is stored under: stays right when steps are inserted or reordered. */
  key: string;
  type: 'page' | 'task';
  why: string;
  optional: boolean;
  /** Minutes the step takes; undefined for a task with no estimate. */
  minutes?: number;
  /** True when `minutes` was computed from the page's text (not given in the path file). */
  computed: boolean;
  page?: { ref: string; kind: Kind; slug: string; title: string; description: string; due: IsoDate; overdue: boolean };
  task?: string;
  link?: string;
}

export interface ResolvedPath {
  id: string;
  title: string;
  audience: string;
  description: string;
  order?: number;
  owners: string[];
  steps: ResolvedStep[];
  /** Minutes of every step with an estimate. */
  totalMinutes: number;
  /** Minutes of the steps that are not optional. */
  requiredMinutes: number;
  /** Steps with no time estimate (tasks without `minutes`). */
  untimed: number;
  /** Steps whose page is past its review date. */
  overdue: number;
}

export function stepKey(step: { type: 'page'; page: string } | { type: 'task'; task: string }): string {
  return step.type === 'page' ? `page:${step.page}` : `task:${step.task}`;
}

/** Joins a validated path with its pages. Throws if a page is missing (validation prevents it). */
export function resolvePath(id: string, data: OnboardingPathData, pages: ReadonlyMap<string, PageInfo>, today: IsoDate): ResolvedPath {
  const steps = data.steps.map((step, i): ResolvedStep => {
    const common = { number: i + 1, key: stepKey(step), why: step.why, optional: step.optional };
    if (step.type === 'task') {
      return { ...common, type: 'task', task: step.task, link: step.link, minutes: step.minutes, computed: false };
    }
    const info = pages.get(step.page);
    if (!info) throw new Error(`onboarding path "${id}", step ${i + 1}: no page "${step.page}"`);
    // The same rule as the overdue banner and /knowledge/.
    const fresh = freshness({ reviewed: info.reviewed, review_every: info.reviewEvery }, today);
    const review = { due: fresh.due, overdue: fresh.status === 'overdue' };
    return {
      ...common,
      type: 'page',
      minutes: step.minutes ?? info.minutes,
      computed: step.minutes === undefined,
      page: { ref: step.page, kind: step.kind, slug: step.slug, title: info.title, description: info.description, ...review },
    };
  });
  const sum = (list: ResolvedStep[]) => list.reduce((total, s) => total + (s.minutes ?? 0), 0);
  return {
    id,
    title: data.title,
    audience: data.audience,
    description: data.description,
    order: data.order,
    owners: data.owners,
    steps,
    totalMinutes: sum(steps),
    requiredMinutes: sum(steps.filter((s) => !s.optional)),
    untimed: steps.filter((s) => s.minutes === undefined).length,
    overdue: steps.filter((s) => s.page?.overdue).length,
  };
}

/** Paths with an `order` first (ascending), then the rest by id. */
export function sortPaths<T extends { id: string; order?: number }>(paths: T[]): T[] {
  return [...paths].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface StepLink {
  number: number;
  /** Page title or task text. */
  label: string;
  /** `kind/slug` when the step is a page; a task has no page and links to the path instead. */
  ref?: string;
}

export interface Membership {
  pathId: string;
  pathTitle: string;
  /** 1-based position of the page in the path. */
  number: number;
  total: number;
  key: string;
  optional: boolean;
  prev?: StepLink;
  next?: StepLink;
}

function linkOf(step: ResolvedStep | undefined): StepLink | undefined {
  if (!step) return undefined;
  return step.page ? { number: step.number, label: step.page.title, ref: step.page.ref } : { number: step.number, label: step.task ?? '' };
}

/** For each page (`kind/slug`), the paths it is a step of, in path order. */
export function membershipByPage(paths: readonly ResolvedPath[]): Map<string, Membership[]> {
  const byPage = new Map<string, Membership[]>();
  for (const path of paths) {
    path.steps.forEach((step, i) => {
      if (!step.page) return;
      const list = byPage.get(step.page.ref) ?? [];
      list.push({
        pathId: path.id,
        pathTitle: path.title,
        number: step.number,
        total: path.steps.length,
        key: step.key,
        optional: step.optional,
        prev: linkOf(path.steps[i - 1]),
        next: linkOf(path.steps[i + 1]),
      });
      byPage.set(step.page.ref, list);
    });
  }
  return byPage;
}

/** The id of a path file, and so its URL: `content/onboarding/first-day.yaml` -> `first-day`. */
export function pathIdForFile(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? fileName;
  return slugForFile(base.replace(/\.ya?ml$/i, ''));
}
