/**
 * Who knows which file, from Git history alone: the degree-of-authorship (DOA) model and the
 * truck factor algorithm of Avelino, Passos, Hora and Valente, "A novel approach for estimating
 * truck factors" (ICPC 2016).
 *
 *   DOA(d, f) = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)
 *
 * FA = 1 when d created f (following renames back to the original file), DL = d's later changes
 * to f (modifications and renames; the creation itself is not counted, as in the authors' tool),
 * AC = the changes to f made by everyone else. d is an author of f when DOA(d, f) ≥ 3.293 and
 * DOA(d, f) / max DOA(·, f) > 0.75. The truck factor removes the author of the most files, again
 * and again, until more than half of the files have no author left; it is the number removed.
 *
 * Pure: the input is a plain list of commits (oldest first) as `src/io/git-history.ts` reads them.
 */

export interface CommitAuthor {
  name: string;
  email: string;
}

/** One entry of `git log --name-status`: A(dded), M(odified), D(eleted), T(ype change), R(enamed), C(opied). */
export type FileChange =
  | { status: 'A' | 'M' | 'D' | 'T'; path: string }
  | { status: 'R' | 'C'; from: string; path: string };

export interface Commit {
  sha: string;
  author: CommitAuthor;
  changes: FileChange[];
}

export interface FileHistory {
  /** Path at the end of the history. */
  path: string;
  /** Developer who created the file (before any rename); null when the history starts mid-way. */
  creator: string | null;
  /** Changes after the creation, per developer. */
  deliveries: Map<string, number>;
}

/**
 * Replays the commits (oldest first) and returns the files that still exist at the end, keyed by
 * path, each with its whole history through renames. Deleted files are gone; a file re-created at
 * a deleted path starts a new history. `developerOf` maps a Git identity to a developer id (a
 * roster id, or something stable for authors outside the roster).
 */
export function fileHistories(
  commits: readonly Commit[],
  developerOf: (author: CommitAuthor) => string,
): Map<string, FileHistory> {
  const files = new Map<string, FileHistory>();
  const deliver = (file: FileHistory, dev: string) => file.deliveries.set(dev, (file.deliveries.get(dev) ?? 0) + 1);

  for (const commit of commits) {
    const dev = developerOf(commit.author);
    // Sources leave first, so that a swap (a->b, b->a) or "rename a->b, add a new a" works in any order.
    const moved: [string, FileHistory | undefined][] = [];
    for (const change of commit.changes) {
      if (change.status === 'R') {
        moved.push([change.path, files.get(change.from)]);
        files.delete(change.from);
      } else if (change.status === 'D') {
        files.delete(change.path);
      }
    }
    for (const [path, history] of moved) {
      if (history) {
        history.path = path;
        deliver(history, dev);
        files.set(path, history);
      } else {
        // Renamed from a path we never saw (outside the folder): for us it starts here.
        files.set(path, { path, creator: dev, deliveries: new Map() });
      }
    }
    for (const change of commit.changes) {
      if (change.status === 'A' || change.status === 'C') {
        const existing = files.get(change.path);
        // Added twice without a delete in between (two branches adding it): a change, not a new file.
        if (existing) deliver(existing, dev);
        else files.set(change.path, { path: change.path, creator: dev, deliveries: new Map() });
      } else if (change.status === 'M' || change.status === 'T') {
        let history = files.get(change.path);
        if (!history) {
          history = { path: change.path, creator: null, deliveries: new Map() };
          files.set(change.path, history);
        }
        deliver(history, dev);
      }
    }
  }
  return files;
}

export const DOA_BASE = 3.293;
/** Normalized DOA above which a developer counts as an author of a file. */
export const DOA_NORMALIZED_THRESHOLD = 0.75;

export function degreeOfAuthorship(firstAuthorship: boolean, deliveries: number, acceptances: number): number {
  return DOA_BASE + 1.098 * (firstAuthorship ? 1 : 0) + 0.164 * deliveries - 0.321 * Math.log(1 + acceptances);
}

export interface AuthorshipEntry {
  developer: string;
  doa: number;
  /** DOA divided by the file's highest DOA. */
  normalized: number;
  author: boolean;
}

/** Every developer who touched the file, highest DOA first (ties by id), with the author verdict. */
export function fileAuthorship(file: FileHistory): AuthorshipEntry[] {
  const developers = new Set(file.deliveries.keys());
  if (file.creator !== null) developers.add(file.creator);
  const total = [...file.deliveries.values()].reduce((a, b) => a + b, 0);
  const raw = [...developers].map((developer) => {
    const dl = file.deliveries.get(developer) ?? 0;
    return { developer, doa: degreeOfAuthorship(file.creator === developer, dl, total - dl) };
  });
  const best = Math.max(...raw.map((r) => r.doa));
  return raw
    .map((r) => {
      const normalized = best > 0 ? r.doa / best : 0;
      return { ...r, normalized, author: r.doa >= DOA_BASE && normalized > DOA_NORMALIZED_THRESHOLD };
    })
    .sort((a, b) => b.doa - a.doa || a.developer.localeCompare(b.developer));
}

/** The authors of each file (developers passing both DOA thresholds), highest DOA first. */
export function authorsByFile(files: ReadonlyMap<string, FileHistory>): Map<string, string[]> {
  return new Map(
    [...files].map(([path, file]) => [path, fileAuthorship(file).filter((a) => a.author).map((a) => a.developer)]),
  );
}

export interface TruckFactor {
  /** Number of developers who must go before more than half of the files have no author. */
  truckFactor: number;
  /** Those developers, in the order removed, with how many of the files they author. */
  removed: { developer: string; files: number }[];
  /** Files considered. */
  files: number;
  /** Files without any author before anyone is removed (e.g. all their authors are excluded). */
  orphaned: number;
}

/**
 * Greedy truck factor over `authors` (file -> its authors). `exclude` names developers who are
 * already gone (members who left): their authorship is removed first and not counted.
 * Ties between equally big authors go to the smaller id, so the result is reproducible.
 * Returns null for an empty set of files: there is nothing to lose, and 0 would read as "lost".
 */
export function truckFactor(
  authors: ReadonlyMap<string, readonly string[]>,
  options: { exclude?: Iterable<string> } = {},
): TruckFactor | null {
  const total = authors.size;
  if (total === 0) return null;
  const excluded = new Set(options.exclude ?? []);
  const filesOf = new Map<string, Set<string>>();
  for (const [file, list] of authors) {
    for (const dev of list) {
      if (excluded.has(dev)) continue;
      if (!filesOf.has(dev)) filesOf.set(dev, new Set());
      filesOf.get(dev)!.add(file);
    }
  }
  const covered = () => {
    const files = new Set<string>();
    for (const set of filesOf.values()) for (const f of set) files.add(f);
    return files.size;
  };
  const orphaned = total - covered();
  const removed: { developer: string; files: number }[] = [];
  while (filesOf.size > 0 && covered() * 2 >= total) {
    let top: [string, number] | undefined;
    for (const [dev, set] of filesOf) {
      if (!top || set.size > top[1] || (set.size === top[1] && dev < top[0])) top = [dev, set.size];
    }
    removed.push({ developer: top![0], files: top![1] });
    filesOf.delete(top![0]);
  }
  return { truckFactor: removed.length, removed, files: total, orphaned };
}
