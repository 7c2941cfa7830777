/**
 * Markdown plugin (Sätteri, Astro's processor): every internal link in content must name a
 * page that exists, and gets the base path. A broken link fails the build with file and line.
 */
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { resolveLink } from '../lib/links/internal-links.ts';
import type { SiteMap } from '../io/site-map.ts';

export interface InternalLinksOptions {
  base: string;
  siteMap: () => SiteMap;
}

export function internalLinksPlugin(options: InternalLinksOptions): MdastPluginEntry {
  return ({ fileURL }: PluginFactoryContext) => {
    if (!fileURL) return undefined;
    const sourcePath = fileURLToPath(fileURL).split('\\').join('/');
    const { routes, routeOfFile } = options.siteMap();
    if (!routeOfFile.has(sourcePath)) return undefined;
    const check = (node: { url: string; position?: { start: { line: number; column: number } } }, ctx: { setProperty: Function }) => {
      const result = resolveLink(node.url, { sourcePath, routes, routeOfFile, base: options.base });
      if (result.kind === 'broken') {
        const at = node.position ? `:${node.position.start.line}:${node.position.start.column}` : '';
        throw new Error(`${sourcePath}${at}: broken internal link: ${result.message}`);
      }
      if (result.kind === 'internal' && result.href !== node.url) ctx.setProperty(node, 'url', result.href);
    };
    return { name: 'hikitsugi-internal-links', options: { position: true }, link: check, definition: check } as never;
  };
}
