/**
 * The day a retrospective happened, read from the text people put on the board:
 * `2025-06-12`, `2025/06/12` (or `2025/6/12`, `2025.06.12`) and `2025年6月12日`,
 * in full-width digits too.
 */
import { isIsoDate, todayIn, type IsoDate } from '../content/dates.ts';

const DATE_PATTERNS = [
  /(?<![\d])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/g,
  /(?<![\d])(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
];

/** The first real calendar day written in `text`, or undefined. */
export function findDate(text: string): IsoDate | undefined {
  const normalized = text.normalize('NFKC');
  let best: { index: number; date: IsoDate } | undefined;
  for (const pattern of DATE_PATTERNS) {
    for (const m of normalized.matchAll(pattern)) {
      const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      if (!isIsoDate(date)) continue;
      if (!best || m.index < best.index) best = { index: m.index, date };
      break;
    }
  }
  return best?.date;
}

/** The first date found in the texts, in the order given. */
export function firstDate(texts: Iterable<string>): IsoDate | undefined {
  for (const text of texts) {
    const date = findDate(text);
    if (date) return date;
  }
  return undefined;
}

/** The calendar day of an instant (`2025-06-12T01:02:03Z`) in the team's time zone. */
export function dayOfInstant(instant: string, timeZone: string): IsoDate | undefined {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return undefined;
  return todayIn(timeZone, new Date(time));
}
