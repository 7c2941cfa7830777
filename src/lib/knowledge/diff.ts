/**
 * What a change (a pull request, or the working tree) does to ownership and freshness, compared
 * with a base: pages left without an active owner, pages that lose an owner, folders whose bus
 * factor drops, pages whose text changed while `reviewed` did not, and pages whose `reviewed` moved
 * back (a merge or a copied front matter undoing a review on record). For a PR comment.
 *
 * A member counts as gone from the moment the roster gives them a `left` date, even a future
 * one: the pull request that announces a departure is the one that should show what it orphans.
 */
import type { Member } from '../content/schema.ts';
import type { IsoDate } from '../content/dates.ts';
import { buildKnowledgeReport, type HistoryInput, type KnowledgePage } from './report.ts';
import { capped, fitForGitHub, quietText } from './markdown-report.ts';

export interface DiffSide {
  pages: readonly KnowledgePage[];
  /** Page body (the text after the front matter) by `KnowledgePage.file`. */
  bodies: ReadonlyMap<string, string>;
  roster: readonly Member[];
  history: HistoryInput;
}

export interface OwnerLoss {
  path: string;
  title: string;
  /** Active owners before and after. */
  before: string[];
  after: string[];
  /** One per owner lost: `sato leaves (left: 2026-12-31)`, `ito removed from owners` (ids and dates only: safe Markdown). */
  reasons: string[];
}

export interface KnowledgeDiff {
  base: string;
  /** How many entries the lists below hold: 0 when the change affects nothing (a workflow comments only then). */
  findings: number;
  /** Pages that had an active owner and have none after the change. */
  orphaned: OwnerLoss[];
  /** Pages that lose an active owner but keep at least one. */
  lost_owner: OwnerLoss[];
  bus_factor: { folder: string; before: number; after: number }[];
  /** Pages whose text changed with `reviewed` left as it was. */
  edited_unreviewed: { path: string; title: string; reviewed: IsoDate }[];
  /** Pages whose `reviewed` is earlier than before: the later review drops out of the record. */
  reviewed_backwards: { path: string; title: string; before: IsoDate; after: IsoDate }[];
}

const key = (p: KnowledgePage) => `${p.kind}/${p.id}`;

export function knowledgeDiff(base: DiffSide, head: DiffSide, options: { baseLabel: string; today: IsoDate; minOwners?: number }): KnowledgeDiff {
  const baseMembers = new Map(base.roster.map((m) => [m.id, m]));
  const headMembers = new Map(head.roster.map((m) => [m.id, m]));
  const present = (members: Map<string, Member>) => (id: string) => members.has(id) && !members.get(id)!.left;
  const basePages = new Map(base.pages.map((p) => [key(p), p]));

  const orphaned: OwnerLoss[] = [];
  const lostOwner: OwnerLoss[] = [];
  const edited: KnowledgeDiff['edited_unreviewed'] = [];
  const backwards: KnowledgeDiff['reviewed_backwards'] = [];
  for (const page of [...head.pages].sort((a, b) => a.path.localeCompare(b.path))) {
    const before = basePages.get(key(page));
    if (!before) continue; // a new page loses nothing
    const activeBefore = [...new Set(before.owners)].filter(present(baseMembers));
    const activeAfter = [...new Set(page.owners)].filter(present(headMembers));
    const lost = activeBefore.filter((id) => !activeAfter.includes(id));
    if (lost.length) {
      const reasons = lost.map((id) => {
        const m = headMembers.get(id);
        if (!m) return `${id} removed from the roster`;
        if (m.left && page.owners.includes(id)) return `${id} leaves (left: ${m.left})`;
        return `${id} removed from owners`;
      });
      const loss = { path: page.path, title: page.title, before: activeBefore, after: activeAfter, reasons };
      (activeAfter.length ? lostOwner : orphaned).push(loss);
    }
    const bodyBefore = base.bodies.get(before.file);
    const bodyAfter = head.bodies.get(page.file);
    if (bodyBefore !== undefined && bodyAfter !== undefined && bodyBefore !== bodyAfter && before.reviewed === page.reviewed) {
      edited.push({ path: page.path, title: page.title, reviewed: page.reviewed });
    }
    if (page.reviewed < before.reviewed) backwards.push({ path: page.path, title: page.title, before: before.reviewed, after: page.reviewed });
  }

  // The report counts a member as gone once their `left` day has passed: evaluate both sides on
  // the last such day, so that (as above) every `left` counts.
  const lastLeft = [...base.roster, ...head.roster].reduce((d, m) => (m.left && m.left > d ? m.left : d), options.today);
  const report = (side: DiffSide) => buildKnowledgeReport(side.pages, side.roster, side.history, { today: lastLeft, minOwners: options.minOwners });
  const baseFolders = new Map(report(base).folders.map((f) => [f.key, f.bus_factor]));
  const busFactor: KnowledgeDiff['bus_factor'] = [];
  for (const f of report(head).folders) {
    const was = baseFolders.get(f.key);
    if (was != null && f.bus_factor !== null && f.bus_factor < was) busFactor.push({ folder: f.key, before: was, after: f.bus_factor });
  }
  const lists = { orphaned, lost_owner: lostOwner, bus_factor: busFactor, edited_unreviewed: edited, reviewed_backwards: backwards };
  return { base: options.baseLabel, findings: Object.values(lists).reduce((n, list) => n + list.length, 0), ...lists };
}

export const DIFF_MARKER = '<!-- hikitsugi:knowledge-diff -->';

/** The diff as a pull request comment. */
export function renderDiffMarkdown(diff: KnowledgeDiff, options: { historyNote?: string; maxItems?: number } = {}): string {
  const max = options.maxItems ?? 50;
  const more = (n: number) => `- … and ${n} more (\`npx hikitsugi knowledge --diff ${diff.base.replace(/`/g, "'")}\` lists them all)`;
  const list = (lines: string[]) => out.push(...capped(lines, max, more));
  const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;
  const page = (p: { path: string; title: string }) => `${code(p.path)} ${quietText(p.title)}`;
  const out = [DIFF_MARKER, '### Knowledge: what this change does to ownership and freshness', '', `Compared with ${code(diff.base)}.`];
  if (diff.findings === 0) {
    out.push('', 'No page loses an owner, no bus factor drops, and every edited page had its review date updated (none moved back).');
  }
  if (diff.orphaned.length) {
    out.push('', `**Left without an active owner** (${diff.orphaned.length}): find a new owner before this merges.`, '');
    list(diff.orphaned.map((l) => `- ${page(l)}: ${l.reasons.join('; ')}`));
  }
  if (diff.lost_owner.length) {
    out.push('', `**Lose an owner** (${diff.lost_owner.length})`, '');
    list(diff.lost_owner.map((l) => `- ${page(l)}: ${l.reasons.join('; ')}; still owned by ${l.after.join(', ')}`));
  }
  if (diff.bus_factor.length) {
    out.push('', `**Bus factor drops** (${diff.bus_factor.length})`, '');
    list(diff.bus_factor.map((b) => `- ${code(b.folder)}: ${b.before} → ${b.after}`));
  }
  if (diff.edited_unreviewed.length) {
    out.push('', `**Edited without updating \`reviewed\`** (${diff.edited_unreviewed.length}): if the page was checked as a whole, run \`npx hikitsugi review <page>\`.`, '');
    list(diff.edited_unreviewed.map((e) => `- ${page(e)}: reviewed ${e.reviewed}`));
  }
  if (diff.reviewed_backwards.length) {
    out.push('', `**\`reviewed\` moved back** (${diff.reviewed_backwards.length}): a merge or a copied front matter may have undone a review; keep the later date if that review happened.`, '');
    list(diff.reviewed_backwards.map((b) => `- ${page(b)}: ${b.before} → ${b.after}`));
  }
  if (options.historyNote) out.push('', `_Bus factor not compared: ${quietText(options.historyNote)}_`);
  return fitForGitHub(out.join('\n') + '\n', '_Cut to fit in a GitHub comment: run `npx hikitsugi knowledge --diff` for everything._');
}
