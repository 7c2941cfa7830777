import { describe, expect, it } from 'vitest';
import { uiLocales } from '../../src/lib/config/settings.ts';

describe('the ui setting (hikitsugi.config.mjs, HIKITSUGI_UI)', () => {
  it('Japanese only, or Japanese then English, as a list or a comma-separated string', () => {
    expect(uiLocales('ja')).toEqual(['ja']);
    expect(uiLocales('ja,en')).toEqual(['ja', 'en']);
    expect(uiLocales(' ja , en ')).toEqual(['ja', 'en']);
    expect(uiLocales(['ja', 'en'])).toEqual(['ja', 'en']);
  });

  it.each([['en'], ['en,ja'], ['ja,fr'], ['ja,ja'], [''], [undefined], [42]])('refuses %j, naming the values that work', (value) => {
    expect(() => uiLocales(value)).toThrow(/hikitsugi\.config\.mjs: ui \(or HIKITSUGI_UI\) must be "ja" \(Japanese UI only\) or "ja,en"/);
  });
});
