/**
 * Markdown plugin (Sätteri, Astro's processor): every internal link in content must name a
 * page that exists, and gets the base path; every local image must be a file. A broken link or
 * a missing image fails the build with file and line (Astro's own ImageNotFound names neither).
 */
import { fileURLToPath } from 'node:url';
import type { MdastPluginEntry, PluginFactoryContext } from 'satteri';
import { localImageFile, resolveLink } from '../lib/links/internal-links.ts';
import { isFile } from '../io/page-files.ts';
import type { SiteMap } from '../io/site-map.ts';

export interface InternalLinksOptions {
  base: string;
  siteMap: () => SiteMap;
}

interface UrlNode {
  url: string;
  position?: { start: { line: number; column: number } };
}

export function internalLinksPlugin(options: InternalLinksOptions): MdastPluginEntry {
  return ({ fileURL }: PluginFactoryContext) => {
    if (!fileURL) return undefined;
    const sourcePath = fileURLToPath(fileURL).split('\\').join('/');
    const { routes, routeOfFile } = options.siteMap();
    if (!routeOfFile.has(sourcePath)) return undefined;
    const at = (node: UrlNode) => (node.position ? `:${node.position.start.line}:${node.position.start.column}` : '');
    const check = (node: UrlNode, ctx: { setProperty: Function }) => {
      const result = resolveLink(node.url, { sourcePath, routes, routeOfFile, base: options.base });
      if (result.kind === 'broken') throw new Error(`${sourcePath}${at(node)}: broken internal link: ${result.message}`);
      if (result.kind === 'internal' && result.href !== node.url) ctx.setProperty(node, 'url', result.href);
    };
    const checkImage = (node: UrlNode) => {
      const file = localImageFile(node.url, sourcePath);
      if (file && !isFile(file)) throw new Error(`${sourcePath}${at(node)}: missing image: "${node.url}" points to ${file}, which does not exist`);
    };
    return { name: 'hikitsugi-internal-links', options: { position: true }, link: check, definition: check, image: checkImage } as never;
  };
}
