/**
 * Closing actions from the board: when a new retro board is imported, some stickies say that an
 * earlier Try is done. The rule (also in docs/retro-memory.md):
 *
 *  1. A sticky in a Done area: the frame or column it sits in is titled "Done", "完了" or "済"
 *     ("前回の Try: 完了", "Done 🎉", "済み" count; "未完了", "Not done" do not).
 *  2. A Keep that quotes an earlier Try: 「…」, "…", “…” or 『…』 around the Try's text (or most of it).
 *
 * The sticky names its action by the action id anywhere in its text (`a-2026-10-15-1`), or by
 * the action's text: quoted text must match the Try closely; a Done-area sticky may be a short
 * summary of it ("アラートの棚卸し" for "対応不要だったアラートを…棚卸しし…"), as long as one open
 * action matches clearly better than every other. A sticky that matches two actions about
 * equally closes neither and is reported as ambiguous, for a human to settle in the PR.
 */
import { dice, ngrams, normalizeText } from './similarity.ts';

export interface BoardSticky {
  /** Miro item id, reported back so the PR can name the sticky. */
  id?: string;
  text: string;
  /** The importer's classification of the sticky, when it has one. */
  kind?: 'keep' | 'problem' | 'try';
  /** Title of the frame or column the sticky sits in. */
  area?: string;
}

export interface ClosableAction {
  id: string;
  text: string;
}

export interface BoardClosing {
  actionId: string;
  sticky: BoardSticky;
  reason: 'done-area' | 'keep-quote';
  /** 1 for an id or exact quote; otherwise the text match score. */
  score: number;
}

export interface AmbiguousSticky {
  sticky: BoardSticky;
  candidates: string[];
}

/** How closely the text must match (id and exact quotes always do). */
export const CLOSE_THRESHOLD = 0.7;
/** How much better the best action must match than the runner-up. */
export const CLOSE_MARGIN = 0.1;

/** True for a frame/column title that means "done". */
export function isDoneArea(title: string | undefined): boolean {
  if (!title) return false;
  const t = title.normalize('NFKC').toLowerCase();
  if (/未完了|未済|not\s*done|undone|un-done/.test(t)) return false;
  return /完了/.test(t) || /(^|[^\p{L}])済/u.test(t) || /(^|[^a-z])done($|[^a-z])/.test(t);
}

const QUOTES = /「([^」]+)」|『([^』]+)』|“([^”]+)”|"([^"]+)"/g;

/** The quoted passages of a text. */
export function quotesIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(QUOTES)].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4]).trim()).filter(Boolean);
}

const compact = (text: string) => normalizeText(text).replace(/[\p{White_Space}\p{P}\p{S}]+/gu, '');

/** Share of the (weighted) bigrams of `part` that also occur in `whole`. */
function containment(part: Map<string, number>, whole: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const [g, w] of part) {
    total += w;
    const v = whole.get(g);
    if (v !== undefined) shared += Math.min(w, v);
  }
  // Very short fragments ("done!", "OK") say nothing about which action they mean.
  return total < 3 ? 0 : shared / total;
}

const idPattern = (id: string) => new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`, 'i');

/** True when a sticky's text names the action by its id (the rule that closes it from a Keep or a Done area). */
export const namesAction = (text: string, actionId: string): boolean => idPattern(actionId).test(text);

function matchScores(text: string, actions: readonly ClosableAction[], allowSummary: boolean): { id: string; score: number }[] {
  const grams = ngrams(text);
  const flat = compact(text);
  return actions.map((a) => {
    const actionFlat = compact(a.text);
    // An exact copy, or a verbatim piece of at least half of the Try.
    if (flat.length > 0 && (flat === actionFlat || (flat.length >= 4 && actionFlat.includes(flat) && flat.length >= actionFlat.length / 2))) {
      return { id: a.id, score: 1 };
    }
    const actionGrams = ngrams(a.text);
    const score = allowSummary ? Math.max(dice(grams, actionGrams), containment(grams, actionGrams)) : dice(grams, actionGrams);
    return { id: a.id, score };
  });
}

function pick(scores: { id: string; score: number }[]): { id: string; score: number } | 'ambiguous' | undefined {
  const ranked = scores.filter((s) => s.score >= CLOSE_THRESHOLD).sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return undefined;
  const [best, second] = ranked;
  if (second && best.score - second.score < CLOSE_MARGIN) return 'ambiguous';
  return best;
}

/**
 * Which of the open actions the board closes. Each action is closed at most once (by the
 * best-matching sticky); stickies that could mean several actions are returned as ambiguous.
 */
export function actionsClosedByBoard(
  openActions: readonly ClosableAction[],
  stickies: readonly BoardSticky[],
): { closed: BoardClosing[]; ambiguous: AmbiguousSticky[] } {
  const best = new Map<string, BoardClosing>();
  const ambiguous: AmbiguousSticky[] = [];
  const close = (actionId: string, sticky: BoardSticky, reason: BoardClosing['reason'], score: number) => {
    const previous = best.get(actionId);
    if (!previous || score > previous.score) best.set(actionId, { actionId, sticky, reason, score });
  };
  for (const sticky of stickies) {
    if (!sticky.text.trim()) continue;
    const inDone = isDoneArea(sticky.area);
    const isKeep = sticky.kind === 'keep' && !inDone;
    if (!inDone && !isKeep) continue;
    const reason = inDone ? 'done-area' : 'keep-quote';
    // Named by id: every action it names.
    const named = openActions.filter((a) => idPattern(a.id).test(sticky.text));
    if (named.length > 0) {
      for (const a of named) close(a.id, sticky, reason, 1);
      continue;
    }
    const passages = inDone ? [sticky.text] : quotesIn(sticky.text);
    for (const passage of passages) {
      const scores = matchScores(passage, openActions, inDone);
      const exact = scores.filter((s) => s.score === 1);
      const choice = exact.length > 1 ? 'ambiguous' : pick(scores);
      if (choice === 'ambiguous') {
        ambiguous.push({ sticky, candidates: scores.filter((s) => s.score >= CLOSE_THRESHOLD).map((s) => s.id) });
      } else if (choice) {
        close(choice.id, sticky, reason, choice.score);
      }
    }
  }
  // Report in the order of the open actions, which is the order the PR lists them in.
  const closed = openActions.flatMap((a) => (best.has(a.id) ? [best.get(a.id)!] : []));
  return { closed, ambiguous };
}
