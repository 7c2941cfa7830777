/**
 * The retrospectives as one history: every Try item is an action, and each action's story
 * (created in one retro, carried through the next ones, closed in a later one) is worked out
 * from the front matter alone, at build time. Pure: no I/O, no clock (today is an argument).
 *
 * Retros belong to a team (`team:` in front matter). "Earlier retros", "the previous retro"
 * and "how many retros an action stayed open" count the retros of the same team, ordered by
 * date, then slug.
 */
import { dayNumber, type IsoDate } from '../content/dates.ts';

export type ItemKind = 'keep' | 'problem' | 'try';
export type ActionStatus = 'open' | 'done' | 'dropped';

/** A retro item as the schema yields it (Try items carry the action fields). */
export interface RetroItemInput {
  kind: ItemKind;
  text: string;
  miro_id?: string;
  id?: string;
  owner?: string;
  due?: IsoDate;
  status?: ActionStatus;
  closed?: IsoDate;
  closed_in?: string;
  note?: string;
}

export interface RetroInput {
  /** Slug, as in `/retros/<id>/`. */
  id: string;
  /** Source file, named in validation errors. */
  path?: string;
  title: string;
  date: IsoDate;
  team: string;
  items: readonly RetroItemInput[];
}

export interface RetroRef {
  id: string;
  path?: string;
  title: string;
  date: IsoDate;
  team: string;
}

export interface Action {
  id: string;
  text: string;
  owner?: string;
  due?: IsoDate;
  status: ActionStatus;
  note?: string;
  /** The retro whose Try created the action. */
  retro: RetroRef;
  /** Index of the Try in that retro's `items`. */
  itemIndex: number;
  /** Day the action was closed, when known (`closed`, or the date of the `closed_in` retro). */
  closedOn?: IsoDate;
  /** The retro that reported the action closed, when there is one yet. */
  closedAt?: RetroRef;
}

/** An action as it stood at a retro after the one that created it. */
export interface FollowUp {
  action: Action;
  /** open: still open today · closed: closed since the previous retro · closed-later: open at that retro, closed since. */
  state: 'open' | 'closed' | 'closed-later';
  /** Retros of the team the action had been carried into, this one included (1 = the next retro). */
  retrosOpen: number;
  /** Days from the retro that created it to this one. */
  daysOpen: number;
}

export interface OpenAction {
  action: Action;
  /** Days from the retro that created it to today. */
  ageDays: number;
  /** Retros the team has held since (up to today) with the action still open. */
  ageRetros: number;
  overdue: boolean;
}

/**
 * Slugs a retro file may not take, nor a folder of retros: they are pages of their own under
 * /retros/ (the open actions, with a page per owner, and the full list of retros a page at a time).
 */
export const RESERVED_RETRO_SLUGS = ['actions', 'all'] as const;

/** The reserved slug a retro id takes, itself or as its first folder (`all/2` would be page 2 of the list). */
export function reservedRetroSlug(id: string): string | undefined {
  return RESERVED_RETRO_SLUGS.find((slug) => id === slug || id.startsWith(`${slug}/`));
}

const teamKey = (team: string) => team.normalize('NFKC').trim().toLowerCase();
/** Team names compare after NFKC, trimming and case folding (ＳＲＥ and "sre " are one team). */
export const sameTeam = (a: string, b: string) => teamKey(a) === teamKey(b);
const byDateThenId = (a: RetroRef, b: RetroRef) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
const where = (r: RetroRef) => r.path ?? `retro "${r.id}"`;

/** The action id of a Try item: its `id`, or one derived from the retro slug and its position. */
export function actionIdOf(retroId: string, tryNumber: number, item: RetroItemInput): string {
  return item.id ?? `${retroId}#${tryNumber}`;
}

export class RetroHistory {
  /** Every retro, oldest first. */
  readonly retros: RetroRef[];
  readonly actions: Action[];
  private readonly sequences = new Map<string, RetroRef[]>();
  private readonly position = new Map<string, number>();
  private readonly byId = new Map<string, RetroRef>();
  private readonly closingIndex = new Map<Action, number>();
  private readonly inputs = new Map<string, RetroInput>();

  constructor(retros: readonly RetroInput[]) {
    const sorted = [...retros].sort(byDateThenId);
    this.retros = sorted.map(({ id, path, title, date, team }) => ({ id, path, title, date, team }));
    this.retros.forEach((ref, i) => {
      this.byId.set(ref.id, ref);
      this.inputs.set(ref.id, sorted[i]);
      const seq = this.sequences.get(teamKey(ref.team)) ?? [];
      this.position.set(ref.id, seq.length);
      seq.push(ref);
      this.sequences.set(teamKey(ref.team), seq);
    });
    this.actions = [];
    for (const [i, ref] of this.retros.entries()) {
      let tryNumber = 0;
      sorted[i].items.forEach((item, itemIndex) => {
        if (item.kind !== 'try') return;
        tryNumber += 1;
        const status = item.status ?? 'open';
        const closedAt = item.closed_in ? this.byId.get(item.closed_in) : undefined;
        this.actions.push({
          id: actionIdOf(ref.id, tryNumber, item),
          text: item.text,
          owner: item.owner,
          due: item.due,
          status,
          note: item.note,
          retro: ref,
          itemIndex,
          closedOn: status === 'open' ? undefined : (item.closed ?? closedAt?.date),
        });
      });
    }
    for (const action of this.actions) {
      const index = this.closingRetroIndex(action);
      if (index === undefined) continue;
      this.closingIndex.set(action, index);
      action.closedAt = this.teamRetros(action.retro.team)[index];
    }
  }

  /** The team's retros, oldest first. */
  teamRetros(team: string): RetroRef[] {
    return this.sequences.get(teamKey(team)) ?? [];
  }

  retro(id: string): RetroRef | undefined {
    return this.byId.get(id);
  }

  input(id: string): RetroInput | undefined {
    return this.inputs.get(id);
  }

  /** The retro of the same team held just before this one. */
  previous(retroId: string): RetroRef | undefined {
    const ref = this.byId.get(retroId);
    if (!ref) return undefined;
    return this.teamRetros(ref.team)[this.position.get(retroId)! - 1];
  }

  /** The actions one retro created, in the order of its Try items. */
  actionsOf(retroId: string): Action[] {
    return this.actions.filter((a) => a.retro.id === retroId);
  }

  /**
   * Index (in the team's sequence) of the retro that reports the action closed; may be past the
   * last retro (closed since, to be reported at the next one). Undefined while the action is open.
   *  - `closed_in: <retro>`: that retro.
   *  - `closed: <day>`: the first retro held on or after that day.
   *  - closed without either: assumed closed by the next retro after the one that created it.
   */
  private closingRetroIndex(action: Action): number | undefined {
    if (action.status === 'open') return undefined;
    const seq = this.teamRetros(action.retro.team);
    const created = this.position.get(action.retro.id)!;
    const input = this.inputs.get(action.retro.id)!.items[action.itemIndex];
    if (input.closed_in && this.byId.has(input.closed_in)) {
      const ref = this.byId.get(input.closed_in)!;
      if (teamKey(ref.team) === teamKey(action.retro.team)) return this.position.get(ref.id)!;
    }
    if (action.closedOn) {
      const index = seq.findIndex((r, i) => i > created && r.date >= action.closedOn!);
      return index === -1 ? seq.length : index;
    }
    return created + 1;
  }

  /**
   * "前回からの持ち越し" for a retro: actions created in the team's earlier retros that were still
   * open when the previous retro ended. Still-open ones first (oldest first), then those closed
   * since the previous retro, then those closed after this one.
   */
  followUps(retroId: string): FollowUp[] {
    const ref = this.byId.get(retroId);
    if (!ref) return [];
    const here = this.position.get(retroId)!;
    const rank = { open: 0, 'closed-later': 1, closed: 2 } as const;
    return this.actions
      .filter((a) => teamKey(a.retro.team) === teamKey(ref.team) && this.position.get(a.retro.id)! < here)
      .flatMap((action): FollowUp[] => {
        const closing = this.closingIndex.get(action);
        if (closing !== undefined && closing < here) return [];
        const state = closing === undefined ? 'open' : closing === here ? 'closed' : 'closed-later';
        return [
          {
            action,
            state,
            retrosOpen: here - this.position.get(action.retro.id)!,
            daysOpen: dayNumber(ref.date) - dayNumber(action.retro.date),
          },
        ];
      })
      .sort((a, b) => rank[a.state] - rank[b.state] || byDateThenId(a.action.retro, b.action.retro) || a.action.itemIndex - b.action.itemIndex);
  }

  /** Actions reported closed at this retro (done or dropped since the previous one). */
  closedAt(retroId: string): Action[] {
    const ref = this.byId.get(retroId);
    if (!ref) return [];
    const here = this.position.get(retroId)!;
    return this.actions.filter((a) => teamKey(a.retro.team) === teamKey(ref.team) && this.closingIndex.get(a) === here);
  }

  /** Actions open today (created on or before it), oldest first, with their age in days and in retros. */
  openActions(today: IsoDate): OpenAction[] {
    return this.actions
      .filter((a) => a.status === 'open' && a.retro.date <= today)
      .map((action) => {
        const seq = this.teamRetros(action.retro.team);
        const created = this.position.get(action.retro.id)!;
        return {
          action,
          ageDays: dayNumber(today) - dayNumber(action.retro.date),
          ageRetros: seq.filter((r, i) => i > created && r.date <= today).length,
          overdue: action.due !== undefined && action.due < today,
        };
      })
      .sort((a, b) => byDateThenId(a.action.retro, b.action.retro) || a.action.itemIndex - b.action.itemIndex);
  }
}

/**
 * Open actions by owner, for the actions page: unassigned actions first (a Try nobody owns is
 * the first thing to fix), then owners in the order of their oldest open action.
 */
export function byOwner(open: readonly OpenAction[]): [owner: string | undefined, actions: OpenAction[]][] {
  const groups = new Map<string | undefined, OpenAction[]>();
  if (open.some((o) => o.action.owner === undefined)) groups.set(undefined, []);
  // Push rather than copy the group for every action (quadratic with many open actions).
  for (const o of open) {
    const list = groups.get(o.action.owner);
    if (list) list.push(o);
    else groups.set(o.action.owner, [o]);
  }
  return [...groups.entries()];
}

/** URL segment of an owner's open actions: the member id, or "_unassigned" (no member id starts with "_"). */
export const ownerKey = (owner: string | undefined) => owner ?? '_unassigned';

/**
 * What the schema cannot see because it takes more than one file: duplicate action ids,
 * `closed_in` naming no retro of the team, closing fields on an open action, a retro slug that is
 * a page of its own. Each problem names the file.
 */
export function checkRetros(retros: readonly RetroInput[]): string[] {
  const problems: string[] = [];
  const byId = new Map(retros.map((r) => [r.id, r]));
  const seen = new Map<string, RetroInput>();
  for (const retro of retros) {
    const at = where(retro);
    const reserved = reservedRetroSlug(retro.id);
    if (reserved) {
      problems.push(`${at}: the slug "${reserved}" is reserved for the page /retros/${reserved}/; rename the ${reserved === retro.id ? 'file' : 'folder'}`);
    }
    let tryNumber = 0;
    retro.items.forEach((item, i) => {
      if (item.kind !== 'try') return;
      tryNumber += 1;
      const id = actionIdOf(retro.id, tryNumber, item);
      const label = `${at}: items.${i} (action "${id}")`;
      const first = seen.get(id);
      if (first && first !== retro) problems.push(`${label}: action id already used in ${where(first)}; action ids must be unique`);
      else if (first) problems.push(`${label}: action id used twice in this retro; action ids must be unique`);
      else seen.set(id, retro);
      const status = item.status ?? 'open';
      if (status === 'open' && (item.closed || item.closed_in)) {
        problems.push(`${label}: status is open but ${item.closed ? 'closed' : 'closed_in'} is set; set status to done or dropped, or remove it`);
      }
      if (item.closed && item.closed < retro.date) {
        problems.push(`${label}: closed ${item.closed} is before the retro that created it (${retro.date})`);
      }
      if (item.closed_in) {
        const closer = byId.get(item.closed_in);
        if (!closer) problems.push(`${label}: closed_in "${item.closed_in}" is not a retro (use the slug of a file in retros/)`);
        else if (teamKey(closer.team) !== teamKey(retro.team)) {
          problems.push(`${label}: closed_in "${item.closed_in}" is a retro of another team ("${closer.team}")`);
        } else if (byDateThenId(closer, retro) <= 0) {
          problems.push(`${label}: closed_in "${item.closed_in}" is not later than the retro that created the action`);
        }
      }
    });
  }
  return problems;
}
