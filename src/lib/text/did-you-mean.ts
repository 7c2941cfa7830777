/**
 * The one "did you mean": the candidate a misspelt name most likely meant, by edit distance
 * (fastest-levenshtein), or none when every candidate is too far off to be a typo.
 */
import { distance } from 'fastest-levenshtein';

export interface DidYouMeanOptions {
  /** Also take a candidate that contains the name or is contained in it (an anchor cut short or run on). */
  partial?: boolean;
}

/** Edits a typo may have: two, or a quarter of the name for long ones. */
const typoEdits = (wanted: string) => Math.max(2, Math.floor(wanted.length / 4));

/** The closest candidate (the first of equals), when it is close enough to be meant. */
export function didYouMean(wanted: string, candidates: Iterable<string>, options: DidYouMeanOptions = {}): string | undefined {
  const list = [...candidates];
  if (options.partial) {
    const part = list.find((c) => c.includes(wanted) || wanted.includes(c));
    if (part !== undefined) return part;
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of list) {
    const d = distance(wanted, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= typoEdits(wanted) ? best : undefined;
}
