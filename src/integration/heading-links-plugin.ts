/**
 * Markdown plugins (Sätteri, hast): Starlight's heading anchors, built in place and without their
 * icon.
 *
 * Starlight's `starlight-autolink-headings` returns a new `div` holding the heading and its anchor
 * link, so Sätteri carries each heading's subtree across to JavaScript and back; wrapping the
 * heading where it is (`ctx.wrapNode`, made for this) gives the same HTML and leaves the heading
 * in Sätteri: about 0.6 s of a build at 1,000 runbooks. The link and its screen-reader label come
 * from Starlight's own plugin, unchanged; its inline SVG icon (about 750 bytes per heading) is
 * left out, as the stylesheet draws it once (src/styles/hikitsugi.css, for an empty icon only, so
 * a page that keeps the SVG still shows one icon).
 *
 * Starlight's plugin is found by name. If a Starlight release renames it or changes what it
 * returns, headings keep Starlight's own markup with its SVG: heavier pages, nothing lost
 * (`test/unit/heading-links.test.ts` says when that happens).
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition, HastPluginEntry, HastVisitorContext } from 'satteri';

export const STARLIGHT_HEADING_LINKS = 'starlight-autolink-headings';

type ElementVisit = (node: Element, ctx: HastVisitorContext) => unknown;

/** Starlight's hast plugins with its heading-anchor plugin swapped for one that wraps in place. */
export function headingLinksInPlace(entry: HastPluginEntry): HastPluginEntry {
  if (typeof entry === 'function') return (ctx) => headingLinksInPlace(entry(ctx));
  if (Array.isArray(entry)) return entry.map(headingLinksInPlace);
  if (entry && typeof entry === 'object' && (entry as HastPluginDefinition).name === STARLIGHT_HEADING_LINKS) return inPlace(entry as HastPluginDefinition);
  return entry;
}

function inPlace(upstream: HastPluginDefinition): HastPluginDefinition {
  const element = (upstream as { element?: unknown }).element as { filter?: string[]; visit?: ElementVisit } | undefined;
  if (!element || typeof element.visit !== 'function' || !Array.isArray(element.filter)) return upstream;
  const visit = element.visit;
  return {
    name: 'hikitsugi-heading-links',
    element: {
      filter: element.filter,
      visit(node: Element, ctx: HastVisitorContext) {
        const wrapper = visit(node, ctx) as Element | undefined;
        // Starlight's wrapper is `div > [heading, anchor]`; anything else is passed on as it is.
        if (!wrapper || wrapper.type !== 'element' || wrapper.children[0] !== node) return wrapper;
        ctx.wrapNode(node, { ...wrapper, children: wrapper.children.slice(1).map(withoutIcon) });
        return undefined;
      },
    },
  } as HastPluginDefinition;
}

function withoutIcon(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  const cls = node.properties?.['class'] ?? node.properties?.['className'];
  const classes = Array.isArray(cls) ? cls.map(String) : String(cls ?? '').split(/\s+/);
  if (classes.includes('sl-anchor-icon')) return { ...node, children: [] };
  return { ...node, children: node.children.map(withoutIcon) };
}
