/**
 * UI languages. Japanese is the root locale (no URL prefix); English lives under /en/.
 * Content is written in Japanese and keeps lang="ja" in both UIs.
 */
export type Locale = 'ja' | 'en';
export const LOCALES: Locale[] = ['ja', 'en'];
export const CONTENT_LANG = 'ja';

/** URL prefix of a locale: '' for the root locale. */
export const localePrefix = (locale: Locale) => (locale === 'ja' ? '' : `/${locale}`);

/** Which UI locale an injected route pattern belongs to. */
export function localeOfPattern(pattern: string): Locale {
  return pattern === '/en' || pattern.startsWith('/en/') ? 'en' : 'ja';
}

/** Site path for a locale, with the base path: href(base, 'en', '/runbooks/') -> /handbook/en/runbooks/ */
export function href(base: string, locale: Locale, path: string): string {
  const b = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${b}${localePrefix(locale)}${path}`;
}

const strings = {
  owners: { ja: 'オーナー', en: 'Owners' },
  reviewed: { ja: '最終レビュー', en: 'Last reviewed' },
  nextReview: { ja: '次回レビュー', en: 'Next review' },
  noOwner: { ja: 'オーナー未設定', en: 'No owner' },
  left: { ja: '退職', en: 'left' },
  service: { ja: 'サービス', en: 'Service' },
  severity: { ja: '重要度', en: 'Severity' },
  alerts: { ja: 'アラート', en: 'Alerts' },
  dashboards: { ja: 'ダッシュボード', en: 'Dashboards' },
  escalation: { ja: 'エスカレーション', en: 'Escalation' },
  system: { ja: '対象システム', en: 'System' },
  status: { ja: 'ステータス', en: 'Status' },
  from: { ja: '引き継ぎ元', en: 'From' },
  to: { ja: '引き継ぎ先', en: 'To' },
  date: { ja: '日付', en: 'Date' },
  team: { ja: 'チーム', en: 'Team' },
  title: { ja: 'タイトル', en: 'Title' },
  keep: { ja: 'Keep（続けること）', en: 'Keep' },
  problem: { ja: 'Problem（問題）', en: 'Problem' },
  try: { ja: 'Try（次に試すこと）', en: 'Try' },
  board: { ja: 'Miro ボード', en: 'Miro board' },
  notes: { ja: 'メモ', en: 'Notes' },
  none: { ja: 'なし', en: 'None' },
  chapter: { ja: '章', en: 'Chapter' },
  guideline: { ja: 'SRE ガイドライン', en: 'SRE guideline' },
  runbooks: { ja: 'ランブック', en: 'Runbooks' },
  handover: { ja: '引き継ぎ', en: 'Handover' },
  retros: { ja: '振り返り', en: 'Retrospectives' },
  home: { ja: 'ホーム', en: 'Home' },
  pages: { ja: 'ページ', en: 'pages' },
  items: { ja: '項目', en: 'items' },
  'severity.critical': { ja: 'critical（最重要）', en: 'critical' },
  'severity.high': { ja: 'high（高）', en: 'high' },
  'severity.medium': { ja: 'medium（中）', en: 'medium' },
  'severity.low': { ja: 'low（低）', en: 'low' },
  'status.draft': { ja: '下書き', en: 'draft' },
  'status.in-progress': { ja: '引き継ぎ中', en: 'in progress' },
  'status.done': { ja: '完了', en: 'done' },
} satisfies Record<string, Record<Locale, string>>;

export type StringKey = keyof typeof strings;

export function t(locale: Locale, key: StringKey): string {
  return strings[key][locale];
}

/** The same strings as Starlight translation entries (`hikitsugi.<key>`), for the i18n collection. */
export function starlightStrings(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).map(([key, value]) => [`hikitsugi.${key}`, value[locale]]));
}
