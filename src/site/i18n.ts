/** The UI strings and locale paths, with the UI languages this site is built with. */
import settings from 'virtual:hikitsugi/settings';
import type { Locale } from '../lib/i18n/ui.ts';

export * from '../lib/i18n/ui.ts';

export const LOCALES: Locale[] = settings.ui;
