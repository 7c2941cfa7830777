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
  pages: { ja: '{n} ページ', en: '{n} {n:page|pages}' },
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
  carriedCount: { ja: '{n} 回目・{days} 日', en: '{n} {n:retro|retros} · {days} {days:day|days}' },
  ageValue: { ja: '{days} 日・{n} 回', en: '{days} {days:day|days} · {n} {n:retro|retros}' },
  openActions: { ja: '未完了のアクション', en: 'Open actions' },
  openActionsSummary: {
    ja: '未完了のアクションは {n} 件（期限切れ {overdue} 件）です。古いものから並べています。経過の「回」は、作成後に開いた振り返りの回数です。',
    en: '{n} open {n:action|actions} ({overdue} overdue), oldest first. "Retros" counts the retros held since the action was created.',
  },
  openActionsNone: { ja: '未完了のアクションはありません。', en: 'There are no open actions.' },
  openActionsHowTo: {
    ja: '完了したら、振り返りページの front matter で status を done（やめたら dropped）にし、closed に日付を入れてプルリクエストを出してください。',
    en: 'To close one, set its status to done (or dropped) and closed to the day in the retro page front matter, in a pull request.',
  },
  recurredBefore: { ja: 'これまでに {n} 回出ています', en: 'came up {n} {n:time|times} before' },
  recurringProblems: { ja: '繰り返し出ている Problem', en: 'Recurring problems' },
  recurringNone: { ja: '繰り返し出ている Problem はまだありません。', en: 'No problem has come up twice yet.' },
  recurringTimes: { ja: '{n} 回', en: '{n} {n:retro|retros}' },
  similarity: { ja: '類似度', en: 'similarity' },
  trend: { ja: '推移', en: 'Over time' },
  timeline: { ja: '振り返り一覧', en: 'All retros' },
  actionsClosed: { ja: '完了したアクション', en: 'Actions closed' },
  closedCount: { ja: 'アクション完了 {n} 件', en: '{n} {n:action|actions} closed' },
  chartOmitted: { ja: '（直近 {shown} 回を表示、それ以前の {n} 回は省略）', en: '(latest {shown} {shown:retro|retros}; {n} earlier {n:one|ones} not shown)' },
  chartLabel: {
    ja: '{team}の振り返りごとの Keep / Problem / Try の件数と完了したアクションの件数',
    en: 'Keep / Problem / Try counts and actions closed per retro, {team}',
  },
  knowledge: { ja: 'ナレッジリスク', en: 'Knowledge risk' },
  alertsPage: { ja: 'アラートとランブック', en: 'Alerts and runbooks' },
  alertRules: { ja: 'このランブックを指すアラートルール', en: 'Alert rules pointing here' },
  'alertRules.viaUrl': { ja: 'runbook_url', en: 'runbook_url' },
  'alertRules.viaName': { ja: 'alerts: に記載', en: 'listed in alerts:' },
  // Page texts, one prefix a page (stringsOf gives a page all of its strings at once).
  'home.description': { ja: 'チームの SRE ガイドライン、ランブック、引き継ぎ資料、振り返り', en: "The team's SRE guideline, runbooks, handover docs and retrospectives" },
  'home.tagline': {
    ja: '明日あなたが車にはねられても、誰かがこのシステムを引き継げるように。ここはチームの知識を置く場所です。',
    en: 'Keep the system so that anyone can take it over, even if you are hit by a car tomorrow. This is where the team keeps what it knows.',
  },
  'home.newcomers': { ja: '新しく参加した方へ', en: 'New to the team?' },
  'home.startHere': { ja: 'まずはこちらから：', en: 'Start here: ' },
  'home.startPath': {
    ja: '（{steps} ステップ、約 {time}）。上から順に読み、終わったらチェックを付けてください。',
    en: ' ({steps} {steps:step|steps}, about {time}). Read from the top and tick each step off.',
  },
  'home.otherPaths': { ja: 'ほかのパス（', en: ' Other paths (' },
  'home.otherPathsUnder': { ja: '）は ', en: ') are under ' },
  'home.otherPathsEnd': { ja: ' にあります。', en: '.' },
  'home.startGuideline': { ja: 'まずはガイドラインの最初の章から読んでください：', en: 'Start with the first chapter of the guideline: ' },
  'home.attention': { ja: 'いま手当てが必要なもの', en: 'Needs attention now' },
  'home.attentionNone': { ja: 'レビュー期限切れやオーナーのリスクはありません。', en: 'Nothing is overdue for review or at ownership risk.' },
  'home.attentionCounts': {
    ja: 'レビュー期限切れ {overdue} 件、オーナーのリスク {atRisk} 件（うち現役のオーナーなし {noActiveOwner} 件）。',
    en: '{overdue} overdue for review, {atRisk} at ownership risk ({noActiveOwner} with no active owner). ',
  },
  'home.contents': { ja: 'ここにあるもの', en: 'What is here' },
  'home.about.guideline': {
    ja: 'チームが何を大切にし、どう判断するか。SLO、オンコール、変更管理、振り返り。',
    en: 'What the team values and how it decides: SLOs, on-call, change management, retrospectives.',
  },
  'home.about.runbooks': { ja: 'アラートが鳴ったときに開く手順書。サービスと重要度で引けます。', en: 'What to do when an alert fires, by service and severity.' },
  'home.about.handover': { ja: 'システムや役割の引き継ぎ資料。誰が抜けても回るように。', en: 'Handover notes per system and role, so nothing depends on one person.' },
  'home.about.retros': { ja: 'KPT 振り返りの記録と、そこから生まれたアクション。', en: 'KPT retrospectives and the actions they produced.' },
  'alertPage.redirect.before': { ja: 'アラート ', en: 'Taking you to the runbook for ' },
  'alertPage.redirect.after': { ja: ' のランブックに移動します: ', en: ': ' },
  'alertPage.several.before': { ja: 'アラート ', en: 'Runbooks for ' },
  'alertPage.several.after': { ja: ' のランブック', en: '' },
  'alertPage.several': { ja: 'このアラートには複数のランブックがあります。状況に合うものを開いてください。', en: 'Several runbooks answer this alert; open the one that fits.' },
  'alertPage.all': { ja: 'アラートとランブックの一覧', en: 'All alerts and runbooks' },
  'checklist.optional': { ja: '任意', en: 'optional' },
  'checklist.overdue': { ja: 'レビュー期限切れ、内容に注意', en: 'overdue for review, double-check it' },
  'checklist.path': { ja: 'パス', en: 'Path' },
  'checklist.total': { ja: '合計 約', en: 'about' },
  // Punctuation differs too: Japanese uses full-width brackets and 。 with no space.
  listSeparator: { ja: '、', en: ', ' },
  paren: { ja: '（{text}）', en: ' ({text})' },
  sentenceEnd: { ja: '。', en: '. ' },
  'knowledge.intro': { ja: '{today} 時点。レビュー期限は「最終レビュー日 + review_every 日」、オーナーのリスクは現役のオーナーが {minOwners} 人未満のページ、バスファクターは Git の履歴から求めた「何人抜けると半分以上のページの作者がいなくなるか」です。', en: 'As of {today}. A review is due reviewed + review_every days after the last one; a page is at risk with fewer than {minOwners} active owners; the bus factor, from Git history, is how many people must leave before more than half of the pages have no author left.' },
  'knowledge.pages': { ja: 'ページ', en: 'pages' },
  'knowledge.overdue': { ja: '期限切れ', en: 'overdue' },
  'knowledge.dueSoon': { ja: '{dueSoonDays} 日以内に期限', en: 'due within {dueSoonDays} days' },
  'knowledge.atRisk': { ja: 'オーナーのリスク', en: 'at risk' },
  'knowledge.orphaned': { ja: '現役のオーナーなし', en: 'without an active owner' },
  'knowledge.reviewHeading': { ja: 'レビュー期限', en: 'Reviews due' },
  'knowledge.riskHeading': { ja: 'オーナーのリスク', en: 'Ownership risk' },
  'knowledge.exposureHeading': { ja: 'メンバーごとの影響', en: 'Exposure per member' },
  'knowledge.busHeading': { ja: 'バスファクター', en: 'Bus factor' },
  'knowledge.status': { ja: '状態', en: 'Status' },
  'knowledge.due': { ja: '期限', en: 'Due' },
  'knowledge.page': { ja: 'ページ', en: 'Page' },
  'knowledge.owners': { ja: 'オーナー', en: 'Owners' },
  'knowledge.risk': { ja: 'リスク', en: 'Risk' },
  'knowledge.member': { ja: 'メンバー', en: 'Member' },
  'knowledge.owns': { ja: '担当', en: 'Owns' },
  'knowledge.exposure': { ja: '抜けるとオーナー不在になるページ', en: 'Pages left without an active owner if they leave' },
  'knowledge.actions': { ja: '未完了のアクション', en: 'Open actions' },
  'knowledge.folder': { ja: 'フォルダ', en: 'Folder' },
  'knowledge.files': { ja: 'ページ数', en: 'Pages' },
  'knowledge.bus': { ja: 'バスファクター', en: 'Bus factor' },
  'knowledge.keyPeople': { ja: '抜けると困る人（作者のページ数）', en: 'Key people (pages authored)' },
  'knowledge.orphanedFiles': { ja: '作者が全員離脱', en: 'Authors all gone' },
  'knowledge.overdue.s': { ja: '期限切れ', en: 'overdue' },
  'knowledge.due-soon.s': { ja: 'まもなく', en: 'due soon' },
  'knowledge.ok.s': { ja: '', en: '' },
  'knowledge.no-owner': { ja: 'オーナー未設定', en: 'no owner' },
  'knowledge.no-active-owner': { ja: '現役のオーナーなし', en: 'no active owner' },
  'knowledge.single-owner': { ja: 'オーナーが 1 人', en: 'single owner' },
  'knowledge.few-owners': { ja: 'オーナーが少ない', en: 'too few owners' },
  'knowledge.noneDue': { ja: '{dueSoonDays} 日以内に期限を迎えるページはありません。', en: 'Nothing is due within {dueSoonDays} days.' },
  'knowledge.noneRisk': { ja: 'リスクのあるページはありません。', en: 'No page is at risk.' },
  'knowledge.exposureHelp.0': { ja: 'その人が抜けると、現役のオーナーがいなくなるページです。0 でない人は、ページのオーナーを増やすか ', en: 'Pages that would have no active owner if that person left. For anyone above 0, add owners, or write a handover with ' },
  'knowledge.exposureHelp.1': { ja: 'npx hikitsugi handover --member <id>', en: 'npx hikitsugi handover --member <id>' },
  'knowledge.exposureHelp.2': { ja: ' で引き継ぎ資料を作ってください。', en: '.' },
  'knowledge.busHelp': { ja: 'Avelino ら (ICPC 2016) の degree-of-authorship で各ページの作者を決め、作者の多い人から順に除いて、半分を超えるページの作者がいなくなるまでの人数です。退職したメンバーはすでに数えていません。', en: 'Authors of each page come from the degree-of-authorship model of Avelino et al. (ICPC 2016); the bus factor removes the biggest authors until more than half of the pages have none left. Members who have left no longer count.' },
  'knowledge.unavailable': { ja: 'バスファクターは計算できません', en: 'Bus factor unavailable' },
  'knowledge.active': { ja: '在籍', en: 'active' },
  'knowledge.left': { ja: '退職', en: 'left' },
  'knowledge.leaving': { ja: '退職予定', en: 'leaving' },
  'knowledge.days': { ja: '日', en: 'days' },
  'knowledge.ago': { ja: '日超過', en: 'days overdue' },
  'knowledge.inDays': { ja: 'あと', en: 'in' },
  'knowledge.unmapped': { ja: '名簿にない Git の作者がいます。team.yaml の emails か git に追加してください:', en: 'Some Git authors are not in the roster; add them to emails or git in team.yaml:' },
  'knowledge.notInRoster': { ja: '名簿外', en: 'not in roster' },
  'knowledge.cli.0': { ja: 'ターミナルでは ', en: 'In a terminal, ' },
  'knowledge.cli.1': { ja: 'npx hikitsugi knowledge [--json] [--strict]', en: 'npx hikitsugi knowledge [--json] [--strict]' },
  'knowledge.cli.2': { ja: ' で同じ内容を確認できます。', en: ' prints the same report.' },
  'knowledge.service': { ja: 'サービス', en: 'service' },
  more: { ja: 'ほか {n} 件', en: '{n} more' },
  'retrosIndex.latest': { ja: '新しい順に {shown} 回を表示しています（全 {n} 回）。', en: 'The latest {shown} of {n} {n:retro|retros}.' },
  'retrosIndex.all': { ja: '全 {n} 回の振り返りの一覧', en: 'All {n} {n:retro|retros}' },
  'retrosIndex.groupsShown': { ja: '回数の多い {shown} 件を表示しています（全 {n} 件）。ほかの Problem は各振り返りの欄に出ています。', en: 'The {shown} most frequent of {n}; the others are shown with each retro.' },
  'retrosIndex.range': { ja: '全 {n} 回中 {from}〜{to} 回目（新しい順）', en: '{from}–{to} of {n}, newest first' },
  'retrosIndex.back': { ja: '振り返りに戻る', en: 'Back to retrospectives' },
  'actionsPage.all': { ja: 'この人の未完了のアクション {n} 件をすべて見る', en: 'All {n} open {n:action|actions} of this owner' },
  'actionsPage.title': { ja: '{owner} の未完了のアクション', en: 'Open actions: {owner}' },
  'actionsPage.range': { ja: '全 {n} 件中 {from}〜{to} 件目（古い順）', en: '{from}–{to} of {n}, oldest first' },
  'actionsPage.back': { ja: '未完了のアクションの一覧に戻る', en: 'All open actions' },
  'knowledge.shown': { ja: '緊急度の高い順に {shown} 件を表示しています（全 {n} 件）。', en: 'The {shown} most urgent of {n}.' },
  'knowledge.all': { ja: '全 {n} 件の一覧', en: 'All {n}' },
  'knowledge.back': { ja: 'ナレッジリスクに戻る', en: 'Back to knowledge risk' },
  'knowledge.exposureOf': { ja: '{name} が抜けるとオーナー不在になるページ', en: 'Pages left without an active owner if {name} leaves' },
  'knowledge.range': { ja: '全 {n} 件中 {from}〜{to} 件目', en: '{from}–{to} of {n}' },
  // /runbooks/ (a row per service) and /services/<service>/ (its runbooks, a page at a time).
  'runbooksIndex.intro': { ja: 'サービスごとのランブックの数、重要度、レビュー期限の状況です。サービス名を開くと、そのサービスのランブックの一覧があります。', en: 'Runbooks per service, by severity and review status. Open a service for its runbooks.' },
  'runbooksIndex.service': { ja: 'サービス', en: 'Service' },
  'runbooksIndex.count': { ja: 'ランブック', en: 'Runbooks' },
  'runbooksIndex.overdue': { ja: 'レビュー期限切れ', en: 'Overdue' },
  'runbooksIndex.dueSoon': { ja: 'まもなく期限', en: 'Due soon' },
  'runbooksIndex.total': { ja: '{services} サービス、ランブック {n} 件', en: '{n} {n:runbook|runbooks} in {services} {services:service|services}' },
  'runbooksIndex.none': { ja: 'ランブックはまだありません。', en: 'No runbooks yet.' },
  'servicePage.title': { ja: '{service} のランブック', en: 'Runbooks: {service}' },
  'servicePage.range': { ja: '全 {n} 件中 {from}〜{to} 件目（重要度の高い順）', en: '{from}–{to} of {n}, most severe first' },
  'servicePage.back': { ja: 'サービスの一覧に戻る', en: 'All services' },
  'pager.label': { ja: 'ページ送り', en: 'Pages' },
  'pager.prev': { ja: '前へ', en: 'Previous' },
  'pager.next': { ja: '次へ', en: 'Next' },
  'pager.page': { ja: '{n} ページ目', en: 'Page {n}' },
  'alerts.intro': { ja: 'アラートルール {rules} 件（{files} ファイル）とランブックの対応です。ルールの runbook_url がこのサイトのランブックを開けるか、ランブックの alerts: に載っているかを確かめています。', en: "{rules} alert rules ({files} files) checked against the runbooks: does each rule's runbook_url open a runbook of this site, or does a runbook list the alert in alerts:?" },
  'alerts.noRules': { ja: 'アラートルールのファイルがまだありません。content/alerts/ に Prometheus のルール（.yaml）か Terraform のアラートポリシー（.tf）を置くと、ここで確認できます。', en: 'No alert rule files yet. Put Prometheus rules (.yaml) or Terraform alert policies (.tf) in content/alerts/ and they are checked here.' },
  'alerts.names': { ja: 'アラート', en: 'alerts' },
  'alerts.covered': { ja: 'ランブックあり', en: 'with a runbook' },
  'alerts.missing': { ja: 'ランブックなし', en: 'without a runbook' },
  'alerts.broken': { ja: '開けない runbook_url', en: 'runbook_url leads nowhere' },
  'alerts.stale': { ja: '指されていないランブック', en: 'runbooks no alert points to' },
  'alerts.severity': { ja: '重要度の不一致', en: 'severity mismatches' },
  'alerts.alert': { ja: 'アラート', en: 'Alert' },
  'alerts.runbook': { ja: 'ランブック', en: 'Runbook' },
  'alerts.source': { ja: 'ルールの場所', en: 'Rule' },
  'alerts.url': { ja: 'runbook_url', en: 'runbook_url' },
  'alerts.sev': { ja: '重要度', en: 'Severity' },
  'alerts.via': { ja: '対応のしかた', en: 'Found by' },
  'alerts.listed': { ja: 'ランブックの alerts:', en: "Runbook's alerts:" },
  'alerts.rbSev': { ja: 'ランブックの重要度', en: 'Runbook severity' },
  'alerts.ruleSev': { ja: 'ルールの重要度', en: 'Rule severity' },
  'alerts.viaUrl': { ja: 'runbook_url', en: 'runbook_url' },
  'alerts.viaName': { ja: 'alerts: に記載', en: 'listed in alerts:' },
  'alerts.noneMissing': { ja: 'ランブックのないアラートはありません。', en: 'Every alert has a runbook.' },
  'alerts.noneBroken': { ja: '開けない runbook_url はありません。', en: 'Every runbook_url opens.' },
  'alerts.noneStale': { ja: 'どのアラートからも指されていないランブックはありません。', en: 'Every runbook is pointed to by an alert.' },
  'alerts.noneSeverity': { ja: '重要度の不一致はありません。', en: 'No severity mismatch.' },
  'alerts.noneCovered': { ja: 'ランブックのあるアラートはまだありません。', en: 'No alert has a runbook yet.' },
  'alerts.staleHelp': { ja: 'alerts: にアラート名があるのに、そのアラートのルールがないランブックです。アラートが削除されたか、名前が変わった可能性があります。', en: 'Runbooks whose alerts: names an alert that no rule defines: the alert was removed, or renamed.' },
  'alerts.stableHelp.0': { ja: 'どのアラートにも同じテンプレートを使えます: ', en: 'One template fits every rule: ' },
  'alerts.stableHelp.1': { ja: 'runbook_url: https://<このサイト>/alerts/{{ $labels.alertname }}/', en: 'runbook_url: https://<this site>/alerts/{{ $labels.alertname }}/' },
  'alerts.stableHelp.2': { ja: '。/alerts/<アラート名>/ はそのランブックに移動します。', en: '. /alerts/<alert name>/ leads to its runbook.' },
  'alerts.cli.0': { ja: 'ターミナルでは ', en: 'In a terminal, ' },
  'alerts.cli.1': { ja: 'npx hikitsugi alerts [--json] [--strict]', en: 'npx hikitsugi alerts [--json] [--strict]' },
  'alerts.cli.2': { ja: ' で同じ内容を確認できます。', en: ' prints the same report.' },
  reviewOverdue: { ja: 'レビュー期限切れ', en: 'Review overdue' },
  daysOverdue: { ja: '{n} 日超過', en: '{n} {n:day|days} overdue' },
  daysLeft: { ja: 'あと {n} 日', en: 'in {n} {n:day|days}' },
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
  'onboarding.stepsCount': { ja: '{n} ステップ', en: '{n} {n:step|steps}' },
  'onboarding.total': { ja: '合計 約 {time}', en: 'About {time} in all' },
  'onboarding.required': { ja: '任意のステップを除くと約 {time}', en: 'about {time} without the optional steps' },
  'onboarding.untimed': { ja: '時間の目安がないタスク {n} 件を除く', en: 'not counting {n} {n:task|tasks} with no estimate' },
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

/** The table itself, for the test that every key has every language. */
export const UI_STRINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = strings;

export function t(locale: Locale, key: StringKey): string {
  return strings[key][locale];
}

type KeysUnder<P extends string, K = StringKey> = K extends `${P}.${infer S}` ? S : never;

/** Every string of a page (the keys under `prefix.`, without it), placeholders filled: `stringsOf('en', 'knowledge', {...}).intro`. */
export function stringsOf<P extends string>(locale: Locale, prefix: P, values: Record<string, string | number> = {}): Record<KeysUnder<P>, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(strings) as StringKey[]) if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = tf(locale, key, values);
  return out as Record<KeysUnder<P>, string>;
}

/** Starlight's own strings we change: its ToC "Overview" (概要) collides with runbooks' 概要 section. */
const starlightOverrides: Record<Locale, Record<string, string>> = {
  ja: { 'tableOfContents.overview': 'ページの先頭' },
  en: { 'tableOfContents.overview': 'Top of page' },
};

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * `t` with placeholders filled in: `{n}` is the value, `{n:day|days}` the word that goes with it,
 * the first form when the language calls the number "one" (Intl.PluralRules), else the second.
 */
export function tf(locale: Locale, key: StringKey, values: Record<string, string | number>): string {
  return t(locale, key).replace(/\{(\w+)(?::([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in values)) return whole;
    if (one === undefined) return String(values[name]);
    let rules = pluralRules.get(locale);
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
    return rules.select(Number(values[name])) === 'one' ? one : other!;
  });
}

/** Entries for Starlight's i18n collection: its overrides plus our strings as `hikitsugi.<key>`. */
export function starlightStrings(locale: Locale): Record<string, string> {
  return {
    ...starlightOverrides[locale],
    ...Object.fromEntries(Object.entries(strings).map(([key, value]) => [`hikitsugi.${key}`, value[locale]])),
  };
}
