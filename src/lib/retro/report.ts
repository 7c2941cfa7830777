/**
 * The open actions for the terminal and for scripts (`npm run retro:actions`): a plain table
 * padded by display width (Japanese characters take two columns), or JSON.
 */
import { formatTable } from '../text/table.ts';
import type { Member } from '../content/schema.ts';
import type { OpenAction } from './history.ts';

export interface OpenActionJson {
  id: string;
  text: string;
  owner: string | null;
  owner_name: string | null;
  /** The owner has left the team: the action needs a new owner. */
  owner_left: boolean;
  due: string | null;
  overdue: boolean;
  age_days: number;
  age_retros: number;
  retro: { id: string; title: string; date: string; team: string; path: string | null };
}

export function openActionsJson(open: readonly OpenAction[], roster: readonly Member[], today: string): OpenActionJson[] {
  const members = new Map(roster.map((m) => [m.id, m]));
  return open.map(({ action, ageDays, ageRetros, overdue }) => {
    const member = action.owner ? members.get(action.owner) : undefined;
    return {
      id: action.id,
      text: action.text,
      owner: action.owner ?? null,
      owner_name: member?.name ?? null,
      owner_left: member?.left !== undefined && member.left <= today,
      due: action.due ?? null,
      overdue,
      age_days: ageDays,
      age_retros: ageRetros,
      retro: {
        id: action.retro.id,
        title: action.retro.title,
        date: action.retro.date,
        team: action.retro.team,
        path: action.retro.path ?? null,
      },
    };
  });
}

export function openActionsTable(actions: readonly OpenActionJson[]): string {
  const rows = actions.map((a) => [
    a.id,
    a.owner ? `${a.owner_name ?? a.owner}${a.owner_left ? ' (left)' : ''}` : '-',
    `${a.age_days}d`,
    String(a.age_retros),
    a.due ? `${a.due}${a.overdue ? ' overdue' : ''}` : '-',
    a.retro.date,
    a.text,
  ]);
  return formatTable(['ID', 'OWNER', 'AGE', 'RETROS', 'DUE', 'CREATED', 'ACTION'], rows);
}
