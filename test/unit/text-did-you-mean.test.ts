import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../src/lib/text/did-you-mean.ts';

describe('didYouMean', () => {
  it('gives the candidate a typo meant', () => {
    expect(didYouMean('runbooks/db-failovr', ['runbooks/db', 'runbooks/db-failover', 'guideline/intro'])).toBe('runbooks/db-failover');
    expect(didYouMean('対応', ['対策', '手順'])).toBe('対策');
  });

  it('gives nothing when every candidate is too far off (two edits, or a quarter of a long name)', () => {
    expect(didYouMean('abc', ['xyz'])).toBeUndefined();
    expect(didYouMean('abcd', ['abxy'])).toBe('abxy');
    expect(didYouMean('abcdefghijkl', ['abcdefghiXYZ'])).toBe('abcdefghiXYZ');
    expect(didYouMean('abcdefghijkl', ['abcdefghWXYZ'])).toBeUndefined();
    expect(didYouMean('a', [])).toBeUndefined();
  });

  it('the first of equally close candidates wins', () => {
    expect(didYouMean('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('with partial, a candidate containing the name (or inside it) comes first', () => {
    expect(didYouMean('rollback', ['overview', 'rollback-steps'], { partial: true })).toBe('rollback-steps');
    expect(didYouMean('rollback-steps-old', ['rollback-steps'], { partial: true })).toBe('rollback-steps');
    expect(didYouMean('rollback', ['rollback-steps'])).toBeUndefined();
  });
});
