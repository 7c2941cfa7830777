import { describe, expect, it } from 'vitest';
import { ownership, exposureOf } from '../../src/lib/knowledge/ownership.ts';
import type { Member } from '../../src/lib/content/schema.ts';

const member = (id: string, left?: string): Member => ({
  id,
  name: id.toUpperCase(),
  role: 'SRE',
  joined: '2020-01-01',
  left,
  emails: [],
  git: [],
});
const roster = new Map(
  [member('tanaka'), member('suzuki'), member('sato', '2026-09-30'), member('ito', '2026-12-31')].map((m) => [m.id, m]),
);
const TODAY = '2026-11-24';

describe('ownership risk', () => {
  it('two active owners: no risk', () => {
    expect(ownership(['tanaka', 'suzuki'], roster, TODAY)).toEqual({
      active: ['tanaka', 'suzuki'],
      departed: [],
      unknown: [],
      risk: null,
    });
  });

  it('one owner: single owner', () => {
    expect(ownership(['suzuki'], roster, TODAY).risk).toBe('single-owner');
  });

  it('the same person listed twice is still one person', () => {
    expect(ownership(['suzuki', 'suzuki'], roster, TODAY)).toMatchObject({ active: ['suzuki'], risk: 'single-owner' });
  });

  it('two owners of whom one has left: single owner, the leaver named', () => {
    expect(ownership(['suzuki', 'sato'], roster, TODAY)).toMatchObject({
      active: ['suzuki'],
      departed: ['sato'],
      risk: 'single-owner',
    });
  });

  it('all owners have left: no active owner', () => {
    expect(ownership(['sato'], roster, TODAY)).toMatchObject({ active: [], departed: ['sato'], risk: 'no-active-owner' });
  });

  it('an adopted page with owners: [] has no owner', () => {
    expect(ownership([], roster, TODAY).risk).toBe('no-owner');
  });

  it('an owner id the roster does not know counts as nobody', () => {
    expect(ownership(['ghost'], roster, TODAY)).toMatchObject({ unknown: ['ghost'], risk: 'no-active-owner' });
    expect(ownership(['ghost', 'tanaka'], roster, TODAY).risk).toBe('single-owner');
  });

  it('a member is active until their left date, and gone on it', () => {
    expect(ownership(['ito', 'tanaka'], roster, TODAY).risk).toBeNull(); // leaves 2026-12-31
    expect(ownership(['ito', 'tanaka'], roster, '2026-12-31').risk).toBe('single-owner');
    expect(ownership(['sato', 'tanaka'], roster, '2026-09-29').risk).toBeNull();
    expect(ownership(['sato', 'tanaka'], roster, '2026-09-30').risk).toBe('single-owner');
  });

  it('the minimum number of owners is configurable', () => {
    expect(ownership(['suzuki'], roster, TODAY, 1).risk).toBeNull();
    expect(ownership(['sato'], roster, TODAY, 1).risk).toBe('no-active-owner');
    expect(ownership(['tanaka', 'suzuki'], roster, TODAY, 3).risk).toBe('few-owners');
  });
});

describe('exposure: the pages that would have no active owner if a member left', () => {
  const pages = [
    { name: 'alone', owners: ['suzuki'] },
    { name: 'with-leaver', owners: ['suzuki', 'sato'] },
    { name: 'shared', owners: ['suzuki', 'tanaka'] },
    { name: 'orphan', owners: ['sato'] },
    { name: 'adopted', owners: [] },
  ].map((p) => ({ ...p, ownership: ownership(p.owners, roster, TODAY) }));

  it('counts pages a member owns alone, including those whose co-owners left', () => {
    expect(exposureOf('suzuki', pages).map((p) => p.name)).toEqual(['alone', 'with-leaver']);
  });

  it('is empty for a member who shares every page', () => {
    expect(exposureOf('tanaka', pages)).toEqual([]);
  });

  it('is empty for a member who already left (their pages are already orphaned)', () => {
    expect(exposureOf('sato', pages)).toEqual([]);
  });
});
