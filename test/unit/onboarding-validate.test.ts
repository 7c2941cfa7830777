import { describe, expect, it } from 'vitest';
import { closestPage, findPathProblems, parsePageRef } from '../../src/lib/onboarding/validate.ts';
import { KINDS, makeOnboardingSchema } from '../../src/lib/content/schema.ts';

const PAGES = new Set(['guideline/sre-values', 'runbooks/cloud-sql-failover', 'runbooks/gcp/gke-node', 'retros/2026-10-15-team']);
const known = { pages: PAGES, kinds: KINDS };
const schema = makeOnboardingSchema(new Set(['aoki', 'baba']), PAGES);

const messages = (raw: unknown) => {
  const result = schema.safeParse(raw);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const path = (steps: unknown, extra: Record<string, unknown> = {}) => ({ title: '初日', audience: '初日', steps, ...extra });

describe('parsePageRef', () => {
  it('reads kind/slug, a pasted site path and a file path the same way', () => {
    for (const raw of ['runbooks/cloud-sql-failover', '/runbooks/cloud-sql-failover/', 'runbooks/cloud-sql-failover.mdx', ' runbooks/Cloud SQL Failover.md ']) {
      expect(parsePageRef(raw), raw).toEqual({ kind: 'runbooks', slug: 'cloud-sql-failover', ref: 'runbooks/cloud-sql-failover' });
    }
  });

  it('keeps nested slugs', () => {
    expect(parsePageRef('runbooks/gcp/gke-node')?.ref).toBe('runbooks/gcp/gke-node');
  });

  it('rejects what is not kind/slug', () => {
    for (const raw of ['', 'runbooks', '/runbooks/', 'runbooks/a#b', 'runbooks/a?x=1', 'runbooks/a b']) {
      expect(parsePageRef(raw), raw).toBeUndefined();
    }
  });
});

describe('findPathProblems (the pure validator)', () => {
  it('accepts a path of existing pages and tasks', () => {
    expect(findPathProblems([{ page: 'guideline/sre-values' }, { task: 'BigQuery の閲覧権限を申請する' }, { page: '/runbooks/cloud-sql-failover/' }], known)).toEqual([]);
  });

  it('an empty path', () => {
    const issues = findPathProblems([], known);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toEqual(['steps']);
    expect(issues[0].message).toMatch(/no steps/);
  });

  it('a step pointing to a missing page, with a suggestion for a typo', () => {
    const issues = findPathProblems([{ page: 'guideline/sre-values' }, { page: 'runbooks/cloud-sql-failovr' }], known);
    expect(issues).toEqual([
      {
        path: ['steps', 1, 'page'],
        message: expect.stringMatching(/^step 2: no page "runbooks\/cloud-sql-failovr".*did you mean "runbooks\/cloud-sql-failover"\?$/),
      },
    ]);
  });

  it('a missing page far from any existing one gets no suggestion', () => {
    const [issue] = findPathProblems([{ page: 'handover/billing-system-migration' }], known);
    expect(issue.message).toMatch(/no page "handover\/billing-system-migration"/);
    expect(issue.message).not.toMatch(/did you mean/);
  });

  it('a page in a folder that is not a content kind', () => {
    const [issue] = findPathProblems([{ page: 'docs/intro' }], known);
    expect(issue.message).toMatch(/"docs" is not a content kind \(one of guideline, runbooks, handover, retros\)/);
  });

  it('a malformed page reference', () => {
    const [issue] = findPathProblems([{ page: 'sre-values' }], known);
    expect(issue).toMatchObject({ path: ['steps', 0, 'page'], message: expect.stringMatching(/not a page reference: write kind\/slug/) });
  });

  it('a duplicate page, even when written differently', () => {
    const issues = findPathProblems([{ page: 'guideline/sre-values' }, { task: 'x' }, { page: '/guideline/sre-values/' }], known);
    expect(issues).toEqual([{ path: ['steps', 2], message: expect.stringMatching(/^step 3 repeats step 1 \(page guideline\/sre-values\)/) }]);
  });

  it('a duplicate task, ignoring case and spacing', () => {
    const issues = findPathProblems([{ task: 'Request BigQuery access' }, { task: 'request  bigquery access ' }], known);
    expect(issues).toEqual([{ path: ['steps', 1], message: expect.stringMatching(/^step 2 repeats step 1/) }]);
  });

  it('a step with both page and task, and one with neither', () => {
    const issues = findPathProblems([{ page: 'guideline/sre-values', task: 'x' }, {}, { page: '  ' }], known);
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/^step 1 has both page and task/),
      expect.stringMatching(/^step 2 needs either page .* or task/),
      expect.stringMatching(/^step 3 needs either page .* or task/),
    ]);
  });

  it('reports every problem, not only the first', () => {
    const issues = findPathProblems([{ page: 'runbooks/nope' }, { page: 'runbooks/nope' }, { task: 'a', page: 'guideline/sre-values' }], known);
    expect(issues).toHaveLength(4); // missing twice, duplicate, both
  });
});

describe('closestPage', () => {
  it('suggests only near misses', () => {
    expect(closestPage('guideline/sre-value', PAGES)).toBe('guideline/sre-values');
    expect(closestPage('guideline/something-else', PAGES)).toBeUndefined();
  });
});

describe('the onboarding path schema', () => {
  it('parses a valid path into page and task steps', () => {
    const result = schema.parse(
      path(
        [
          { page: '/guideline/sre-values/', why: '土台になる考え方' },
          { task: ' BigQuery の閲覧権限を申請する ', why: '調査に必要', minutes: 10, link: 'https://forms.example.com/bq', optional: true },
        ],
        { owners: ['aoki'], order: 1 },
      ),
    );
    expect(result).toEqual({
      title: '初日',
      audience: '初日',
      description: '',
      order: 1,
      owners: ['aoki'],
      steps: [
        { type: 'page', page: 'guideline/sre-values', kind: 'guideline', slug: 'sre-values', why: '土台になる考え方', optional: false },
        { type: 'task', task: 'BigQuery の閲覧権限を申請する', why: '調査に必要', optional: true, minutes: 10, link: 'https://forms.example.com/bq' },
      ],
    });
  });

  it('fails an empty path, a missing steps list and `steps:` with nothing after it', () => {
    for (const steps of [[], undefined, null]) {
      expect(messages(path(steps))).toEqual([expect.stringMatching(/^steps: the path has no steps/)]);
    }
  });

  it('fails a step to a missing page', () => {
    expect(messages(path([{ page: 'runbooks/no-such-page', why: 'x' }]))).toEqual([expect.stringMatching(/^steps\.0\.page: step 1: no page "runbooks\/no-such-page"/)]);
  });

  it('fails a duplicate step', () => {
    const steps = [
      { page: 'guideline/sre-values', why: 'a' },
      { page: 'guideline/sre-values', why: 'b' },
    ];
    expect(messages(path(steps))).toEqual([expect.stringMatching(/^steps\.1: step 2 repeats step 1/)]);
  });

  it('requires why on every step', () => {
    expect(messages(path([{ page: 'guideline/sre-values' }]))).toEqual([expect.stringMatching(/^steps\.0\.why: why is required/)]);
    expect(messages(path([{ page: 'guideline/sre-values', why: '   ' }]))).toEqual([expect.stringMatching(/^steps\.0\.why: why must not be empty/)]);
  });

  it('rejects misspelt keys instead of ignoring them', () => {
    expect(messages(path([{ page: 'guideline/sre-values', why: 'a', optinal: true }]))).toEqual([expect.stringMatching(/^steps\.0: .*optinal/)]);
    expect(messages({ ...path([{ task: 't', why: 'a' }]), audiance: '初日' })).toEqual([expect.stringMatching(/audiance/)]);
  });

  it('requires a title and an audience', () => {
    expect(messages({ steps: [{ task: 't', why: 'a' }] }).join('\n')).toMatch(/title[\s\S]*audience/);
  });

  it('rejects an unknown owner, a non-http link, a link on a page step and silly minutes', () => {
    expect(messages(path([{ task: 't', why: 'a' }], { owners: ['yamada'] }))).toEqual([expect.stringMatching(/unknown member id "yamada"/)]);
    expect(messages(path([{ task: 't', why: 'a', link: 'javascript:alert(1)' }]))).toEqual([expect.stringMatching(/^steps\.0\.link: link must be an http\(s\) URL/)]);
    expect(messages(path([{ page: 'guideline/sre-values', why: 'a', link: 'https://x.example' }]))).toEqual([expect.stringMatching(/^steps\.0\.link: step 1: link is for tasks/)]);
    expect(messages(path([{ task: 't', why: 'a', minutes: 0 }]))).toHaveLength(1);
    expect(messages(path([{ task: 't', why: 'a', minutes: 1.5 }]))).toHaveLength(1);
  });
});
