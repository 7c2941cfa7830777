/**
 * The settings for a command: hikitsugi.config.mjs in the working directory, validated once
 * (src/io/config.ts). A wrong setting ends the command with one line naming it, exit 1.
 */
import { loadSettings } from '../io/config.ts';
import { SettingsError, type Settings } from '../lib/config/settings.ts';
import { teamToday, type IsoDate } from '../lib/content/dates.ts';

export async function cliSettings(): Promise<Settings> {
  try {
    return await loadSettings();
  } catch (e) {
    if (e instanceof SettingsError) {
      console.error(`error: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
}

/** "Today" for the team of these settings (HIKITSUGI_TODAY pins it). */
export function cliToday(settings: Settings): IsoDate {
  return teamToday(settings.timeZone, process.env.HIKITSUGI_TODAY);
}
