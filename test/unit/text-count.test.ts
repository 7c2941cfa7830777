import { describe, expect, it } from 'vitest';
import { count } from '../../src/lib/text/count.ts';

describe('count', () => {
  it('says one thing in the singular and any other number in the plural', () => {
    expect(count(1, 'rule')).toBe('1 rule');
    expect(count(0, 'rule')).toBe('0 rules');
    expect(count(2, 'rule')).toBe('2 rules');
  });

  it('takes an irregular plural', () => {
    expect(count(1, 'kind of gap', 'kinds of gaps')).toBe('1 kind of gap');
    expect(count(3, 'kind of gap', 'kinds of gaps')).toBe('3 kinds of gaps');
  });
});
