/**
 * The hikitsugi Astro integration: injects every page for each UI locale and checks
 * internal links in content while it compiles.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { ROUTES } from '../site/routes.ts';
import { localePrefix, LOCALES } from '../site/i18n.ts';
import { scanContent, type SiteMap } from './content-files.ts';
import { internalLinksPlugin } from './internal-links-plugin.ts';
import { anchorIconPlugin } from './anchor-icon-plugin.ts';

export function hikitsugi(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'hikitsugi',
    hooks: {
      'astro:config:setup': ({ config, command, injectRoute, updateConfig }) => {
        const contentDir = resolve(fileURLToPath(config.root), options.contentDir);
        for (const locale of LOCALES) {
          for (const route of ROUTES) {
            const pattern = (localePrefix(locale) + route.pattern).replace(/^(.+)\/$/, '$1');
            injectRoute({ pattern, entrypoint: route.entrypoint, prerender: true });
          }
        }
        // One scan per build; in dev, rescan at most once a second so new pages are seen.
        let cached: SiteMap | undefined;
        let scannedAt = 0;
        const siteMap = () => {
          if (!cached || (command === 'dev' && Date.now() - scannedAt > 1000)) {
            cached = scanContent(contentDir);
            scannedAt = Date.now();
          }
          return cached;
        };
        const processor = config.markdown.processor as { name: string; options?: { mdastPlugins?: unknown[]; hastPlugins?: unknown[] } };
        if (!processor?.options?.mdastPlugins) {
          throw new Error(`hikitsugi needs Astro's default Markdown processor (Sätteri); found "${processor?.name}".`);
        }
        processor.options.mdastPlugins.push(internalLinksPlugin({ base: config.base, siteMap }));
        processor.options.hastPlugins?.push(anchorIconPlugin());
      },
    },
  };
}
