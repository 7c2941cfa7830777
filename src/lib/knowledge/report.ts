/**
 * The knowledge report: freshness, ownership risk, exposure and bus factor, from the pages,
 * the roster and (when available) the Git history of the content folder. One pure function
 * feeds the site's /knowledge/ page, `npm run knowledge` and `npm run handover`.
 */
import type { IsoDate } from '../content/dates.ts';
import type { Kind, Member, PageData, RetroData, RetroItem, RunbookData } from '../content/schema.ts';
import { isActive } from '../content/roster.ts';
import { freshness, DEFAULT_DUE_SOON_DAYS, type FreshnessStatus } from './freshness.ts';
import { ownership, exposureOf, DEFAULT_MIN_OWNERS, type Ownership, type OwnershipRisk } from './ownership.ts';
import { authorsByFile, fileAuthorship, fileHistories, truckFactor, type Commit, type FileHistory } from './authorship.ts';
import { identityMap } from './identity.ts';
import { RetroHistory, type RetroInput } from '../retro/history.ts';
import { count } from '../text/count.ts';

/** A page as the report needs it; built from `loadContent` pages or Astro collection entries. */
export interface KnowledgePage {
  kind: Kind;
  /** Slug within the kind. */
  id: string;
  /** Path inside the content folder, with forward slashes: `runbooks/gke-node-pressure.mdx`. */
  file: string;
  /** Path to show and to open (e.g. relative to the repository): `content/runbooks/gke-node-pressure.mdx`. */
  path: string;
  title: string;
  owners: string[];
  reviewed: IsoDate;
  review_every: number;
  adopted_from?: string;
  /** Runbooks only. */
  service?: string;
  /** Retros only: the KPT items, whose Try items are the team's actions, and when and by whom. */
  items?: RetroItem[];
  date?: IsoDate;
  team?: string;
}

/**
 * What the report needs of a page's front matter: one mapping for the site (collections) and the
 * CLIs (content on disk), which differ only in how they find `file` and `path`.
 */
export function knowledgePage(
  page: { kind: Kind; id: string; file: string; path: string },
  data: PageData,
): KnowledgePage {
  const runbook = page.kind === 'runbooks' ? (data as RunbookData) : undefined;
  const retro = page.kind === 'retros' ? (data as RetroData) : undefined;
  return {
    ...page,
    title: data.title,
    owners: data.owners,
    reviewed: data.reviewed,
    review_every: data.review_every,
    adopted_from: data.adopted_from,
    service: runbook?.service,
    items: retro?.items,
    date: retro?.date,
    team: retro?.team,
  };
}

/** The Git history of the content folder, or why there is none we can trust. */
export type HistoryInput =
  | { available: true; commits: Commit[] }
  | { available: false; reason: string };

export interface KnowledgeOptions {
  today: IsoDate;
  dueSoonDays?: number;
  minOwners?: number;
}

export interface PageReport {
  kind: Kind;
  id: string;
  url: string;
  path: string;
  title: string;
  owners: string[];
  active_owners: string[];
  departed_owners: string[];
  reviewed: IsoDate;
  review_every: number;
  due: IsoDate;
  days_left: number;
  status: FreshnessStatus;
  overdue: boolean;
  due_soon: boolean;
  at_risk: boolean;
  risk: OwnershipRisk | null;
  adopted_from: string | null;
  service: string | null;
  /** Developer with the highest degree of authorship in Git (roster id or `git:<email>`), if known. */
  main_author: string | null;
}

export interface ActionReport {
  id: string;
  text: string;
  due: IsoDate | null;
  overdue: boolean;
  retro_url: string;
  retro_title: string;
}

export interface MemberReport {
  id: string;
  name: string;
  active: boolean;
  left: IsoDate | null;
  /** Paths of the pages they own, pages they own alone (among active owners) first. */
  owns: string[];
  /** Paths of the pages that would have no active owner if they left. */
  exposure: string[];
  /** Paths of the pages whose main Git author they are. */
  main_author_of: string[];
  open_actions: ActionReport[];
}

export interface FolderReport {
  /** `guideline`, `runbooks`, `runbooks/<service>`, `handover`. */
  key: string;
  kind: Kind;
  service: string | null;
  /** Pages in the folder (all of them, committed or not). */
  pages: number;
  /** Pages with Git history: the files the bus factor is computed over. */
  files: number;
  bus_factor: number | null;
  /** Why `bus_factor` is null (history unavailable or incomplete, nothing committed). */
  reason: string | null;
  /** The developers removed to reach the bus factor, with how many files each authors. */
  key_people: { id: string; files: number }[];
  /** Developers by number of files authored, most first (everyone, including those who left). */
  authors: { id: string; files: number }[];
  /** Files whose every author has left (or that have no author at all). */
  orphaned: number;
}

export interface KnowledgeReport {
  today: IsoDate;
  settings: { due_soon_days: number; min_owners: number };
  summary: { pages: number; overdue: number; due_soon: number; at_risk: number; no_active_owner: number };
  pages: PageReport[];
  members: MemberReport[];
  folders: FolderReport[];
  git: {
    available: boolean;
    reason: string | null;
    commits: number;
    /** Git authors not in the roster: add their email or name to team.yaml. */
    unmapped_authors: { id: string; name: string; email: string }[];
  };
}

export const pageUrl = (kind: Kind, id: string) => `/${kind}/${id}/`;

const STATUS_ORDER: Record<FreshnessStatus, number> = { overdue: 0, 'due-soon': 1, ok: 2 };
/** Most urgent first: overdue (oldest due first), then due soon, then the rest by due date. */
const byUrgency = (a: PageReport, b: PageReport) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.due.localeCompare(b.due) || a.path.localeCompare(b.path);
const RISK_ORDER: Record<OwnershipRisk, number> = { 'no-owner': 0, 'no-active-owner': 1, 'single-owner': 2, 'few-owners': 3 };

/** Folders the bus factor is computed for. Retros are records of a meeting, not knowledge to keep up. */
const BUS_FACTOR_KINDS: Kind[] = ['guideline', 'runbooks', 'handover'];

export function buildKnowledgeReport(
  pages: readonly KnowledgePage[],
  roster: readonly Member[],
  history: HistoryInput,
  options: KnowledgeOptions,
): KnowledgeReport {
  const today = options.today;
  const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const minOwners = options.minOwners ?? DEFAULT_MIN_OWNERS;
  const members = new Map(roster.map((m) => [m.id, m]));

  // Git: one replay of the history, then authorship per file.
  const identities = identityMap(roster);
  const histories: Map<string, FileHistory> = history.available
    ? fileHistories(history.commits, identities.developerOf)
    : new Map();
  const authors = authorsByFile(histories);
  const mainAuthor = (file: string): string | null => {
    const h = histories.get(file);
    if (!h) return null;
    return fileAuthorship(h).find((a) => a.author)?.developer ?? null;
  };

  const withOwnership = pages.map((page) => ({ page, ownership: ownership(page.owners, members, today, minOwners) }));
  const pageReports: PageReport[] = withOwnership.map(({ page, ownership: own }) => {
    const fresh = freshness(page, today, dueSoonDays);
    return {
      kind: page.kind,
      id: page.id,
      url: pageUrl(page.kind, page.id),
      path: page.path,
      title: page.title,
      owners: page.owners,
      active_owners: own.active,
      departed_owners: own.departed,
      reviewed: page.reviewed,
      review_every: page.review_every,
      due: fresh.due,
      days_left: fresh.daysLeft,
      status: fresh.status,
      overdue: fresh.status === 'overdue',
      due_soon: fresh.status === 'due-soon',
      at_risk: own.risk !== null,
      risk: own.risk,
      adopted_from: page.adopted_from ?? null,
      service: page.service ?? null,
      main_author: history.available ? mainAuthor(page.file) : null,
    };
  });
  pageReports.sort(byUrgency);

  const pageOrder = new Map(pageReports.map((p, i) => [p.path, i]));

  const actions = openActions(pages, today);
  const memberReports: MemberReport[] = roster.map((m) => {
    const owned = withOwnership.filter((p) => p.page.owners.includes(m.id));
    const exposure = exposureOf(m.id, withOwnership)
      .map((p) => p.page.path)
      .sort((a, b) => pageOrder.get(a)! - pageOrder.get(b)!);
    const exposed = new Set(exposure);
    const owns = owned
      .map((p) => p.page.path)
      .sort((a, b) => Number(exposed.has(b)) - Number(exposed.has(a)) || pageOrder.get(a)! - pageOrder.get(b)!);
    return {
      id: m.id,
      name: m.name,
      active: isActive(m, today),
      left: m.left ?? null,
      owns,
      exposure,
      main_author_of: pageReports.filter((p) => p.main_author === m.id).map((p) => p.path),
      open_actions: actions.get(m.id) ?? [],
    };
  });

  const departed = roster.filter((m) => !isActive(m, today)).map((m) => m.id);
  const folders: FolderReport[] = [];
  for (const kind of BUS_FACTOR_KINDS) {
    const ofKind = pages.filter((p) => p.kind === kind);
    const groups: [string, string | null, KnowledgePage[]][] = [[kind, null, ofKind]];
    if (kind === 'runbooks') {
      const services = [...new Set(ofKind.map((p) => p.service ?? ''))].filter(Boolean).sort();
      for (const s of services) groups.push([`runbooks/${s}`, s, ofKind.filter((p) => p.service === s)]);
    }
    for (const [key, service, list] of groups) {
      folders.push(folderReport(key, kind, service, list, history, authors, departed));
    }
  }

  const at = (pred: (p: PageReport) => boolean) => pageReports.filter(pred).length;
  return {
    today,
    settings: { due_soon_days: dueSoonDays, min_owners: minOwners },
    summary: {
      pages: pageReports.length,
      overdue: at((p) => p.overdue),
      due_soon: at((p) => p.due_soon),
      at_risk: at((p) => p.at_risk),
      no_active_owner: at((p) => p.risk === 'no-owner' || p.risk === 'no-active-owner'),
    },
    pages: pageReports,
    members: memberReports,
    folders,
    git: {
      available: history.available,
      reason: history.available ? null : history.reason,
      commits: history.available ? history.commits.length : 0,
      unmapped_authors: [...identities.unmapped].map(([id, a]) => ({ id, name: a.name, email: a.email })),
    },
  };
}

function folderReport(
  key: string,
  kind: Kind,
  service: string | null,
  pages: readonly KnowledgePage[],
  history: HistoryInput,
  authors: ReadonlyMap<string, string[]>,
  departed: readonly string[],
): FolderReport {
  const base = { key, kind, service, pages: pages.length };
  if (!history.available) {
    return { ...base, files: 0, bus_factor: null, reason: history.reason, key_people: [], authors: [], orphaned: 0 };
  }
  const folderAuthors = new Map(pages.filter((p) => authors.has(p.file)).map((p) => [p.file, authors.get(p.file)!]));
  const counts = new Map<string, number>();
  for (const list of folderAuthors.values()) for (const dev of list) counts.set(dev, (counts.get(dev) ?? 0) + 1);
  const ranked = [...counts]
    .map(([id, files]) => ({ id, files }))
    .sort((a, b) => b.files - a.files || a.id.localeCompare(b.id));
  const tf = truckFactor(folderAuthors, { exclude: departed });
  if (!tf) {
    return { ...base, files: 0, bus_factor: null, reason: 'no committed pages yet', key_people: [], authors: [], orphaned: 0 };
  }
  return {
    ...base,
    files: tf.files,
    bus_factor: tf.truckFactor,
    reason: null,
    key_people: tf.removed.map((r) => ({ id: r.developer, files: r.files })),
    authors: ranked,
    orphaned: tf.orphaned,
  };
}

/**
 * Open retro actions per owner, as the retro pages count them (RetroHistory: status, closing
 * dates, derived ids), so /knowledge/ and /retros/actions/ never disagree.
 */
export function openActions(pages: readonly KnowledgePage[], today: IsoDate): Map<string, ActionReport[]> {
  const retros: RetroInput[] = pages
    .filter((p) => p.kind === 'retros')
    .map((p) => ({ id: p.id, path: p.path, title: p.title, date: p.date ?? p.reviewed, team: p.team ?? '', items: p.items ?? [] }));
  const result = new Map<string, ActionReport[]>();
  for (const { action, overdue } of new RetroHistory(retros).openActions(today)) {
    if (!action.owner) continue;
    const list = result.get(action.owner) ?? [];
    list.push({
      id: action.id,
      text: action.text,
      due: action.due ?? null,
      overdue,
      retro_url: pageUrl('retros', action.retro.id),
      retro_title: action.retro.title,
    });
    result.set(action.owner, list);
  }
  for (const list of result.values()) list.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  return result;
}

/** Pages overdue or due soon, most urgent first: overdue before due soon, the longest overdue first. */
export function reviewDuePages(report: KnowledgeReport): PageReport[] {
  return report.pages.filter((p) => p.status !== 'ok').sort(byUrgency);
}

/** At-risk pages, worst first: no owner, then no active owner, then single owner. */
export function atRiskPages(report: KnowledgeReport): PageReport[] {
  return report.pages
    .filter((p) => p.at_risk)
    .sort((a, b) => RISK_ORDER[a.risk!] - RISK_ORDER[b.risk!] || a.path.localeCompare(b.path));
}

export interface StrictThresholds {
  /** Most overdue pages allowed. */
  maxOverdue: number;
  /** Most at-risk pages allowed. */
  maxAtRisk: number;
  /** Lowest bus factor allowed per folder; 0 turns the check off. Unknown bus factors never fail. */
  minBusFactor: number;
}

export const DEFAULT_STRICT: StrictThresholds = { maxOverdue: 0, maxAtRisk: 0, minBusFactor: 0 };

/** What `--strict` fails on, one line each; empty when the report is within the thresholds. */
export function strictFailures(report: KnowledgeReport, t: StrictThresholds): string[] {
  const failures: string[] = [];
  if (report.summary.overdue > t.maxOverdue) {
    failures.push(`${count(report.summary.overdue, 'page')} overdue for review (allowed: ${t.maxOverdue})`);
  }
  if (report.summary.at_risk > t.maxAtRisk) {
    failures.push(`${count(report.summary.at_risk, 'page')} at ownership risk (allowed: ${t.maxAtRisk})`);
  }
  if (t.minBusFactor > 0) {
    for (const f of report.folders) {
      if (f.bus_factor !== null && f.bus_factor < t.minBusFactor) {
        failures.push(`bus factor of ${f.key} is ${f.bus_factor} (minimum: ${t.minBusFactor})`);
      }
    }
  }
  return failures;
}
