/**
 * Minutes as people say them. Its own module, free of imports, because the browser's progress
 * script formats with it: from reading-time.ts it would bundle the front-matter and YAML readers,
 * from the UI table every string of the site.
 */
/** "約 1 時間 5 分" / "about 1 h 5 min". */
export function formatMinutes(minutes: number, locale: 'ja' | 'en'): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (locale === 'ja') return h > 0 ? `${h} 時間${m > 0 ? ` ${m} 分` : ''}` : `${m} 分`;
  return h > 0 ? `${h} h${m > 0 ? ` ${m} min` : ''}` : `${m} min`;
}
