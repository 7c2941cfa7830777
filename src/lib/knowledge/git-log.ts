/** The pure half of the Git reader (src/io/git-history.ts): its `git log` output, parsed. */
import type { Commit, FileChange } from './authorship.ts';

/**
 * Parses `git log -z --name-status --format=%x1e%H%x1f%aN%x1f%aE` output (newest first).
 * Paths are made relative to `prefix` (the content folder inside the repository); entries
 * outside it are dropped.
 */
export function parseLog(out: string, prefix = ''): Commit[] {
  const commits: Commit[] = [];
  const rel = (p: string) => (p.startsWith(prefix) ? p.slice(prefix.length) : null);
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const headerEnd = record.indexOf('\0');
    const header = headerEnd === -1 ? record : record.slice(0, headerEnd);
    const [sha, name = '', email = ''] = header.trim().split('\x1f');
    const tokens = headerEnd === -1 ? [] : record.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    const changes: FileChange[] = [];
    for (let i = 0; i < tokens.length; ) {
      const status = tokens[i++];
      if (!status) continue;
      const code = status[0];
      if (code === 'R' || code === 'C') {
        const from = rel(tokens[i++] ?? '');
        const to = rel(tokens[i++] ?? '');
        if (to === null) {
          // Moved out of the content folder: for us, a deletion.
          if (from !== null && code === 'R') changes.push({ status: 'D', path: from });
        } else if (from === null) {
          changes.push({ status: 'A', path: to });
        } else {
          changes.push({ status: code, from, path: to });
        }
      } else if (code === 'A' || code === 'M' || code === 'D' || code === 'T') {
        const path = rel(tokens[i++] ?? '');
        if (path !== null) changes.push({ status: code, path });
      } else {
        i++; // U(nmerged), X(unknown): not in a committed history; skip its path.
      }
    }
    commits.push({ sha, author: { name, email }, changes });
  }
  return commits;
}
