/**
 * Problems that keep coming back. Two Problem items of the same team are "the same problem"
 * when their text similarity (character bigram Dice, see similarity.ts) reaches the threshold.
 * Taken oldest first, a problem joins the group of its most similar earlier phrasing, so a
 * problem phrased a third way joins when it resembles any earlier phrasing, but one problem can
 * never bridge two groups into one.
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
    // Oldest first, each problem joins the group holding its most similar earlier phrasing (if
    // that reaches the threshold), else starts a group. Joining one group, never bridging two,
    // keeps a problem that resembles two different ones from merging them into one.
    const groupOf: number[] = [];
    const members = new Map<number, number[]>();
    // Earlier problems by bigram, per team: only those sharing a bigram can be similar at all.
    const postings = new Map<string, number[]>();
    for (let j = 0; j < all.length; j++) {
      const candidates = new Set<number>();
      for (const g of all[j].grams.keys()) for (const i of postings.get(`${all[j].team}\u0000${g}`) ?? []) candidates.add(i);
      let best = -1;
      let bestScore = threshold;
      for (const i of candidates) {
        const s = dice(all[i].grams, all[j].grams);
        if (s > bestScore || (s === bestScore && best === -1) || (s === bestScore && i < best)) {
          best = i;
          bestScore = s;
        }
      }
      const group = best === -1 ? j : groupOf[best];
      groupOf[j] = group;
      if (members.has(group)) members.get(group)!.push(j);
      else members.set(group, [j]);
      for (const g of all[j].grams.keys()) {
        const k = `${all[j].team}\u0000${g}`;
        if (postings.has(k)) postings.get(k)!.push(j);
        else postings.set(k, [j]);
      }
    }

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
          const s = dice(all[i].grams, all[j].grams);
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
