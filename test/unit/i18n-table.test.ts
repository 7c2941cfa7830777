import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UI_STRINGS, stringsOf, tf } from '../../src/lib/i18n/ui.ts';

const LANGUAGES = ['ja', 'en'];

/** A language switch written inline: `ja ? 'はい' : 'yes'`, `locale === 'ja' ? <>…</> : …`. */
const INLINE_SWITCH = /(?:\bja|===\s*['"]ja['"])\s*\?\s*\(?\s*['"`<]/;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.(astro|ts|mjs)$/.test(name) ? [full] : [];
  });

describe('the UI string table (src/lib/i18n/ui.ts)', () => {
  it('every key has a string in every language, and no other', () => {
    const missing = Object.entries(UI_STRINGS).flatMap(([key, byLang]) => [
      ...LANGUAGES.filter((l) => typeof byLang[l] !== 'string').map((l) => `${key}: no ${l}`),
      ...Object.keys(byLang).filter((l) => !LANGUAGES.includes(l)).map((l) => `${key}: unknown language ${l}`),
    ]);
    expect(missing).toEqual([]);
    expect(Object.keys(UI_STRINGS).length).toBeGreaterThan(100);
  });

  it('a text with placeholders has the same ones in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differ = Object.entries(UI_STRINGS).filter(([, byLang]) => names(byLang.ja).join() !== names(byLang.en).join());
    expect(differ.map(([key]) => key)).toEqual([]);
  });

  it('English counts one thing in the singular, any other number in the plural; Japanese has one form', () => {
    expect(tf('en', 'daysLeft', { n: 1 })).toBe('in 1 day');
    expect(tf('en', 'daysLeft', { n: 2 })).toBe('in 2 days');
    expect(tf('en', 'daysLeft', { n: 0 })).toBe('in 0 days');
    expect(tf('ja', 'daysLeft', { n: 1 })).toBe('あと 1 日');
    expect(tf('en', 'carriedCount', { n: 1, days: 1 })).toBe('1 retro · 1 day');
    expect(tf('en', 'runbooksIndex.total', { n: 1, services: 1 })).toBe('1 runbook in 1 service');
    expect(tf('en', 'runbooksIndex.total', { n: 12, services: 3 })).toBe('12 runbooks in 3 services');
    expect(tf('en', 'recurredBefore', { n: 1 })).toBe('came up 1 time before');
    expect(tf('en', 'chartOmitted', { shown: 12, n: 1 })).toBe('(latest 12 retros; 1 earlier one not shown)');
    expect(tf('ja', 'daysOverdue', { n: 3 })).toBe('3 日超過');
    expect(tf('en', 'pages', { n: 1 })).toBe('1 page');
  });

  it('a word chosen by a number shows that number too (no form without its {name})', () => {
    const unbacked = Object.entries(UI_STRINGS).flatMap(([key, byLang]) =>
      Object.values(byLang).flatMap((text) =>
        [...text.matchAll(/\{(\w+):[^|{}]*\|[^|{}]*\}/g)].filter((m) => !text.includes(`{${m[1]}}`)).map((m) => `${key}: ${m[0]}`),
      ),
    );
    expect(unbacked).toEqual([]);
  });

  it("a page's strings come at once, placeholders filled", () => {
    const ja = stringsOf('ja', 'home', { overdue: 2, atRisk: 1, noActiveOwner: 0 });
    const en = stringsOf('en', 'home', { overdue: 2, atRisk: 1, noActiveOwner: 0 });
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    expect(en.attentionCounts).toBe('2 overdue for review, 1 at ownership risk (0 with no active owner). ');
    expect(tf('ja', 'paren', { text: '任意' })).toBe('（任意）');
  });
});

describe('no UI text outside the table', () => {
  it('the check catches an inline language switch', () => {
    expect(INLINE_SWITCH.test("{ja ? 'はい' : 'yes'}")).toBe(true);
    expect(INLINE_SWITCH.test("locale === 'ja'\n  ? `（${x}）` : ` (${x})`")).toBe(true);
    expect(INLINE_SWITCH.test('{ja ? <>アラート</> : <>Alert</>}')).toBe(true);
    expect(INLINE_SWITCH.test("locale === 'ja'\n    ? undefined\n    : localize(html)")).toBe(false);
  });

  it('routes, components, the site and the integration switch no text on the language', () => {
    const dirs = ['src/routes', 'src/components', 'src/site', 'src/integration'];
    // Not the prebuilt integration: generated, it holds copies of src/lib, where the table lives.
    const found = dirs.flatMap(filesUnder).filter((file) => !file.endsWith('.prebuilt.mjs') && INLINE_SWITCH.test(readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
