/**
 * YAML turns an unquoted `2026-02-30` into a Date that silently rolls over to March 2, so the
 * schema never sees the mistake. This reads the raw front matter and finds date values that
 * name no real day.
 */
import { isIsoDate } from './dates.ts';

export interface ImpossibleDate {
  line: number;
  value: string;
  /** The whole front matter line, e.g. `reviewed: 2026-02-30`. */
  text: string;
}

// A date-shaped YAML value: after "key: ", "- " or a flow "[" / ",", before the end of the value.
const DATE_VALUE = /(?:^|:\s+|-\s+|[[,{]\s*)(\d{4}-\d{2}-\d{2})(?=\s*(?:$|[,\]}#]))/g;

export function findImpossibleDates(frontMatter: string): ImpossibleDate[] {
  const found: ImpossibleDate[] = [];
  frontMatter.split(/\r?\n/).forEach((text, i) => {
    for (const m of text.matchAll(DATE_VALUE)) {
      if (!isIsoDate(m[1])) found.push({ line: i + 1, value: m[1], text: text.trim() });
    }
  });
  return found;
}

