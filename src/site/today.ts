import settings from 'virtual:hikitsugi/settings';
import { teamToday, type IsoDate } from '../lib/content/dates.ts';

/** The day the site is built for, in the team's time zone; HIKITSUGI_TODAY=YYYY-MM-DD pins it. */
export function today(): IsoDate {
  return teamToday(settings.timeZone, process.env.HIKITSUGI_TODAY);
}
