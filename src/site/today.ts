import settings from '../../hikitsugi.config.mjs';
import { isIsoDate, todayIn, type IsoDate } from '../lib/content/dates.ts';

/**
 * The day the site is built for, in the team's time zone. HIKITSUGI_TODAY=YYYY-MM-DD pins it,
 * so tests and reviews of "what is overdue" are reproducible.
 */
export function today(): IsoDate {
  const pinned = process.env.HIKITSUGI_TODAY;
  if (pinned) {
    if (!isIsoDate(pinned)) throw new Error(`HIKITSUGI_TODAY="${pinned}" is not a date (YYYY-MM-DD)`);
    return pinned;
  }
  return todayIn(settings.timeZone);
}
