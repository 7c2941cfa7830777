/**
 * CODEOWNERS from the pages' `owners`: each owner's GitHub handle from the roster, one line per
 * folder whose pages all share owners, else one per page. GitHub applies the last pattern that
 * matches a file, so a folder's line always comes before the lines of the pages and folders
 * inside it; a mixed folder gets a line of its own only when most of what it holds shares owners,
 * and the rest follow as exceptions (a page nobody with a handle owns gets a line without owners,
 * so it does not inherit its folder's). Members who have left, and members without a handle, are
 * skipped with a warning. Pure: the caller reads the pages and writes the file.
 */
import type { IsoDate } from '../content/dates.ts';
import type { Member } from '../content/schema.ts';
import { isActive } from '../content/roster.ts';

export interface OwnedPage {
  /** Path from the repository root, with `/`: `content/runbooks/a.mdx`. */
  path: string;
  owners: readonly string[];
}

export interface CodeownersInput {
  pages: readonly OwnedPage[];
  roster: readonly Member[];
  today: IsoDate;
  /** The content folder from the repository root (`content`; `` for the root itself). */
  contentDir: string;
  /** Where the roster is, for the header and warnings: `content/team.yaml`. */
  rosterPath: string;
  /** Lines written before the generated ones (rules for the rest of the repository). */
  before?: readonly string[];
}

export interface CodeownersRule {
  /** As written in the file: `/content/runbooks/` or `/content/runbooks/a.mdx`. */
  pattern: string;
  /** Handles without `@`; empty: nobody owns these files. */
  owners: string[];
}

export interface Codeowners {
  text: string;
  rules: CodeownersRule[];
  warnings: string[];
}

interface Dir {
  path: string;
  dirs: Map<string, Dir>;
  /** File name -> owners key (handles joined by a space). */
  files: Map<string, string>;
}

/** Escapes what CODEOWNERS (gitignore syntax) would read as a wildcard, a comment or a separator. */
export function escapePattern(path: string): string {
  return path.replace(/[\\ *?[\]#!]/g, (c) => `\\${c}`);
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildCodeowners(input: CodeownersInput): Codeowners {
  const members = new Map(input.roster.map((m) => [m.id, m]));
  const root = input.contentDir.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const departedOn = new Map<string, string[]>();
  const withoutHandle = new Map<string, string[]>();
  const unowned: string[] = [];
  const note = (map: Map<string, string[]>, id: string, path: string) => map.set(id, [...(map.get(id) ?? []), path]);

  const tree: Dir = { path: root, dirs: new Map(), files: new Map() };
  for (const page of [...input.pages].sort((a, b) => byName(a.path, b.path))) {
    const handles = new Map<string, string>();
    for (const id of new Set(page.owners)) {
      const m = members.get(id);
      if (!m) continue; // the schema rejects unknown ids; lint:content names them
      if (!isActive(m, input.today)) note(departedOn, id, page.path);
      else if (!m.github) note(withoutHandle, id, page.path);
      else handles.set(m.github.toLowerCase(), m.github);
    }
    if (handles.size === 0) unowned.push(page.path);
    const key = [...handles].sort(([a], [b]) => byName(a, b)).map(([, h]) => h).join(' ');
    const rel = root && page.path.startsWith(`${root}/`) ? page.path.slice(root.length + 1) : page.path;
    const parts = rel.split('/');
    let dir = tree;
    for (const part of parts.slice(0, -1)) {
      let next = dir.dirs.get(part);
      if (!next) dir.dirs.set(part, (next = { path: dir.path ? `${dir.path}/${part}` : part, dirs: new Map(), files: new Map() }));
      dir = next;
    }
    dir.files.set(parts[parts.length - 1], key);
  }

  const uniformCache = new Map<Dir, string | null>();
  /** The owners key every page under `dir` shares, or null when they differ. */
  const uniform = (dir: Dir): string | null => {
    if (uniformCache.has(dir)) return uniformCache.get(dir)!;
    const keys = new Set<string | null>([...dir.files.values(), ...[...dir.dirs.values()].map(uniform)]);
    const result = keys.size === 1 ? [...keys][0] : null;
    uniformCache.set(dir, result);
    return result;
  };

  const rules: CodeownersRule[] = [];
  const rule = (pattern: string, key: string) => rules.push({ pattern, owners: key ? key.split(' ') : [] });
  const dirPattern = (dir: Dir) => `/${dir.path ? `${escapePattern(dir.path)}/` : ''}`;
  const emit = (dir: Dir, inherited: string | null) => {
    const same = uniform(dir);
    if (same !== null) {
      if (same !== inherited) rule(dirPattern(dir), same);
      return;
    }
    const units = [...dir.files.values(), ...[...dir.dirs.values()].map(uniform)].filter((k): k is string => k !== null);
    const counts = new Map<string, number>();
    for (const k of units) counts.set(k, (counts.get(k) ?? 0) + 1);
    const total = dir.files.size + dir.dirs.size;
    const majority = [...counts].find(([, n]) => n * 2 > total)?.[0] ?? null;
    let current = inherited;
    if (majority !== null && majority !== inherited) {
      rule(dirPattern(dir), majority);
      current = majority;
    }
    const children = [...[...dir.files].map(([name, key]) => ({ name, key })), ...[...dir.dirs].map(([name, sub]) => ({ name, sub }))];
    for (const child of children.sort((a, b) => byName(a.name, b.name))) {
      if ('sub' in child) emit(child.sub!, current);
      else if (child.key !== current) rule(`/${escapePattern(dir.path ? `${dir.path}/${child.name}` : child.name)}`, child.key!);
    }
  };
  if (input.pages.length) emit(tree, null);

  const warnings: string[] = [];
  for (const [id, paths] of departedOn) {
    warnings.push(`${id} has left (${members.get(id)!.left}): not listed as owner of ${paths.join(', ')}`);
  }
  for (const [id, paths] of withoutHandle) {
    warnings.push(`${id} has no github handle in ${input.rosterPath}: not listed as owner of ${paths.join(', ')}`);
  }
  for (const path of unowned) warnings.push(`${path}: no active owner with a GitHub handle; listed without owners`);

  const header = [
    `# Generated by \`npx hikitsugi codeowners\` from the owners of the pages in ${root || '.'}/ and the`,
    `# github handles in ${input.rosterPath}. Do not edit: change those and run it again.`,
    '# GitHub applies the last pattern that matches a file, so each folder comes before its exceptions.',
  ];
  const body = rules.map((r) => [r.pattern, ...r.owners.map((h) => `@${h}`)].join(' '));
  const before = input.before?.length ? [...input.before, ''] : [];
  const text = [...header, '', ...before, ...body].join('\n') + '\n';
  return { text, rules, warnings };
}
