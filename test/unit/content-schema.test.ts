import { describe, expect, it } from 'vitest';
import { makeSchemas, DEFAULT_REVIEW_EVERY } from '../../src/lib/content/schema.ts';
import { parseRoster } from '../../src/lib/content/roster.ts';

const schemas = makeSchemas(new Set(['aoki', 'baba']));
const runbook = {
  title: 'DB フェイルオーバー',
  service: 'cloud-sql',
  severity: 'critical',
  owners: ['aoki'],
  reviewed: new Date('2026-10-01T00:00:00Z'),
};
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('runbook front matter', () => {
  it('accepts a minimal runbook and fills per-kind defaults', () => {
    const data = schemas.runbooks.parse(runbook);
    expect(data.reviewed).toBe('2026-10-01');
    expect(data.review_every).toBe(DEFAULT_REVIEW_EVERY.runbooks);
    expect(data).toMatchObject({ alerts: [], dashboards: [], tags: [], description: '' });
  });

  it('takes a quoted date string the same as a YAML date', () => {
    expect(schemas.runbooks.parse({ ...runbook, reviewed: '2026-10-01' }).reviewed).toBe('2026-10-01');
  });

  it.each([
    [{ reviewed: '2026/10/01' }, /reviewed: "2026\/10\/01" is not a valid date/],
    [{ reviewed: '2026-02-29' }, /reviewed: "2026-02-29" is not a valid date/],
    [{ owners: ['aoki', 'yamada'] }, /owners.1: unknown member id "yamada"/],
    [{ owners: [] }, /owners: owners: at least one member id is required/],
    [{ severity: 'sev1' }, /severity/],
    [{ service: undefined }, /service/],
    [{ dashboards: [{ title: 'x', url: 'javascript:alert(1)' }] }, /dashboards.0.url/],
  ])('rejects %o', (patch, message) => {
    const result = schemas.runbooks.safeParse({ ...runbook, ...patch });
    expect(result.success).toBe(false);
    expect(messages(result).join('\n')).toMatch(message);
  });

  it('lets an adopted page wait for an owner, and only an adopted one', () => {
    expect(schemas.runbooks.safeParse({ ...runbook, owners: [], adopted_from: 'old/Node.md' }).success).toBe(true);
    expect(schemas.runbooks.safeParse({ ...runbook, owners: [] }).success).toBe(false);
  });
});

describe('retro items', () => {
  const retro = { title: 'R', date: '2026-10-01', team: 'T', owners: ['aoki'], reviewed: '2026-10-01' };

  it('keeps fields humans added to items', () => {
    const data = schemas.retros.parse({ ...retro, items: [{ kind: 'try', text: 'x', owner: 'baba', note: '手で追記' }] });
    expect(data.items[0]).toMatchObject({ owner: 'baba', note: '手で追記' });
  });

  it.each([
    [{ kind: 'try', text: 'x', owner: 'nobody' }, /unknown member id "nobody"/],
    [{ kind: 'try', text: 'x', status: 'finished' }, /status/],
    [{ kind: 'idea', text: 'x' }, /kind/],
  ])('rejects item %o', (item, message) => {
    expect(messages(schemas.retros.safeParse({ ...retro, items: [item] })).join('\n')).toMatch(message);
  });
});

describe('roster', () => {
  it('parses members and turns YAML dates into days', () => {
    const [m] = parseRoster('- id: aoki\n  name: 青木\n  role: SRE\n  joined: 2024-04-01\n  left: 2026-09-30\n');
    expect(m).toMatchObject({ id: 'aoki', joined: '2024-04-01', left: '2026-09-30', emails: [], git: [] });
  });

  it('names the file and every problem', () => {
    expect(() => parseRoster('- id: aoki\n  name: 青木\n', 'content/team.yaml')).toThrow(
      /content\/team\.yaml: invalid roster\n.*0\.role.*\n.*0\.joined/s,
    );
  });

  it('takes an optional GitHub handle (login or org/team, with or without @) and rejects anything else', () => {
    const member = (github: string) => `- id: aoki\n  name: 青木\n  role: SRE\n  joined: 2024-04-01\n  github: ${JSON.stringify(github)}\n`;
    expect(parseRoster(member('@Octo-cat'))[0].github).toBe('Octo-cat');
    expect(parseRoster(member('my-org/sre_team'))[0].github).toBe('my-org/sre_team');
    expect(parseRoster('- id: aoki\n  name: 青木\n  role: SRE\n  joined: 2024-04-01\n')[0].github).toBeUndefined();
    for (const bad of ['octo cat', '-octo', 'a@b.com', '']) expect(() => parseRoster(member(bad)), bad).toThrow(/0\.github: github: a GitHub login/);
  });

  it('rejects a duplicate id', () => {
    const member = (id: string) => `- id: ${id}\n  name: x\n  role: SRE\n  joined: 2024-01-01\n`;
    expect(() => parseRoster(member('aoki') + member('aoki'))).toThrow(/1\.id: duplicate member id "aoki"/);
  });

  it('reports YAML syntax errors with the file', () => {
    expect(() => parseRoster('- id: [', 'x/team.yaml')).toThrow(/x\/team\.yaml: not valid YAML/);
  });
});
