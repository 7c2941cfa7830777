/**
 * When a page must be looked at again. Review dates are calendar days (see dates.ts): a page
 * reviewed on `reviewed` with `review_every` days is due on `reviewed + review_every`, still fine
 * on that day, and overdue from the day after. "Today" is a day in the team's time zone, which
 * the caller passes in (`todayIn(timeZone)` or a pinned date), so nothing here reads the clock.
 */
import { addDays, dayNumber, type IsoDate } from '../content/dates.ts';

export type FreshnessStatus = 'overdue' | 'due-soon' | 'ok';

export interface Freshness {
  /** Last day the page counts as reviewed: `reviewed + review_every` days. */
  due: IsoDate;
  /** Days from today to `due`: 0 on the due day, negative once overdue. */
  daysLeft: number;
  status: FreshnessStatus;
}

/** The default window for "due soon": two weeks, enough to plan a review into a sprint. */
export const DEFAULT_DUE_SOON_DAYS = 14;

export function reviewDue(reviewed: IsoDate, reviewEvery: number): IsoDate {
  return addDays(reviewed, reviewEvery);
}

/**
 * Overdue when today is past the due day; due soon when the due day is within `dueSoonDays`
 * (today included); otherwise ok.
 */
export function freshness(
  page: { reviewed: IsoDate; review_every: number },
  today: IsoDate,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): Freshness {
  const due = reviewDue(page.reviewed, page.review_every);
  const daysLeft = dayNumber(due) - dayNumber(today);
  const status: FreshnessStatus = daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due-soon' : 'ok';
  return { due, daysLeft, status };
}
