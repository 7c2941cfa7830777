/**
 * A handover document for one member, generated from the knowledge report: every page they
 * own (the ones only they own first), the runbooks and services whose main Git author they
 * are, their open retro actions, and a checklist to transfer each. The result is an MDX file
 * with valid handover front matter (status: draft) and the sections a handover page needs, so it
 * builds and lints clean as soon as it is written.
 *
 * Titles, names and action texts are user text: in the body they are escaped so that Markdown
 * or MDX syntax in them (`{`, `<`, `[`...) stays literal text and can never become code.
 */
import { stringify } from 'yaml';
import type { IsoDate } from '../content/dates.ts';
import type { Member } from '../content/schema.ts';
import type { KnowledgeReport, PageReport } from './report.ts';
import { SECTIONS } from '../lint/sections.ts';

export interface HandoverInput {
  report: KnowledgeReport;
  roster: readonly Member[];
  member: string;
  to?: string;
  today: IsoDate;
}

export interface HandoverDocument {
  /** Path inside the content folder: `handover/<date>-<member>.mdx`. */
  file: string;
  text: string;
  /** Front matter as written, for checks and messages. */
  data: Record<string, unknown>;
  counts: { pages: number; soleOwned: number; authored: number; services: number; actions: number };
}

/** Backslash-escapes every ASCII punctuation character that Markdown or MDX could read as syntax. */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]()<>#!|~&$]/g, (c) => `\\${c}`);
}

const KIND_LABEL: Record<string, string> = {
  guideline: 'ガイドライン',
  runbooks: 'ランブック',
  handover: '引き継ぎ',
  retros: '振り返り',
};

export function handoverDocument(input: HandoverInput): HandoverDocument {
  const { report, roster, member: memberId, to, today } = input;
  const members = new Map(roster.map((m) => [m.id, m]));
  const member = members.get(memberId);
  if (!member) throw new Error(`unknown member "${memberId}"`);
  const me = report.members.find((m) => m.id === memberId)!;
  const recipient = to ? members.get(to) : undefined;
  const pages = new Map(report.pages.map((p) => [p.path, p]));
  const name = (id: string) => escapeMarkdownText(members.get(id)?.name ?? id);
  const who = (id: string) => `${name(id)}（${escapeMarkdownText(id)}）`;
  const link = (p: PageReport) => `[${escapeMarkdownText(p.title)}](${p.url})`;
  const target = recipient ? who(recipient.id) : '引き継ぎ先';

  const owned = me.owns.map((path) => pages.get(path)!).filter(Boolean);
  const exposed = new Set(me.exposure);
  // Sole-owned: the pages nobody else actively owns (for someone who left, those already orphaned).
  const isSole = (p: PageReport) => exposed.has(p.path) || (p.active_owners.length === 0 && !me.active);
  const ownedSorted = [...owned.filter(isSole), ...owned.filter((p) => !isSole(p))];

  const lines: string[] = [];
  // The sections every handover page needs (DEFAULT_REQUIRED.handover), so that the draft lints
  // clean as written: what can be generated is filled in, the rest says what to write.
  const section = (id: keyof typeof SECTIONS) => `## ${SECTIONS[id].ja}`;
  lines.push(
    section('about'),
    '',
    `${who(memberId)}さんの担当を引き継ぐためのチェックリストです。\`npx hikitsugi handover\` が ${today} 時点のページのオーナー、Git の履歴、振り返りのアクションから生成しました。`,
    '',
    '1 項目ずつ引き継ぎ先と確認し、終わったらチェックを入れてください。定常作業と秘密情報の置き場所は生成できないので、書き足してください。すべて終わったら front matter の `status` を `done` にします。',
    '',
    section('where'),
    '',
    '### オーナーになっているページ',
    '',
  );
  if (ownedSorted.length === 0) {
    lines.push('オーナーになっているページはありません。', '');
  } else {
    lines.push('単独オーナーのページ（抜けるとオーナーがいなくなるページ）を先に並べています。', '');
    for (const p of ownedSorted) {
      const others = p.active_owners.filter((o) => o !== memberId);
      const where = `${KIND_LABEL[p.kind]}${p.service ? `・${escapeMarkdownText(p.service)}` : ''}`;
      const task = isSole(p)
        ? `**単独オーナー**。オーナーを ${target} に変更し、内容を一緒に確認して \`reviewed\` を更新する`
        : `他のオーナー: ${others.map(name).join('、')}。\`owners\` から ${escapeMarkdownText(memberId)} を外すか ${target} に置き換える`;
      const overdue = p.overdue ? `（レビュー期限切れ: ${p.due}）` : '';
      lines.push(`- [ ] ${link(p)}（${where}）${overdue} — ${task}`);
    }
    lines.push('');
  }

  lines.push('### Git で主な作者になっているランブックとサービス', '');
  const authored = me.main_author_of.map((path) => pages.get(path)!).filter((p) => p && p.kind === 'runbooks');
  const services = report.folders.filter((f) => f.service !== null && f.authors[0]?.id === memberId);
  if (!report.git.available) {
    lines.push(`Git の履歴が使えないため、この節は空です（${escapeMarkdownText(report.git.reason ?? '')}）。`, '');
  } else if (authored.length === 0 && services.length === 0) {
    lines.push('Git の履歴上、主な作者になっているランブックはありません。', '');
  } else {
    lines.push('書いた本人にしか分からない前提が残りやすいページです。引き継ぎ先が手順を実際になぞってください。', '');
    for (const f of services) {
      lines.push(
        `- [ ] サービス **${escapeMarkdownText(f.service!)}**（ランブック ${f.files} 件中 ${f.authors[0].files} 件の主な作者）— 構成、ダッシュボード、アラートの意味を ${target} に説明する`,
      );
    }
    for (const p of authored) lines.push(`- [ ] ${link(p)} — ${target} がステージングで手順をなぞり、詰まった所を追記する`);
    lines.push('');
  }

  lines.push(
    section('routine'),
    '',
    '定期的にしている作業（証明書の更新、コストの確認、月次の報告など）を、頻度と手順のページへのリンクとともに書いてください。',
    '',
    section('known-issues'),
    '',
    'まだページになっていない問題や回避策があれば、ここに書いてください。',
    '',
    '### 未完了の振り返りアクション',
    '',
  );
  if (me.open_actions.length === 0) {
    lines.push('未完了のアクションはありません。', '');
  } else {
    for (const a of me.open_actions) {
      const due = a.due ? `、期限 ${a.due}${a.overdue ? '（期限切れ）' : ''}` : '';
      lines.push(
        `- [ ] ${escapeMarkdownText(a.text)}（[${escapeMarkdownText(a.retro_title)}](${a.retro_url})${due}）— 担当を ${target} に変えるか、完了・中止にする`,
      );
    }
    lines.push('');
  }

  lines.push(
    section('secrets'),
    '',
    '値そのものは書かず、置き場所（Secret Manager のパス、パスワード管理ツールの保管庫など）と、アクセスできる人を書いてください。',
    '',
    section('checklist'),
    '',
    `- [ ] ${target} とこのドキュメントを読み合わせる`,
    '- [ ] オンコールのローテーションとアラートの通知先を更新する',
    '- [ ] アクセス権（クラウドの IAM、シークレット、外部サービスのアカウント）を移す',
    ...(member.left ? [] : [`- [ ] 抜ける場合は \`content/team.yaml\` の ${escapeMarkdownText(memberId)} に \`left\` の日付を入れる`]),
    `- [ ] \`npx hikitsugi knowledge\` で ${escapeMarkdownText(memberId)} の exposure が 0 になったことを確かめる`,
    '',
  );

  const owners = [...new Set([...(member.left && member.left <= today ? [] : [memberId]), ...(to ? [to] : [])])];
  const data = {
    title: `${member.name}さんの引き継ぎ（${today}）`,
    description: `${member.name}さんが担当するページ、ランブック、振り返りのアクションの引き継ぎチェックリスト`,
    system: `${member.name}さんの担当範囲`,
    status: 'draft',
    from: [memberId],
    to: to ? [to] : [],
    owners: owners.length ? owners : [memberId],
    reviewed: today,
    tags: ['handover'],
  };
  const text = `---\n${stringify(data)}---\n\n${lines.join('\n')}`;
  return {
    file: `handover/${today}-${memberId}.mdx`,
    text,
    data,
    counts: {
      pages: ownedSorted.length,
      soleOwned: ownedSorted.filter(isSole).length,
      authored: authored.length,
      services: services.length,
      actions: me.open_actions.length,
    },
  };
}
