/**
 * New pages that start right: valid front matter (today's review date, an owner) and the
 * sections the lint requires, each with a line saying what goes there. The page builds and
 * lints as created; the TODO lines tell the author what is left.
 */
import { Document, visit, isSeq } from 'yaml';
import GithubSlugger from 'github-slugger';
import type { Kind } from '../content/schema.ts';
import { DEFAULT_REQUIRED, SECTIONS } from '../lint/sections.ts';

export type NewKind = Extract<Kind, 'guideline' | 'runbooks' | 'handover'>;
export const NEW_KINDS: Record<string, NewKind> = { guideline: 'guideline', runbook: 'runbooks', handover: 'handover' };

export interface NewPageInput {
  kind: NewKind;
  title: string;
  owners: string[];
  today: string;
  /** Runbooks. */
  service?: string;
  severity?: string;
  /** Handover. */
  system?: string;
  /** Guideline: position in the table of contents. */
  order?: number;
  /** Required section ids (from the lint config), in order. */
  sections?: string[];
  /** Language of headings and guidance (default ja). */
  lang?: 'ja' | 'en';
  /** Text per section id instead of the TODO guidance (a starter page that is already an example). */
  body?: Record<string, string>;
  description?: string;
}

/** What to write under each section: one line of guidance. */
const GUIDANCE: Record<string, string> = {
  overview: 'TODO: どのアラートや症状のときに使う手順か、対象のシステムは何かを書きます。',
  impact: 'TODO: ユーザーやほかのシステムに何が起きるか、どのくらい急ぐべきかを書きます。',
  diagnosis: 'TODO: 状況を確かめる手順を、コピーして実行できるコマンドと一緒に番号付きで書きます。',
  mitigation: 'TODO: 影響を止める手順を書きます。判断が必要な分かれ道では、判断の基準も書きます。',
  rollback: 'TODO: 対応で変えたものを元に戻す手順を書きます。戻すものがなければ、そう書きます。',
  escalation: 'TODO: どのくらい経っても収まらないとき、誰をどう呼ぶかを書きます。',
  about: 'TODO: 何を、誰から誰へ、いつまでに引き継ぐのかを書きます。',
  where: 'TODO: リポジトリ、ダッシュボード、クラウドのリソースなど、どこに何があるかを書きます。',
  routine: 'TODO: 定期的に行う作業と、その頻度を書きます。',
  'known-issues': 'TODO: 分かっている問題と、その回避策を書きます。',
  secrets: 'TODO: 秘密情報の置き場所（Secret Manager のシークレット名など）を書きます。値そのものは書きません。',
  checklist: 'TODO: 引き継ぎが終わったと言える条件を、チェックリストで書きます。',
  purpose: 'TODO: この章が何のためにあり、誰が読むものかを書きます。',
};

const GUIDANCE_EN: Record<string, string> = {
  overview: 'TODO: which alert or symptom this procedure is for, and which system it is about.',
  impact: 'TODO: what happens to users and other systems, and how urgent it is.',
  diagnosis: 'TODO: numbered steps to confirm the situation, with commands that can be copied and run.',
  mitigation: 'TODO: the steps that stop the impact; where a decision is needed, how to decide.',
  rollback: 'TODO: how to undo what the mitigation changed; if nothing needs undoing, say so.',
  escalation: 'TODO: whom to call, and how, when it does not settle within a set time.',
  about: 'TODO: what is handed over, from whom to whom, and by when.',
  where: 'TODO: where things are: repositories, dashboards, cloud resources.',
  routine: 'TODO: the recurring work, and how often.',
  'known-issues': 'TODO: known problems and their workarounds.',
  secrets: 'TODO: where the secrets are kept (e.g. Secret Manager names); never the values.',
  checklist: 'TODO: a checklist of what makes the handover done.',
  purpose: 'TODO: what this chapter is for and who reads it.',
};

const COMMENTS_EN: Record<string, string> = {
  description: 'one sentence, shown in lists and search results',
  owners: 'ids from content/team.yaml: the people responsible for this page',
  reviewed: 'the day the content was last checked; update it when you review',
  service: 'the service this is about',
  severity: 'critical | high | medium | low',
  alerts: 'the alert names that lead to this runbook',
  to: 'who takes over (ids from content/team.yaml)',
};

/** Sections of a new page: the required ones, and for runbooks the rollback before escalation. */
export function sectionsFor(kind: NewKind, required: string[] = DEFAULT_REQUIRED[kind]): string[] {
  const ids = [...required];
  if (kind === 'runbooks' && !ids.includes('rollback')) {
    const at = ids.indexOf('escalation');
    ids.splice(at === -1 ? ids.length : at, 0, 'rollback');
  }
  if (kind === 'guideline' && ids.length === 0) ids.push('purpose');
  return ids;
}

export function renderNewPage(input: NewPageInput): string {
  const data: Record<string, unknown> = { title: input.title, description: input.description ?? '', owners: input.owners, reviewed: input.today, tags: [] };
  if (input.kind === 'runbooks') {
    Object.assign(data, { service: input.service ?? 'TODO', severity: input.severity ?? 'medium', alerts: [] });
  } else if (input.kind === 'guideline') {
    data.order = input.order ?? 1;
  } else {
    Object.assign(data, { system: input.system ?? input.title, status: 'draft', from: input.owners, to: [] });
  }
  const comments: Record<string, string> = input.lang === 'en' ? COMMENTS_EN : {
    description: '一覧と検索結果に出る一文の説明',
    owners: 'content/team.yaml の id。このページに責任を持つ人',
    reviewed: '最後に内容を確かめた日。見直したら更新する',
    service: '対象のサービス名',
    severity: 'critical | high | medium | low',
    alerts: 'このランブックを開くアラート名',
    to: '引き継ぎ先（content/team.yaml の id）',
  };
  // Block mapping, flow lists: `owners: [tanaka]` reads like the sample pages.
  const doc = new Document(data, { aliasDuplicateObjects: false });
  visit(doc, {
    Seq(_key, node) {
      if (isSeq(node)) node.flow = true;
    },
  });
  const yaml = doc
    .toString({ lineWidth: 0, flowCollectionPadding: false })
    .split('\n')
    .map((line) => {
      const key = /^([a-z_]+):/.exec(line)?.[1];
      return key && comments[key] ? `# ${comments[key]}\n${line}` : line;
    })
    .join('\n');

  const en = input.lang === 'en';
  const guidance = (id: string) => input.body?.[id] ?? (en ? GUIDANCE_EN[id] ?? 'TODO: write this section.' : GUIDANCE[id] ?? 'TODO: 書きます。');
  const body = sectionsFor(input.kind, input.sections)
    .map((id) => `## ${(en ? SECTIONS[id]?.en : SECTIONS[id]?.ja) ?? id}\n\n${guidance(id)}\n`)
    .join('\n');
  return `---\n${yaml}---\n\n${body}`;
}

/**
 * The file slug for a title: its ASCII words (`Cloud SQL のフェイルオーバー` -> `cloud-sql`).
 * A title with no ASCII words gets `<kind>-<date>`; `--slug` chooses one explicitly.
 */
export function slugFromTitle(title: string, kind: NewKind, today: string): string {
  const ascii = new GithubSlugger()
    .slug(title.normalize('NFKC'))
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (ascii.length >= 3) return ascii.slice(0, 60).replace(/-$/, '');
  return fallbackSlug(kind, today);
}

/** The slug of a page whose title has no ASCII words to name it by: `<kind>-<date>`. */
export function fallbackSlug(kind: NewKind, today: string): string {
  return `${kind === 'runbooks' ? 'runbook' : kind}-${today}`;
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9-]*)*$/;
