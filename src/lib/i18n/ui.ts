/**
 * The UI strings, one table for every language, and locale paths. Japanese is the root locale
 * (no URL prefix); English lives under /en/ unless the site is built with the Japanese UI only.
 * Content is written in Japanese and keeps lang="ja" in both UIs.
 */
import type { Locale } from '../config/settings.ts';

export type { Locale };
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
  'action.open': { ja: '未完了', en: 'open' },
  'action.done': { ja: '完了', en: 'done' },
  'action.dropped': { ja: '中止', en: 'dropped' },
  action: { ja: 'アクション', en: 'Action' },
  assignee: { ja: '担当', en: 'Owner' },
  unassigned: { ja: '担当未定', en: 'Unassigned' },
  due: { ja: '期限', en: 'Due' },
  overdue: { ja: '期限切れ', en: 'overdue' },
  createdIn: { ja: '作成した振り返り', en: 'Created in' },
  age: { ja: '経過', en: 'Open for' },
  carried: { ja: '持ち越し', en: 'Carried' },
  followUps: { ja: '前回からの持ち越し', en: 'Carried over from earlier retros' },
  followUpsNone: { ja: '前回から持ち越したアクションはありません。', en: 'No actions were carried over.' },
  followUpsIntro: {
    ja: 'この振り返りの時点で未完了だった、これまでの振り返りのアクションです（状態は現在のもの）。',
    en: 'Actions from earlier retros that were still open at this retro (status as of today).',
  },
  'followUp.open': { ja: '未完了のまま', en: 'still open' },
  'followUp.closedLater': { ja: 'のちに{status}（{date}）', en: '{status} later ({date})' },
  'followUp.closed': { ja: '{status}（前回以降）', en: '{status} since the previous retro' },
  carriedCount: { ja: '{n} 回目・{days} 日', en: '{n} retros · {days} days' },
  ageValue: { ja: '{days} 日・{n} 回', en: '{days} days · {n} retros' },
  openActions: { ja: '未完了のアクション', en: 'Open actions' },
  openActionsSummary: {
    ja: '未完了のアクションは {n} 件（期限切れ {overdue} 件）です。古いものから並べています。経過の「回」は、作成後に開いた振り返りの回数です。',
    en: '{n} open actions ({overdue} overdue), oldest first. "Retros" counts the retros held since the action was created.',
  },
  openActionsNone: { ja: '未完了のアクションはありません。', en: 'There are no open actions.' },
  openActionsHowTo: {
    ja: '完了したら、振り返りページの front matter で status を done（やめたら dropped）にし、closed に日付を入れてプルリクエストを出してください。',
    en: 'To close one, set its status to done (or dropped) and closed to the day in the retro page front matter, in a pull request.',
  },
  recurredBefore: { ja: 'これまでに {n} 回出ています', en: 'came up {n} times before' },
  recurringProblems: { ja: '繰り返し出ている Problem', en: 'Recurring problems' },
  recurringNone: { ja: '繰り返し出ている Problem はまだありません。', en: 'No problem has come up twice yet.' },
  recurringTimes: { ja: '{n} 回', en: '{n} retros' },
  similarity: { ja: '類似度', en: 'similarity' },
  trend: { ja: '推移', en: 'Over time' },
  timeline: { ja: '振り返り一覧', en: 'All retros' },
  actionsClosed: { ja: '完了したアクション', en: 'Actions closed' },
  closedCount: { ja: 'アクション完了 {n} 件', en: '{n} actions closed' },
  chartOmitted: { ja: '（直近 {shown} 回を表示、それ以前の {n} 回は省略）', en: '(latest {shown} retros; {n} earlier ones not shown)' },
  chartLabel: {
    ja: '{team}の振り返りごとの Keep / Problem / Try の件数と完了したアクションの件数',
    en: 'Keep / Problem / Try counts and actions closed per retro, {team}',
  },
  knowledge: { ja: 'ナレッジリスク', en: 'Knowledge risk' },
  alertsPage: { ja: 'アラートとランブック', en: 'Alerts and runbooks' },
  alertRules: { ja: 'このランブックを指すアラートルール', en: 'Alert rules pointing here' },
  'alertRules.viaUrl': { ja: 'runbook_url', en: 'runbook_url' },
  'alertRules.viaName': { ja: 'alerts: に記載', en: 'listed in alerts:' },
  reviewOverdue: { ja: 'レビュー期限切れ', en: 'Review overdue' },
  daysOverdue: { ja: '日超過', en: 'days overdue' },
  daysLeft: { ja: 'あと {n} 日', en: 'in {n} days' },
  dueToday: { ja: '今日が期限', en: 'due today' },
  reviewOverdueHelp: {
    ja: '内容がいまも正しいか確認し、front matter の reviewed を更新してください。',
    en: 'Check that the page is still right, then update reviewed in its front matter.',
  },
  noActiveOwner: { ja: '現役のオーナーがいません', en: 'No active owner' },
  noActiveOwnerHelp: {
    ja: 'オーナーが全員チームを離れています（またはオーナー未設定です）。引き継ぐ人を決めて owners を更新してください。',
    en: 'Every owner has left the team (or none is set). Decide who takes the page over and update owners.',
  },
  seeKnowledge: { ja: 'ナレッジリスクの一覧', en: 'All knowledge risks' },
  onboarding: { ja: 'オンボーディング', en: 'Onboarding' },
  'onboarding.intro': {
    ja: '新しく参加した方のための、読む順番とやることのリストです。上から順に進めてください。チェックした進み具合はこのブラウザに保存されます。',
    en: 'Reading paths for new team members: what to read and do, in order. Ticked steps are saved in this browser.',
  },
  'onboarding.audience': { ja: '対象', en: 'For' },
  'onboarding.stepsCount': { ja: '{n} ステップ', en: '{n} steps' },
  'onboarding.total': { ja: '合計 約 {time}', en: 'About {time} in all' },
  'onboarding.required': { ja: '任意のステップを除くと約 {time}', en: 'about {time} without the optional steps' },
  'onboarding.untimed': { ja: '時間の目安がないタスク {n} 件を除く', en: 'not counting {n} tasks with no estimate' },
  'onboarding.minutes': { ja: '約 {time}', en: 'about {time}' },
  'onboarding.readingTime': { ja: '読むのに約 {time}', en: 'about {time} to read' },
  'onboarding.task': { ja: 'やること', en: 'Task' },
  'onboarding.optional': { ja: '任意', en: 'optional' },
  'onboarding.openLink': { ja: 'リンクを開く', en: 'Open link' },
  'onboarding.why': { ja: 'なぜ読むのか', en: 'Why' },
  'onboarding.overdue': { ja: 'レビュー期限切れ', en: 'Overdue for review' },
  'onboarding.overdueHint': {
    ja: '{due} までに見直される予定でしたが、まだ見直されていません。古い記述があるかもしれないので、気になる点はオーナーに確認してください。',
    en: 'This page was due for review by {due} and has not been reviewed since. Parts may be out of date: check with its owners when something looks off.',
  },
  'onboarding.overdueCount': { ja: 'レビュー期限切れのページ {n} 件', en: 'Overdue for review: {n}' },
  'onboarding.progress': { ja: '{done} / {total} 完了', en: '{done} of {total} done' },
  'onboarding.remaining': { ja: '残り約 {time}', en: 'about {time} left' },
  'onboarding.reset': { ja: '進み具合をリセット', en: 'Reset progress' },
  'onboarding.resume': { ja: '続きから: {label}', en: 'Continue: {label}' },
  'onboarding.allDone': { ja: 'すべて完了しました。おつかれさまでした。', en: 'All done. Welcome aboard.' },
  'onboarding.noscript': {
    ja: 'チェックを付けて進み具合を保存するには JavaScript が必要です。一覧はこのまま読めます。',
    en: 'Ticking steps off needs JavaScript; the list itself works without it.',
  },
  'onboarding.noStorage': {
    ja: 'このブラウザでは進み具合を保存できません（プライベートモードなど）。このページを閉じると消えます。',
    en: 'This browser does not let the site save progress (private mode?). It is kept until you leave the page.',
  },
  'onboarding.doneLabel': { ja: '完了: {label}', en: 'Done: {label}' },
  'onboarding.markDone': { ja: 'このステップを完了にする', en: 'Mark this step done' },
  'onboarding.banner': { ja: 'ステップ {n} / {total}（{path}）', en: 'Step {n} of {total} in {path}' },
  'onboarding.prev': { ja: '前へ', en: 'Previous' },
  'onboarding.next': { ja: '次へ', en: 'Next' },
  'onboarding.finish': { ja: 'パスのページに戻る', en: 'Back to the path' },
  'onboarding.owners': { ja: 'このパスのオーナー', en: 'Path owners' },
  'onboarding.allPaths': { ja: 'ほかのパスも見る', en: 'All reading paths' },
  'onboarding.none': {
    ja: 'オンボーディングのパスはまだありません。content/onboarding/<id>.yaml を追加すると、ここに表示されます。',
    en: 'No reading paths yet. Add content/onboarding/<id>.yaml and it appears here.',
  },
  // Search (src/components/starlight/Search.astro): the whole dialog in the UI language.
  'search.label': { ja: '検索', en: 'Search' },
  'search.placeholder': { ja: 'キーワード、アラート名で検索', en: 'Search by words or an alert name' },
  'search.cancel': { ja: 'キャンセル', en: 'Cancel' },
  'search.results': { ja: '{n} 件', en: '{n} results' },
  'search.result': { ja: '{n} 件', en: '{n} result' },
  'search.shown': { ja: '{n} 件（上位 {shown} 件を表示）', en: '{n} results (top {shown} shown)' },
  'search.none': { ja: '「{q}」に一致するページはありません', en: 'No pages match "{q}"' },
  'search.loading': { ja: '検索中…', en: 'Searching…' },
  'search.error': { ja: '検索インデックスを読み込めませんでした。ページを再読み込みしてください。', en: 'The search index could not be loaded. Reload the page.' },
  'search.partial': { ja: '一部の語に一致', en: 'matches part of the words' },
} satisfies Record<string, Record<Locale, string>>;

export type StringKey = keyof typeof strings;

export function t(locale: Locale, key: StringKey): string {
  return strings[key][locale];
}

/** Starlight's own strings we change: its ToC "Overview" (概要) collides with runbooks' 概要 section. */
const starlightOverrides: Record<Locale, Record<string, string>> = {
  ja: { 'tableOfContents.overview': 'ページの先頭' },
  en: { 'tableOfContents.overview': 'Top of page' },
};

/** `t` with `{name}` placeholders filled in. */
export function tf(locale: Locale, key: StringKey, values: Record<string, string | number>): string {
  return t(locale, key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Entries for Starlight's i18n collection: its overrides plus our strings as `hikitsugi.<key>`. */
export function starlightStrings(locale: Locale): Record<string, string> {
  return {
    ...starlightOverrides[locale],
    ...Object.fromEntries(Object.entries(strings).map(([key, value]) => [`hikitsugi.${key}`, value[locale]])),
  };
}
