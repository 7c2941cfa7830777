/**
 * Problems that keep coming back. Two Problem items of the same team are "the same problem"
 * when their text similarity (character bigram Dice, see similarity.ts) reaches the threshold;
 * groups are the connected sets of such pairs (single linkage), so a problem phrased a third way
 * joins the group when it resembles any earlier phrasing.
 */
import { dice, ngrams } from './similarity.ts';
import type { RetroInput, RetroRef } from './history.ts';

/**
 * Tuned on realistic retro Problems (test/unit/retro-recurring.test.ts): rephrasings of one
 * problem score 0.68 and up (夜間のオンコール呼び出しが多い / オンコールの夜間呼び出しが多すぎる: 0.725,
 * "Too many pages at night" / "Too many night-time pages for the on-call": 0.684); different
 * problems that share words score up to 0.50 (夜中のアラートで起こされることが多い /
 * アラートが多すぎる: 0.50, オンコールの夜間… / オンコールの引き継ぎ…: 0.42).
 */
export const RECURRING_THRESHOLD = 0.55;

export interface ProblemOccurrence {
  retro: RetroRef;
  /** Index of the Problem in the retro's `items`. */
  itemIndex: number;
  text: string;
}

export interface ProblemGroup {
  /** Oldest first. */
  occurrences: ProblemOccurrence[];
  /** Distinct retros the problem came up in. */
  retroCount: number;
}

/** An earlier retro in which a problem came up, with the closest phrasing there. */
export interface EarlierMention {
  retro: RetroRef;
  text: string;
  similarity: number;
}

const teamKey = (team: string) => team.normalize('NFKC').trim().toLowerCase();
const order = (a: RetroRef, b: RetroRef) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
const key = (retroId: string, itemIndex: number) => `${retroId}\u0000${itemIndex}`;

export class RecurringProblems {
  /** Groups that span at least two retros, most retros first, then most recent first. */
  readonly groups: ProblemGroup[];
  private readonly earlier = new Map<string, EarlierMention[]>();

  constructor(retros: readonly RetroInput[], threshold = RECURRING_THRESHOLD) {
    const sorted = [...retros].sort(order);
    const all: (ProblemOccurrence & { team: string; grams: Map<string, number> })[] = [];
    for (const r of sorted) {
      const ref: RetroRef = { id: r.id, path: r.path, title: r.title, date: r.date, team: r.team };
      r.items.forEach((item, itemIndex) => {
        if (item.kind === 'problem') all.push({ retro: ref, itemIndex, text: item.text, team: teamKey(r.team), grams: ngrams(item.text) });
      });
    }
    // Union-find over similar pairs of the same team.
    const parent = all.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    const score = new Map<string, number>();
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        if (all[i].team !== all[j].team) continue;
        const s = dice(all[i].grams, all[j].grams);
        if (s < threshold) continue;
        score.set(`${i},${j}`, s);
        parent[find(j)] = find(i);
      }
    }
    const members = new Map<number, number[]>();
    all.forEach((_, i) => members.set(find(i), [...(members.get(find(i)) ?? []), i]));

    const groups: ProblemGroup[] = [];
    for (const list of members.values()) {
      const occurrences = list.map((i) => ({ retro: all[i].retro, itemIndex: all[i].itemIndex, text: all[i].text }));
      const retroCount = new Set(occurrences.map((o) => o.retro.id)).size;
      if (retroCount < 2) continue;
      groups.push({ occurrences, retroCount });
      // For each occurrence: the earlier retros of its group, with the closest phrasing in each.
      for (const i of list) {
        const byRetro = new Map<string, EarlierMention>();
        for (const j of list) {
          if (order(all[j].retro, all[i].retro) >= 0) continue;
          const s = score.get(`${Math.min(i, j)},${Math.max(i, j)}`) ?? dice(all[i].grams, all[j].grams);
          const best = byRetro.get(all[j].retro.id);
          if (!best || s > best.similarity) byRetro.set(all[j].retro.id, { retro: all[j].retro, text: all[j].text, similarity: s });
        }
        if (byRetro.size > 0) {
          this.earlier.set(
            key(all[i].retro.id, all[i].itemIndex),
            [...byRetro.values()].sort((a, b) => order(b.retro, a.retro)),
          );
        }
      }
    }
    const last = (g: ProblemGroup) => g.occurrences[g.occurrences.length - 1].retro;
    this.groups = groups.sort((a, b) => b.retroCount - a.retroCount || order(last(b), last(a)));
  }

  /** Earlier retros in which the Problem at `items[itemIndex]` of this retro came up, newest first. */
  earlierMentions(retroId: string, itemIndex: number): EarlierMention[] {
    return this.earlier.get(key(retroId, itemIndex)) ?? [];
  }

  /** Problems of this retro that came up before: item index -> earlier mentions. */
  recurringIn(retroId: string): Map<number, EarlierMention[]> {
    const found = new Map<number, EarlierMention[]>();
    for (const [k, mentions] of this.earlier) {
      const [id, index] = k.split('\u0000');
      if (id === retroId) found.set(Number(index), mentions);
    }
    return found;
  }
}
