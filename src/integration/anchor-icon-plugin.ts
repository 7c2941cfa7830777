/**
 * Markdown plugin (Sätteri, hast): Starlight gives every heading an anchor link with its own
 * inline SVG icon, about 750 bytes per heading. The link and its screen-reader label stay; the
 * icon is drawn once in CSS (src/styles/hikitsugi.css) instead of being repeated in the HTML.
 */
import type { HastPluginEntry } from 'satteri';

export function anchorIconPlugin(): HastPluginEntry {
  return {
    name: 'hikitsugi-anchor-icon',
    element: {
      filter: ['span'],
      visit(node) {
        const cls = node.properties?.['class'] ?? node.properties?.['className'];
        const classes = Array.isArray(cls) ? cls.map(String) : String(cls ?? '').split(/\s+/);
        if (!classes.includes('sl-anchor-icon') || node.children.length === 0) return;
        return { ...node, children: [] };
      },
    },
  } as HastPluginEntry;
}
