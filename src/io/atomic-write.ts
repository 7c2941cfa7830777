/**
 * Writes that never leave a half-written file: write a temp file beside the target, flush it to
 * disk, then rename over it (atomic on one filesystem) and flush the folder so the rename
 * survives a crash. `exclusive` refuses to replace an existing file.
 *
 * `durable: false` keeps the temp file and the rename (no reader ever sees half a file) but skips
 * both flushes. Only for files a build derives and writes again every time (the built site): a
 * crash loses nothing there that the next build does not remake, Astro writes its own pages the
 * same way, and two flushes per page were 1.2 s of a 1,000-runbook build.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; refusing to overwrite it`);
  }
}

/** Options for a file of the built site (see `durable` above). */
export const BUILT_FILE = { durable: false } as const;

export function writeFileAtomic(path: string, data: string | Uint8Array, options: { exclusive?: boolean; durable?: boolean } = {}): void {
  const durable = options.durable ?? true;
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  if (durable) writeDurably(temp, data);
  else writeFileSync(temp, data, { flag: 'wx', mode: 0o644 });
  try {
    if (options.exclusive) {
      // link() fails if the target exists, so two writers cannot both "create" the file.
      try {
        linkSync(temp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
        throw e;
      }
      unlinkSync(temp);
    } else {
      renameSync(temp, path);
    }
    if (durable) syncFolder(dirname(path));
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

/** Writes a new file and flushes it to disk before returning. */
export function writeDurably(path: string, data: string | Uint8Array): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    // writeFileSync on a descriptor loops until every byte is written (writeSync may write fewer).
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename into it) to disk. */
export function syncFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a whole folder of files at once: written into a temp folder beside the target, then
 * renamed into place. The target must not exist or be empty; on any failure nothing is left.
 */
export function writeFolderAtomic(target: string, files: Record<string, string>): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  mkdirSync(temp);
  try {
    for (const [rel, data] of Object.entries(files)) {
      const path = join(temp, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeDurably(path, data);
    }
    let existed = false;
    try {
      existed = readdirSync(target).length === 0;
    } catch {
      /* absent: fine */
    }
    if (existed) rmdirSync(target);
    renameSync(temp, target);
    syncFolder(dirname(target));
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
}
