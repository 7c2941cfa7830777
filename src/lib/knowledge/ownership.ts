/**
 * Ownership risk: who keeps a page, and what happens to it if one person goes.
 * A page is at risk when it has no owner, when every owner has left the roster, or when fewer
 * than `minOwners` distinct active members own it (default 2: one person is not a team).
 */
import { isActive } from '../content/roster.ts';
import type { Member } from '../content/schema.ts';
import type { IsoDate } from '../content/dates.ts';

export type OwnershipRisk =
  /** `owners: []`, allowed only for adopted pages waiting for someone to take them. */
  | 'no-owner'
  /** Every owner has left (or is not in the roster). */
  | 'no-active-owner'
  /** Exactly one active owner: that person is a single point of failure. */
  | 'single-owner'
  /** Active owners, but fewer than the configured minimum. */
  | 'few-owners';

export const DEFAULT_MIN_OWNERS = 2;

export interface Ownership {
  /** Distinct active owners, in the page's order. */
  active: string[];
  /** Owners who have left the roster. */
  departed: string[];
  /** Owner ids the roster does not know (the build rejects them; the report still copes). */
  unknown: string[];
  risk: OwnershipRisk | null;
}

export function ownership(
  owners: readonly string[],
  roster: ReadonlyMap<string, Member>,
  today: IsoDate,
  minOwners: number = DEFAULT_MIN_OWNERS,
): Ownership {
  const distinct = [...new Set(owners)];
  const active: string[] = [];
  const departed: string[] = [];
  const unknown: string[] = [];
  for (const id of distinct) {
    const member = roster.get(id);
    if (!member) unknown.push(id);
    else if (isActive(member, today)) active.push(id);
    else departed.push(id);
  }
  let risk: OwnershipRisk | null = null;
  if (distinct.length === 0) risk = 'no-owner';
  else if (active.length === 0) risk = 'no-active-owner';
  else if (active.length < minOwners) risk = active.length === 1 ? 'single-owner' : 'few-owners';
  return { active, departed, unknown, risk };
}

/**
 * A member's exposure: the pages that would have no active owner if they left, i.e. those
 * whose only active owner they are. Members who have already left have none (their pages
 * show up as "no active owner" instead).
 */
export function exposureOf<P extends { ownership: Ownership }>(memberId: string, pages: readonly P[]): P[] {
  return pages.filter((p) => p.ownership.active.length === 1 && p.ownership.active[0] === memberId);
}
