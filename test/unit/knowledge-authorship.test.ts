import { describe, expect, it } from 'vitest';
import {
  authorsByFile,
  degreeOfAuthorship,
  fileAuthorship,
  fileHistories,
  truckFactor,
  type Commit,
  type FileChange,
} from '../../src/lib/knowledge/authorship.ts';
import { identityMap } from '../../src/lib/knowledge/identity.ts';
import type { Member } from '../../src/lib/content/schema.ts';

let n = 0;
const commit = (who: string, ...changes: FileChange[]): Commit => ({
  sha: `c${++n}`,
  author: { name: who, email: `${who}@example.com` },
  changes,
});
const add = (path: string): FileChange => ({ status: 'A', path });
const mod = (path: string): FileChange => ({ status: 'M', path });
const del = (path: string): FileChange => ({ status: 'D', path });
const ren = (from: string, path: string): FileChange => ({ status: 'R', from, path });
const byName = (a: { name: string }) => a.name;

describe('degree of authorship (Avelino et al. 2016)', () => {
  it('uses the published coefficients', () => {
    expect(degreeOfAuthorship(true, 0, 0)).toBeCloseTo(4.391, 3);
    expect(degreeOfAuthorship(false, 10, 0)).toBeCloseTo(4.933, 3);
    expect(degreeOfAuthorship(true, 0, 10)).toBeCloseTo(3.293 + 1.098 - 0.321 * Math.log(11), 9);
    expect(degreeOfAuthorship(false, 1, 3)).toBeCloseTo(3.293 + 0.164 - 0.321 * Math.log(4), 9);
  });
});

describe('file histories from commits', () => {
  it('follows renames so the creator of the original file stays the first author', () => {
    const files = fileHistories(
      [commit('alice', add('runbooks/a.mdx')), commit('bob', ren('runbooks/a.mdx', 'runbooks/db/a.mdx')), commit('bob', mod('runbooks/db/a.mdx'))],
      byName,
    );
    expect([...files.keys()]).toEqual(['runbooks/db/a.mdx']);
    const a = files.get('runbooks/db/a.mdx')!;
    expect(a.creator).toBe('alice');
    expect(Object.fromEntries(a.deliveries)).toEqual({ bob: 2 }); // the rename and the edit
  });

  it('drops deleted files, and a file re-created at the same path starts afresh', () => {
    const files = fileHistories(
      [
        commit('alice', add('x.mdx'), add('gone.mdx')),
        commit('alice', mod('x.mdx'), mod('gone.mdx')),
        commit('bob', del('x.mdx'), del('gone.mdx')),
        commit('carol', add('x.mdx')),
      ],
      byName,
    );
    expect([...files.keys()]).toEqual(['x.mdx']);
    expect(files.get('x.mdx')).toEqual({ path: 'x.mdx', creator: 'carol', deliveries: new Map() });
  });

  it('handles a swap of two files and a rename whose old path is reused in the same commit', () => {
    const files = fileHistories(
      [
        commit('alice', add('a.mdx')),
        commit('bob', add('b.mdx')),
        commit('carol', ren('a.mdx', 'b.mdx'), ren('b.mdx', 'a.mdx')),
        commit('dave', add('c.mdx'), ren('c.mdx', 'd.mdx')), // nonsense, but must not crash
        commit('erin', add('a2.mdx')),
        commit('erin', ren('a2.mdx', 'a3.mdx'), add('a2.mdx')),
      ],
      byName,
    );
    expect(files.get('b.mdx')!.creator).toBe('alice');
    expect(files.get('a.mdx')!.creator).toBe('bob');
    expect(files.get('a3.mdx')!.creator).toBe('erin');
    expect(files.get('a2.mdx')!.creator).toBe('erin');
    expect(files.get('a2.mdx')!.deliveries.size).toBe(0);
  });

  it('a file first seen as modified has no known creator', () => {
    const files = fileHistories([commit('bob', mod('old.mdx'))], byName);
    expect(files.get('old.mdx')).toMatchObject({ creator: null });
    expect(fileAuthorship(files.get('old.mdx')!)).toEqual([
      { developer: 'bob', doa: degreeOfAuthorship(false, 1, 0), normalized: 1, author: true },
    ]);
  });
});

describe('authors of a file', () => {
  it('the creator stays the author while others make few changes', () => {
    // alice created it, bob changed it twice: alice 4.391-0.321ln3 = 4.038, bob 3.621 -> 0.897 normalized.
    const [h] = fileHistories([commit('alice', add('f')), commit('bob', mod('f')), commit('bob', mod('f'))], byName).values();
    const list = fileAuthorship(h);
    expect(list.map((a) => [a.developer, a.author])).toEqual([
      ['alice', true],
      ['bob', true],
    ]);
    expect(list[0].doa).toBeCloseTo(4.391 - 0.321 * Math.log(3), 9);
    expect(list[1].normalized).toBeCloseTo((3.293 + 0.328) / (4.391 - 0.321 * Math.log(3)), 9);
  });

  it('someone who rewrites a file many times takes over authorship', () => {
    const commits = [commit('alice', add('f')), ...Array.from({ length: 10 }, () => commit('bob', mod('f')))];
    const [h] = fileHistories(commits, byName).values();
    const list = fileAuthorship(h);
    // bob: 3.293 + 1.64 = 4.933; alice: 4.391 - 0.321 ln 11 = 3.621 -> normalized 0.734 < 0.75.
    expect(list.map((a) => [a.developer, a.author])).toEqual([
      ['bob', true],
      ['alice', false],
    ]);
    expect(list[1].normalized).toBeCloseTo(0.734, 3);
  });

  it('a single small change by someone else does not make them an author', () => {
    const [h] = fileHistories([commit('alice', add('f')), commit('alice', mod('f')), commit('bob', mod('f'))], byName).values();
    // alice 4.391+0.164-0.321ln2 = 4.333; bob 3.293+0.164-0.321ln2 = 3.235 (< 3.293).
    expect(fileAuthorship(h).map((a) => [a.developer, a.author])).toEqual([
      ['alice', true],
      ['bob', false],
    ]);
  });
});

describe('truck factor', () => {
  const authors = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

  it('one person authoring everything: 1', () => {
    expect(truckFactor(authors({ a: ['alice'], b: ['alice'], c: ['alice'] }))).toEqual({
      truckFactor: 1,
      removed: [{ developer: 'alice', files: 3 }],
      files: 3,
      orphaned: 0,
    });
  });

  it('removes authors until MORE than half of the files are orphaned', () => {
    // After removing alice, exactly half (2 of 4) still has an author: keep going.
    const tf = truckFactor(authors({ a: ['alice'], b: ['alice'], c: ['bob'], d: ['bob'] }))!;
    expect(tf.truckFactor).toBe(2);
    expect(tf.removed.map((r) => r.developer)).toEqual(['alice', 'bob']); // tie: smaller id first
    // With 3 files, removing alice leaves 1 of 3 covered: done.
    expect(truckFactor(authors({ a: ['alice'], b: ['alice'], c: ['bob'] }))!.truckFactor).toBe(1);
  });

  it('shared authorship raises it', () => {
    const tf = truckFactor(authors({ a: ['alice', 'bob'], b: ['bob', 'carol'], c: ['carol', 'alice'], d: ['alice'] }))!;
    // Without alice, bob and carol still cover a, b, c (3/4); without bob too, carol covers b, c (2/4,
    // not more than half orphaned); only without carol is everything orphaned.
    expect(tf.removed).toEqual([
      { developer: 'alice', files: 3 },
      { developer: 'bob', files: 2 },
      { developer: 'carol', files: 2 },
    ]);
    expect(tf.truckFactor).toBe(3);
  });

  it('members who already left are removed first and not counted', () => {
    const files = authors({ a: ['sato'], b: ['sato'], c: ['sato', 'ito'], d: ['ito'] });
    expect(truckFactor(files)!.truckFactor).toBe(2);
    expect(truckFactor(files, { exclude: ['sato'] })).toEqual({
      truckFactor: 1,
      removed: [{ developer: 'ito', files: 2 }],
      files: 4,
      orphaned: 2,
    });
    // When the leavers authored most files, the bus factor is already 0.
    expect(truckFactor(authors({ a: ['sato'], b: ['sato'], c: ['ito'] }), { exclude: ['sato'] })!.truckFactor).toBe(0);
  });

  it('no files: no number rather than a misleading 0', () => {
    expect(truckFactor(new Map())).toBeNull();
  });

  it('end to end from commits', () => {
    const commits = [
      commit('alice', add('a'), add('b'), add('c')),
      commit('bob', add('d')),
      ...Array.from({ length: 10 }, () => commit('bob', mod('a'))),
    ];
    const byFile = authorsByFile(fileHistories(commits, byName));
    expect(Object.fromEntries(byFile)).toEqual({ a: ['bob'], b: ['alice'], c: ['alice'], d: ['bob'] });
    expect(truckFactor(byFile)!.truckFactor).toBe(2);
  });
});

describe('Git identities to roster members', () => {
  const m = (id: string, emails: string[], git: string[]): Member => ({ id, name: id, role: 'SRE', joined: '2020-01-01', emails, git });
  const ids = identityMap([m('tanaka', ['tanaka@example.com'], ['Taro Tanaka', 'tanaka-t']), m('ito', [], ['misaki-ito'])]);

  it('matches emails and names case-insensitively', () => {
    expect(ids.developerOf({ name: 'Someone', email: 'TANAKA@example.com' })).toBe('tanaka');
    expect(ids.developerOf({ name: 'taro tanaka', email: 'laptop@localhost' })).toBe('tanaka');
  });

  it('matches a GitHub noreply address by login', () => {
    expect(ids.developerOf({ name: 'M', email: '123456+misaki-ito@users.noreply.github.com' })).toBe('ito');
    expect(ids.developerOf({ name: 'T', email: 'tanaka-t@users.noreply.github.com' })).toBe('tanaka');
  });

  it('keeps unknown authors apart, one id per email, and lists them', () => {
    expect(ids.developerOf({ name: 'Bot', email: 'bot@ci' })).toBe('git:bot@ci');
    expect(ids.developerOf({ name: 'Bot Renamed', email: 'BOT@ci' })).toBe('git:bot@ci');
    expect([...ids.unmapped.keys()]).toEqual(['git:bot@ci']);
  });
});
