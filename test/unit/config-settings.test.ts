/** Settings are validated once, and a wrong one is named with what is allowed. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/io/config.ts';
import { mergeSettingsInput, parseSettings } from '../../src/lib/config/settings.ts';

describe('parseSettings', () => {
  it('fills every default for an empty config', () => {
    const s = parseSettings({});
    expect(s).toMatchObject({ ui: ['ja', 'en'], base: '/', editUrl: '', contentDir: 'content', timeZone: 'Asia/Tokyo', title: { ja: 'チームハンドブック', en: 'Team handbook' } });
    expect(s.knowledge).toEqual({ dueSoonDays: 14, minOwners: 2, strict: { maxOverdue: 0, maxAtRisk: 0, minBusFactor: 0 } });
    expect(s.kpt.authors).toBe(true);
    expect(s.site).toBeUndefined();
  });

  it('lets the environment override ui, base, site, editUrl and contentDir', () => {
    const s = parseSettings({ base: '/a/', contentDir: 'docs' }, { HIKITSUGI_UI: 'ja', BASE_PATH: '/handbook', SITE_URL: 'https://h.example.com', EDIT_URL: 'https://g/e/', CONTENT_DIR: 'other' });
    expect(s).toMatchObject({ ui: ['ja'], base: '/handbook/', site: 'https://h.example.com', editUrl: 'https://g/e/', contentDir: 'other' });
  });

  it.each([
    [{ titel: 'x' }, /hikitsugi\.config\.mjs: unknown option "titel" \(allowed: title, ui, base, site, editUrl, contentDir, timeZone, lint, knowledge, kpt, /],
    [{ knowledge: { minOwner: 1 } }, /unknown option "knowledge\.minOwner" \(allowed: dueSoonDays, minOwners, strict\)/],
    [{ knowledge: { strict: { maxOverdu: 1 } } }, /unknown option "knowledge\.strict\.maxOverdu" \(allowed: maxOverdue, maxAtRisk, minBusFactor\)/],
    [{ kpt: { colours: {} } }, /unknown option "kpt\.colours" \(allowed: team, owners, authors, headers, colors\)/],
    [{ knowledge: { minOwners: 0 } }, /knowledge\.minOwners: /],
    [{ timeZone: 'Tokyo' }, /timeZone: not an IANA time zone/],
    [{ base: 'handbook' }, /base: must start with "\/"/],
    [{ ui: 'en' }, /ui \(or HIKITSUGI_UI\) must be "ja" \(Japanese UI only\) or "ja,en"/],
    [{ lint: { rules: { 'no-secrets': 'loud' } } }, /lint\.rules\.no-secrets: /],
    [{ site: 'not a url' }, /site: /],
    [{ kpt: { colors: { red: 'urgent' } } }, /kpt\.colors\.red: /],
  ])('rejects %j with one line naming the option', (raw, message) => {
    expect(() => parseSettings(raw)).toThrow(message);
  });

  it('says when a wrong value came from the environment', () => {
    expect(() => parseSettings({}, { BASE_PATH: 'handbook' })).toThrow(/base \(from BASE_PATH\): must start with "\/"/);
  });

  it('merges integration options over the file one section deep', () => {
    expect(mergeSettingsInput({ knowledge: { minOwners: 1, dueSoonDays: 7 }, ui: 'ja' }, { knowledge: { minOwners: 3 } })).toEqual({ knowledge: { minOwners: 3, dueSoonDays: 7 }, ui: 'ja' });
  });
});

describe('loadSettings', () => {
  const project = (config?: string) => {
    const root = mkdtempSync(join(tmpdir(), 'hk-config-'));
    if (config !== undefined) writeFileSync(join(root, 'hikitsugi.config.mjs'), config);
    return root;
  };

  it('uses the defaults when the project has no hikitsugi.config.mjs', async () => {
    expect((await loadSettings({ root: project(), env: {} })).contentDir).toBe('content');
  });

  it('reads the file, then the options, then the environment', async () => {
    const root = project("export default { title: { ja: 'ハンドブック', en: 'Handbook' }, knowledge: { minOwners: 1 } };");
    const s = await loadSettings({ root, options: { knowledge: { dueSoonDays: 3 } }, env: { HIKITSUGI_UI: 'ja' } });
    expect(s.title.ja).toBe('ハンドブック');
    expect(s.knowledge).toMatchObject({ minOwners: 1, dueSoonDays: 3 });
    expect(s.ui).toEqual(['ja']);
  });

  it('names the integration options when one of them is wrong', async () => {
    await expect(loadSettings({ root: project(), options: { titel: 'x' }, optionsSource: 'hikitsugi() in astro.config.mjs', env: {} })).rejects.toThrow(
      /^hikitsugi\(\) in astro\.config\.mjs: unknown option "titel"/,
    );
  });

  it('fails with one line when the file does not load or exports no object', async () => {
    await expect(loadSettings({ root: project('export default {'), env: {} })).rejects.toThrow(/^hikitsugi\.config\.mjs: cannot load it: /);
    await expect(loadSettings({ root: project('export default 3;'), env: {} })).rejects.toThrow(/default export must be an object/);
  });
});
