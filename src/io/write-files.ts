/**
 * Several files changed together or not at all: every new text is first written to a temp file
 * beside its target; only when all of them are written are they renamed into place. A file that
 * changed on disk since it was read, or a failed rename, undoes the renames already done, so the
 * content folder never holds half an import.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FileExistsError, syncFolder, writeDurably, writeFileAtomic } from './atomic-write.ts';

export interface FileChange {
  path: string;
  /** Text, or bytes (an adopted image). */
  data: string | Uint8Array;
  /** The text the change was computed from: the write is refused if the file no longer holds it. */
  expected?: string;
  /** A new file: refused if one appeared meanwhile. */
  exclusive?: boolean;
}

export class ConcurrentChangeError extends Error {}

const tempFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

export function writeFilesAllOrNothing(changes: readonly FileChange[]): void {
  const temps: string[] = [];
  try {
    for (const c of changes) {
      mkdirSync(dirname(c.path), { recursive: true });
      const temp = tempFor(c.path);
      writeDurably(temp, c.data);
      temps.push(temp);
    }
  } catch (e) {
    temps.forEach(removeQuietly);
    throw e;
  }

  const done: { change: FileChange; previous?: string }[] = [];
  try {
    changes.forEach((c, i) => {
      if (c.exclusive) {
        // link() fails if the target exists: never replaces a page someone just wrote.
        try {
          linkSync(temps[i], c.path);
        } catch (e) {
          throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? new FileExistsError(c.path) : e;
        }
        unlinkSync(temps[i]);
        done.push({ change: c });
        return;
      }
      const previous = existsSync(c.path) ? readFileSync(c.path, 'utf8') : undefined;
      if (c.expected !== undefined && previous !== c.expected) {
        throw new ConcurrentChangeError(`${c.path} changed while importing; nothing was written, run the import again`);
      }
      renameSync(temps[i], c.path);
      done.push({ change: c, previous });
    });
    for (const dir of new Set(changes.map((c) => dirname(c.path)))) syncFolder(dir);
  } catch (e) {
    temps.forEach(removeQuietly);
    for (const { change, previous } of done.reverse()) {
      if (previous === undefined) removeQuietly(change.path);
      else writeFileAtomic(change.path, previous);
    }
    throw e;
  }
}
