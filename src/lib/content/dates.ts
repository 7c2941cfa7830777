/**
 * Calendar dates as plain `YYYY-MM-DD` strings: review dates are days, not instants,
 * so they must not shift with the time zone of whoever runs the build.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

/** True when `value` is a real calendar day in `YYYY-MM-DD` form (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * YAML parsers turn `2025-06-12` into a Date at UTC midnight; a quoted string stays a string.
 * Both mean the same day.
 */
export function toIsoDate(value: Date | string): IsoDate | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return value.toISOString().slice(0, 10);
  }
  const s = String(value).trim();
  return isIsoDate(s) ? s : undefined;
}

/** Days since the Unix epoch for a calendar date: whole-day arithmetic with no DST surprises. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

// One formatter per time zone: building one took 40 to 120 µs, and every page of a site asks.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in a given IANA time zone (the team's, not the build machine's). */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * "Today" for a team: the pinned day (HIKITSUGI_TODAY, so tests and reviews are reproducible),
 * else the calendar day in the team's time zone.
 */
export function teamToday(timeZone: string, pinned: string | undefined, now: Date = new Date()): IsoDate {
  if (pinned) {
    if (!isIsoDate(pinned)) throw new Error(`HIKITSUGI_TODAY="${pinned}" is not a date (YYYY-MM-DD)`);
    return pinned;
  }
  return todayIn(timeZone, now);
}
