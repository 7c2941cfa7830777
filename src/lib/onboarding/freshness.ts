/**
 * Whether a page is past its review date. Deliberately one tiny function: the knowledge module
 * (src/lib/knowledge/) will own freshness, and this call is the one place to swap for it.
 */
import { addDays, dayNumber, type IsoDate } from '../content/dates.ts';

export interface Review {
  /** The day after which the page should have been reviewed again. */
  due: IsoDate;
  overdue: boolean;
}

/** Due = reviewed + review_every days; overdue once that day is before today. */
export function reviewState(reviewed: IsoDate, reviewEvery: number, today: IsoDate): Review {
  const due = addDays(reviewed, reviewEvery);
  return { due, overdue: dayNumber(due) < dayNumber(today) };
}
