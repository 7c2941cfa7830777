/**
 * Synthetic runbooks for benchmarks and the page-size build test: deterministic (seeded PRNG),
 * mixed Japanese and English, with realistic front matter, the headings our runbooks use
 * (概要/影響/調査/対応/切り戻し/エスカレーション), bash/SQL code blocks, tables and links to
 * other generated pages. Pure: returns file texts; callers write them.
 *
 * The same Markdown body goes to every site under comparison; only the front matter differs
 * (ours needs owners/reviewed/service/severity, stock Starlight and plain Astro take title and
 * description).
 */
import { stringify } from 'yaml';

/** mulberry32: small, fast, good enough for picking words. Same seed, same site. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function pickSome<T>(r: Rand, list: readonly T[], count: number): T[] {
  const pool = [...list];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

const SERVICES = [
  { id: 'cloud-sql', name: 'Cloud SQL', resource: 'acme-prod-main' },
  { id: 'gke', name: 'GKE', resource: 'acme-prod-cluster' },
  { id: 'bigquery', name: 'BigQuery', resource: 'acme_analytics' },
  { id: 'pubsub', name: 'Pub/Sub', resource: 'orders-events' },
  { id: 'cloud-run', name: 'Cloud Run', resource: 'api-gateway' },
  { id: 'memorystore', name: 'Memorystore', resource: 'session-cache' },
  { id: 'load-balancer', name: 'Cloud Load Balancing', resource: 'web-lb' },
  { id: 'gcs', name: 'Cloud Storage', resource: 'acme-prod-uploads' },
  { id: 'payments', name: '決済 API', resource: 'payments-api' },
  { id: 'auth', name: '認証基盤', resource: 'auth-service' },
  { id: 'batch', name: '夜間バッチ', resource: 'nightly-etl' },
  { id: 'search', name: '検索 API', resource: 'search-api' },
] as const;

const SYMPTOMS = [
  { slug: 'high-latency', ja: 'レイテンシ悪化', en: 'high latency', alert: 'LatencyP99High' },
  { slug: 'error-rate', ja: 'エラー率の上昇', en: 'elevated error rate', alert: 'ErrorBudgetBurnFast' },
  { slug: 'disk-full', ja: 'ディスク逼迫', en: 'disk almost full', alert: 'DiskUsageHigh' },
  { slug: 'connection-limit', ja: '接続数の上限到達', en: 'connection limit reached', alert: 'ConnectionsSaturated' },
  { slug: 'memory-pressure', ja: 'メモリ逼迫', en: 'memory pressure', alert: 'MemoryUsageHigh' },
  { slug: 'cert-expiry', ja: '証明書の期限切れ', en: 'certificate expiry', alert: 'CertificateExpiringSoon' },
  { slug: 'quota-exceeded', ja: 'クォータ超過', en: 'quota exceeded', alert: 'QuotaExceeded' },
  { slug: 'replication-lag', ja: 'レプリケーション遅延', en: 'replication lag', alert: 'ReplicationLagHigh' },
  { slug: 'backlog', ja: 'メッセージの滞留', en: 'message backlog', alert: 'BacklogGrowing' },
  { slug: 'crashloop', ja: 'Pod の再起動ループ', en: 'crash loop', alert: 'PodCrashLooping' },
] as const;

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

const JA = [
  'まず影響範囲を確認し、ユーザーへの影響があるかどうかを判断します。',
  'アラートが発火した時刻と直近のデプロイ時刻を比べ、変更が原因かどうかを切り分けます。',
  '判断に迷ったら、原因の特定を待たずに戻せるものを先に戻します。',
  'ダッシュボードでエラー率とレイテンシの推移を確認し、いつから悪化したかを記録します。',
  '作業の前に #incident チャンネルで宣言し、作業内容と時刻をスレッドに残してください。',
  'この手順は本番環境に直接影響します。必ず二人で確認しながら進めてください。',
  '一時的な対処で収まった場合でも、根本原因の調査チケットを必ず起票します。',
  '過去の障害では、設定変更の反映漏れが原因だったことが何度かあります。',
  'コマンドの実行結果は、あとで振り返りに使うのでスレッドに貼り付けておきます。',
  '夜間や休日の場合は、無理に根本対応をせず、翌営業日に持ち越して構いません。',
  'エラーバジェットを大きく消費している場合は、新規リリースを止める判断をします。',
  'ログは Cloud Logging で対象のリソースに絞り込んでから確認すると早く見つかります。',
  'キャパシティ不足が疑われる場合は、スケールアウトで時間を稼いでから原因を調べます。',
  '外部サービス起因の可能性があるときは、ステータスページを先に確認します。',
  '復旧したら、監視の値が 15 分以上安定していることを確かめてから完了を宣言します。',
];

const EN = [
  'Check the blast radius first: which customers and which endpoints are affected.',
  'Compare the alert start time with the most recent deploy before digging deeper.',
  'If in doubt, roll back first and investigate afterwards.',
  'Post every command you run and its output in the incident thread for the retrospective.',
  'This step touches production directly; pair with a second engineer while running it.',
  'Scaling out buys time, but it is not a fix: open a follow-up ticket for the root cause.',
  'Most past incidents of this kind were caused by a configuration change that was not rolled out everywhere.',
  'Wait until the metrics have been stable for at least 15 minutes before declaring recovery.',
];

const TEAM = ['tanaka', 'suzuki', 'watanabe', 'takahashi', 'ito', 'yamamoto', 'nakamura', 'kobayashi'];

/** A roster for the generated site: the owner ids the generator uses by default. */
export const BENCH_ROSTER = stringify(
  TEAM.map((id, i) => ({ id, name: `${id} さん`, role: i === 0 ? 'テックリード' : 'SRE', joined: `20${18 + (i % 7)}-04-01` })),
);

export interface SyntheticRunbook {
  /** File name without extension, unique; the page lives at /runbooks/<slug>/. */
  slug: string;
  title: string;
  description: string;
  service: string;
  severity: (typeof SEVERITIES)[number];
  owners: string[];
  reviewed: string;
  tags: string[];
  alerts: string[];
  dashboards: { title: string; url: string }[];
  escalation: string;
  /** Markdown/MDX body (no front matter): identical for every site under comparison. */
  body: string;
}

export interface GenerateOptions {
  seed?: number;
  /** Member ids to draw owners from (must exist in the roster of the site being built). */
  owners?: readonly string[];
}

const pad = (i: number) => String(i).padStart(4, '0');

/** Service, symptom, slug and title depend on the index only, so a page can link to any other. */
export function runbookIdentity(i: number) {
  const r = prng(i * 7919 + 17);
  const service = pick(r, SERVICES);
  const symptom = pick(r, SYMPTOMS);
  return { service, symptom, slug: `${service.id}-${symptom.slug}-${pad(i)}`, title: `${service.name} の${symptom.ja}（#${i}）` };
}

function paragraph(r: Rand, english: boolean): string {
  const pool = english ? EN : JA;
  return pickSome(r, pool, between(r, 2, 4)).join(english ? ' ' : '');
}

function bashBlock(r: Rand, resource: string): string {
  const lines = pickSome(
    r,
    [
      `gcloud logging read 'resource.labels.service_name="${resource}" AND severity>=ERROR' --freshness=1h --limit 50`,
      `kubectl -n app get pods -l app=${resource} -o wide`,
      `kubectl -n app rollout history deploy/${resource}`,
      `kubectl -n app top pods --sort-by=memory | head -20`,
      `gcloud sql instances describe ${resource} --format="value(state,gceZone)"`,
      `gcloud monitoring time-series list --filter='metric.type="custom.googleapis.com/${resource}/latency"'`,
      `gh run list --repo acme/web --workflow deploy.yml --limit 5`,
      `curl -sS -o /dev/null -w '%{http_code} %{time_total}\\n' https://${resource}.example.com/healthz`,
    ],
    between(r, 2, 5),
  );
  return ['```bash', ...lines, '```'].join('\n');
}

function sqlBlock(r: Rand, resource: string): string {
  const minutes = pick(r, [15, 30, 60, 120]);
  return [
    '```sql',
    'SELECT',
    '  TIMESTAMP_TRUNC(timestamp, MINUTE) AS minute,',
    '  COUNTIF(status >= 500) AS errors,',
    '  COUNT(*) AS requests,',
    '  APPROX_QUANTILES(latency_ms, 100)[OFFSET(99)] AS p99_ms',
    `FROM \`acme-prod.logs.${resource.replace(/-/g, '_')}_requests\``,
    `WHERE timestamp > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL ${minutes} MINUTE)`,
    'GROUP BY minute',
    'ORDER BY minute DESC;',
    '```',
  ].join('\n');
}

function table(r: Rand, service: (typeof SERVICES)[number]): string {
  const rows = [
    ['項目', '値'],
    ['対象', `\`${service.resource}\``],
    ['リージョン', `\`${pick(r, ['asia-northeast1', 'asia-northeast2', 'us-central1'])}\``],
    ['平常時のエラー率', `${(r() * 0.5).toFixed(2)}%`],
    ['平常時の p99 レイテンシ', `${between(r, 80, 900)} ms`],
    ['SLO', `${pick(r, ['99.9', '99.95', '99.5'])}% / 28 日`],
    ['Owner team', pick(r, ['Platform', 'Data', 'Payments', 'Identity'])],
  ].slice(0, between(r, 4, 7));
  const [head, ...body] = rows;
  return [`| ${head.join(' | ')} |`, '| --- | --- |', ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function checklist(r: Rand): string {
  return pickSome(
    r,
    [
      '- [ ] エラー率が平常値に戻っている',
      '- [ ] PagerDuty のアラートが解消している',
      '- [ ] `#incident` に経過と結果を書いた',
      '- [ ] Follow-up tickets are filed',
      '- [ ] ステータスページを更新した',
      '- [ ] The dashboard shows stable p99 latency for 15 minutes',
    ],
    between(r, 3, 5),
  ).join('\n');
}

export function generateRunbook(i: number, n: number, options: GenerateOptions = {}): SyntheticRunbook {
  const r = prng((options.seed ?? 1) * 1_000_003 + i);
  const { service, symptom, slug, title } = runbookIdentity(i);
  const owners = pickSome(r, options.owners ?? TEAM, between(r, 1, 2));
  const severity = pick(r, SEVERITIES);
  const month = between(r, 1, 11);
  const day = between(r, 1, 28);
  const reviewed = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const description = `${service.name}（${service.resource}）で${symptom.ja}が起きたときの調査と対応の手順。When ${service.name} shows ${symptom.en}.`;
  // Two or three links to other generated pages (never itself).
  const wanted = Math.min(between(r, 2, 3), n - 1);
  const targets = new Set<number>();
  while (targets.size < wanted) {
    const k = Math.floor(r() * n);
    if (k !== i) targets.add(k);
  }
  const links = [...targets].map((k) => {
    const other = runbookIdentity(k);
    return `[${other.title}](/runbooks/${other.slug}/)`;
  });

  const sections: string[] = [];
  sections.push(
    '## 概要',
    paragraph(r, false),
    table(r, service),
    paragraph(r, r() < 0.4),
  );
  sections.push('## 影響', paragraph(r, false), `- ${paragraph(r, false)}\n- ${paragraph(r, true)}\n- ${paragraph(r, false)}`);
  sections.push('## 調査', '### 1. 状況を確認する', paragraph(r, false), bashBlock(r, service.resource));
  sections.push('### 2. ログを集計する', paragraph(r, r() < 0.5), sqlBlock(r, service.resource));
  if (links.length > 0) sections.push(`関連するランブック: ${links.join('、')}。See also the related runbooks above.`);
  sections.push('## 対応', paragraph(r, false), bashBlock(r, service.resource), paragraph(r, true), checklist(r));
  sections.push('## 切り戻し', paragraph(r, false), paragraph(r, true));
  const escalation = `${between(r, 10, 30)} 分以内に回復しない場合は、テックリードを PagerDuty で呼び出す。`;
  sections.push('## エスカレーション', `${escalation}${paragraph(r, false)}`);

  const alerts = pickSome(r, [symptom.alert, 'ErrorBudgetBurnFast', 'SLOBurnRateHigh', `${service.id.replace(/-/g, '')}Down`], between(r, 1, 3));
  return {
    slug,
    title,
    description,
    service: service.id,
    severity,
    owners,
    reviewed,
    tags: [service.id, symptom.slug],
    alerts,
    dashboards: [{ title: `${service.name} 概要`, url: `https://redash.example.com/dashboards/${between(r, 1, 99)}-${service.id}` }],
    escalation,
    body: sections.join('\n\n') + '\n',
  };
}

export function generateRunbooks(n: number, options: GenerateOptions = {}): SyntheticRunbook[] {
  return Array.from({ length: n }, (_, i) => generateRunbook(i, n, options));
}

function withFrontMatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}

/** The file as a hikitsugi runbook (our schema). */
export function hikitsugiRunbook(page: SyntheticRunbook): string {
  const { slug: _slug, body, ...data } = page;
  return withFrontMatter(data, body);
}

/** The file for stock Starlight and plain Astro: the same body, only title and description. */
export function plainPage(page: SyntheticRunbook): string {
  return withFrontMatter({ title: page.title, description: page.description }, page.body);
}

/** Relative path -> text for a hikitsugi content folder (runbooks only, plus a roster). */
export function hikitsugiContent(pages: SyntheticRunbook[], options: { roster?: boolean } = {}): Record<string, string> {
  const files: Record<string, string> = {};
  if (options.roster ?? true) files['team.yaml'] = BENCH_ROSTER;
  for (const page of pages) files[`runbooks/${page.slug}.mdx`] = hikitsugiRunbook(page);
  return files;
}

/** Relative path (under src/content/docs) -> text for stock Starlight and plain Astro. */
export function docsContent(pages: SyntheticRunbook[]): Record<string, string> {
  const files: Record<string, string> = {
    'index.mdx': withFrontMatter({ title: 'チームハンドブック', description: 'Runbooks' }, 'ランブックの一覧は左のメニューから。\n'),
  };
  for (const page of pages) files[`runbooks/${page.slug}.mdx`] = plainPage(page);
  return files;
}
