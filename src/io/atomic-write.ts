/**
 * Writes that never leave a half-written file: write a temp file beside the target, then
 * rename over it (atomic on one filesystem). `exclusive` refuses to replace an existing file.
 */
import { linkSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists; refusing to overwrite it`);
  }
}

export function writeFileAtomic(path: string, data: string, options: { exclusive?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(temp, data, { mode: 0o644 });
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
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}
