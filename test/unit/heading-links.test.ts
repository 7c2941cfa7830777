/**
 * Heading anchors built in place: readers get Starlight's heading, link and screen-reader label,
 * byte for byte, without the inline icon (the stylesheet draws it). Checked against the installed
 * Starlight's own Markdown plugins, so that a Starlight release that renames or reshapes its
 * heading-anchor plugin fails here rather than silently putting the icons back in every page.
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml, type HastPluginDefinition, type HastPluginEntry } from 'satteri';
import { headingLinksInPlace, STARLIGHT_HEADING_LINKS } from '../../src/integration/heading-links-plugin.ts';

const CONTENT = '/handbook/content/';
const PAGE = new URL(`file://${CONTENT}runbooks/db.md`);
const SOURCE = [
  '# 手順',
  '',
  '## 切り戻し *すぐに*',
  '',
  '本文 `kubectl` です。',
  '',
  '```sh',
  'kubectl rollout undo deploy/api',
  '```',
  '',
  '### `psql` で確認',
  '',
  '<h2>手書きの見出し</h2>',
].join('\n');

/** The hast plugins the installed Starlight gives a site (its Sätteri set, as in a build). */
async function starlightHastPlugins(): Promise<HastPluginEntry[]> {
  const module = (await import(new URL('./integrations/satteri.js', import.meta.resolve('@astrojs/starlight')).href)) as {
    starlightSatteriPlugins: (options: unknown) => { hastPlugins: HastPluginEntry[] };
  };
  const t = (key: string, options: { title?: string } = {}) => (key === 'heading.anchorLabel' ? `Section titled “${options.title}”` : key);
  return module.starlightSatteriPlugins({
    astroConfig: { root: new URL('file:///handbook/'), srcDir: new URL('file:///handbook/src/') },
    starlightConfig: { markdown: { headingLinks: true, processedDirs: [CONTENT] } },
    absolutePathToLang: () => 'ja',
    useTranslations: () => t,
  }).hastPlugins;
}

/** Sätteri compiles synchronously when every plugin does (these do). */
const htmlOf = (source: string, options: Parameters<typeof markdownToHtml>[1]) => (markdownToHtml(source, options) as { html: string }).html;
const render = (hastPlugins: HastPluginEntry[]) => htmlOf(SOURCE, { hastPlugins, fileURL: PAGE, features: { directive: true } });

/** What the stylesheet replaces: the SVG inside each anchor's icon span. */
const withoutIcons = (html: string) => html.replace(/(<span aria-hidden="true" class="sl-anchor-icon">)<svg[^]*?<\/svg>(<\/span>)/g, '$1$2');

describe('heading anchors built in place', () => {
  it("gives Starlight's own markup for every heading, without the inline icon", async () => {
    const upstream = render(await starlightHastPlugins());
    const ours = render((await starlightHastPlugins()).map(headingLinksInPlace));

    expect(upstream).toContain('<svg');
    expect(ours).not.toContain('<svg');
    expect(ours).toBe(withoutIcons(upstream));
    expect(ours).toContain(
      '<div class="sl-heading-wrapper level-h2"><h2 id="切り戻し-すぐに">切り戻し <em>すぐに</em></h2><a class="sl-anchor-link" href="#切り戻し-すぐに"><span aria-hidden="true" class="sl-anchor-icon"></span><span class="sr-only" data-pagefind-ignore>Section titled “切り戻し すぐに”</span></a></div>',
    );
    // Markdown headings get anchors; a heading written as HTML is left as written, as upstream does.
    expect(ours.match(/class="sl-heading-wrapper/g)).toHaveLength(3);
    expect(ours).toContain('\n<h2>手書きの見出し</h2>');
  });

  it("finds the installed Starlight's heading-anchor plugin by its name", async () => {
    const names: string[] = [];
    const collect = (entry: HastPluginEntry): void => {
      if (typeof entry === 'function') return collect(entry({ fileURL: PAGE, sourceFormat: 'markdown', source: SOURCE, data: {} }));
      if (Array.isArray(entry)) return entry.forEach(collect);
      if (entry) names.push((entry as HastPluginDefinition).name);
    };
    (await starlightHastPlugins()).map(headingLinksInPlace).forEach(collect);
    expect(names).toContain('hikitsugi-heading-links');
    expect(names).not.toContain(STARLIGHT_HEADING_LINKS);
  });

  it('leaves pages outside the processed folders, and every other plugin, as they were', async () => {
    const outside = new URL('file:///elsewhere/page.md');
    const plain = htmlOf(SOURCE, { fileURL: outside });
    expect(htmlOf(SOURCE, { hastPlugins: (await starlightHastPlugins()).map(headingLinksInPlace), fileURL: outside })).toBe(plain);
    const other = { name: 'someone-else', element: { filter: ['h2'], visit: () => undefined } } as unknown as HastPluginDefinition;
    expect(headingLinksInPlace(other)).toBe(other);
  });

  it("passes on a plugin of that name whose shape it does not know, and a wrapper it did not expect", () => {
    const reshaped = { name: STARLIGHT_HEADING_LINKS, root: () => undefined } as unknown as HastPluginDefinition;
    expect(headingLinksInPlace(reshaped)).toBe(reshaped);

    const section = { type: 'element', tagName: 'section', properties: {}, children: [] };
    const elsewhere = {
      name: STARLIGHT_HEADING_LINKS,
      element: { filter: ['h2'], visit: () => section },
    } as unknown as HastPluginDefinition;
    const html = htmlOf('## a', { hastPlugins: [headingLinksInPlace(elsewhere)] });
    expect(html.trim()).toBe('<section></section>');
  });
});
