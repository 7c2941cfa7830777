/**
 * The actions a team carries into its next retro: its open actions today, oldest first, as
 * `kpt:prepare` puts them on the board (owner by name, age in days and in retros).
 */
import { sameTeam, type OpenAction } from './history.ts';
import type { CarriedAction } from '../kpt/board-plan.ts';

export function carriedActions(open: readonly OpenAction[], team: string, roster: readonly { id: string; name: string }[]): CarriedAction[] {
  const names = new Map(roster.map((m) => [m.id, m.name]));
  return open
    .filter((o) => sameTeam(o.action.retro.team, team))
    .map((o) => ({
      id: o.action.id,
      text: o.action.text,
      ...(o.action.owner ? { owner: names.get(o.action.owner) ?? o.action.owner } : {}),
      ...(o.action.due ? { due: o.action.due } : {}),
      ageDays: o.ageDays,
      ageRetros: o.ageRetros,
      overdue: o.overdue,
    }));
}

/** The team whose board it is: the one named, else the only team with retros. */
export function teamOfRetros(teams: readonly string[]): { team?: string; several: string[] } {
  const distinct: string[] = [];
  for (const t of teams) if (!distinct.some((d) => sameTeam(d, t))) distinct.push(t);
  return distinct.length === 1 ? { team: distinct[0], several: [] } : { several: distinct };
}
