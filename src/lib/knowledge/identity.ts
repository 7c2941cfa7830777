/**
 * Git authors -> roster members. A commit belongs to a member when its author email is one of
 * the member's `emails`, or its author name one of their `git` names (both case-insensitive).
 * GitHub's private addresses (`12345+login@users.noreply.github.com`) match a `git` entry equal
 * to the login. Anyone else keeps a stable id of their own, so their authorship still counts
 * (a bot or a colleague missing from the roster holds knowledge too) and the report can ask for
 * them to be added to the roster.
 */
import type { Member } from '../content/schema.ts';
import type { CommitAuthor } from './authorship.ts';

export const UNMAPPED_PREFIX = 'git:';

export interface IdentityMap {
  /** Roster id, or `git:<email>` for an author the roster does not name. */
  developerOf(author: CommitAuthor): string;
  /** Authors that matched nobody in the roster, by their developer id. */
  unmapped: Map<string, CommitAuthor>;
}

const norm = (s: string) => s.trim().toLowerCase();

export function identityMap(roster: readonly Member[]): IdentityMap {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const m of roster) {
    for (const e of m.emails) byEmail.set(norm(e), m.id);
    for (const n of m.git) byName.set(norm(n), m.id);
  }
  const unmapped = new Map<string, CommitAuthor>();
  const cache = new Map<string, string>();
  return {
    unmapped,
    developerOf(author) {
      const key = `${author.name}\u0000${author.email}`;
      const hit = cache.get(key);
      if (hit) return hit;
      const email = norm(author.email);
      const login = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email)?.[1];
      let id = byEmail.get(email) ?? byName.get(norm(author.name)) ?? (login ? byName.get(login) : undefined);
      if (!id) {
        id = UNMAPPED_PREFIX + (email || norm(author.name));
        if (!unmapped.has(id)) unmapped.set(id, author);
      }
      cache.set(key, id);
      return id;
    },
  };
}
