import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConcurrentChangeError, writeFilesAllOrNothing } from '../../src/io/write-files.ts';
import { BUILT_FILE, FileExistsError, writeFileAtomic } from '../../src/io/atomic-write.ts';

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'hk-wf-'));
  writeFileSync(join(dir, 'a.mdx'), 'A0');
  writeFileSync(join(dir, 'b.mdx'), 'B0');
  return dir;
}
const state = (dir: string) =>
  Object.fromEntries(readdirSync(dir).sort().map((f) => [f, statSync(join(dir, f)).isDirectory() ? '(folder)' : readFileSync(join(dir, f), 'utf8')]));

describe('writing several files all or nothing', () => {
  it('writes every file, creating new ones and their folder', () => {
    const dir = folder();
    writeFilesAllOrNothing([
      { path: join(dir, 'a.mdx'), data: 'A1', expected: 'A0' },
      { path: join(dir, 'sub', 'c.mdx'), data: 'C1', exclusive: true },
    ]);
    expect(state(dir)).toEqual({ 'a.mdx': 'A1', 'b.mdx': 'B0', sub: '(folder)' });
    expect(readFileSync(join(dir, 'sub', 'c.mdx'), 'utf8')).toBe('C1');
  });

  it('changes nothing when a file cannot be written, and leaves no temp files', () => {
    const dir = folder();
    writeFileSync(join(dir, 'not-a-folder'), '');
    expect(() =>
      writeFilesAllOrNothing([
        { path: join(dir, 'a.mdx'), data: 'A1' },
        { path: join(dir, 'not-a-folder', 'c.mdx'), data: 'C1' },
      ]),
    ).toThrow();
    expect(state(dir)).toEqual({ 'a.mdx': 'A0', 'b.mdx': 'B0', 'not-a-folder': '' });
  });

  it('undoes the files already renamed when a later one fails', () => {
    const dir = folder();
    mkdirSync(join(dir, 'taken.mdx'));
    writeFileSync(join(dir, 'taken.mdx', 'x'), 'x');
    expect(() =>
      writeFilesAllOrNothing([
        { path: join(dir, 'a.mdx'), data: 'A1' },
        { path: join(dir, 'new.mdx'), data: 'N1' },
        { path: join(dir, 'taken.mdx'), data: 'T1' },
      ]),
    ).toThrow();
    expect(state(dir)).toEqual({ 'a.mdx': 'A0', 'b.mdx': 'B0', 'taken.mdx': '(folder)' });
  });

  it('refuses to overwrite a file that changed since it was read', () => {
    const dir = folder();
    expect(() =>
      writeFilesAllOrNothing([
        { path: join(dir, 'a.mdx'), data: 'A1', expected: 'A0' },
        { path: join(dir, 'b.mdx'), data: 'B1', expected: 'B-as-read-before' },
      ]),
    ).toThrow(ConcurrentChangeError);
    expect(state(dir)).toEqual({ 'a.mdx': 'A0', 'b.mdx': 'B0' });
  });

  it('refuses to create a page that appeared meanwhile', () => {
    const dir = folder();
    expect(() =>
      writeFilesAllOrNothing([
        { path: join(dir, 'a.mdx'), data: 'A1' },
        { path: join(dir, 'b.mdx'), data: 'B1', exclusive: true },
      ]),
    ).toThrow(FileExistsError);
    expect(state(dir)).toEqual({ 'a.mdx': 'A0', 'b.mdx': 'B0' });
  });
});

describe('writing a file of the built site (BUILT_FILE: no flush to disk)', () => {
  it('replaces the file whole through a temp file that does not stay behind', () => {
    const dir = folder();
    writeFileAtomic(join(dir, 'a.mdx'), 'A1', BUILT_FILE);
    writeFileAtomic(join(dir, 'sub', 'new.html'), '<p>x</p>', BUILT_FILE);
    expect(state(dir)).toEqual({ 'a.mdx': 'A1', 'b.mdx': 'B0', sub: '(folder)' });
    expect(readdirSync(join(dir, 'sub'))).toEqual(['new.html']);
  });

  it('still refuses to replace a file when asked to create it', () => {
    const dir = folder();
    expect(() => writeFileAtomic(join(dir, 'a.mdx'), 'A1', { ...BUILT_FILE, exclusive: true })).toThrow(FileExistsError);
    expect(state(dir)).toEqual({ 'a.mdx': 'A0', 'b.mdx': 'B0' });
  });
});
