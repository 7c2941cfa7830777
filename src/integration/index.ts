/**
 * The hikitsugi Astro integration, the package's main export. In a site's astro.config.mjs:
 *
 *   import hikitsugi from 'hikitsugi';
 *   export default defineConfig({ integrations: [hikitsugi()] });
 *
 * It loads and validates the settings (hikitsugi.config.mjs, then these options, then the
 * environment), sets up Starlight, injects every page for each UI locale, checks internal links
 * while content compiles, hands the settings to the site's modules as a virtual module, and after
 * the build makes the pages work under a strict Content-Security-Policy (docs/security.md).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { AstroIntegration, RouteData } from 'astro';
import type { HastPluginEntry } from 'satteri';
import starlight from '@astrojs/starlight';
import { assertNodeVersion } from '../io/assert-node.ts';
import type { Settings, SettingsInput } from '../lib/config/settings.ts';
import { localePrefix, t } from '../lib/i18n/ui.ts';
import { ROUTES } from '../lib/site/routes.ts';
import { configPath, loadSettings } from '../io/config.ts';
import { scanContent, type SiteMap } from '../io/site-map.ts';
import { internalLinksPlugin } from './internal-links-plugin.ts';
import { headingLinksInPlace } from './heading-links-plugin.ts';
import { highlightPlugin } from './highlight-plugin.ts';
import { codeTokensPlugin } from './code-tokens-plugin.ts';
import { overlapMinPages, startBuiltSite, tapPrerenderer, type BuiltSiteReport, type BuiltSiteWorker } from '../io/built-site.ts';
import { builtFileOf } from '../lib/site/built-files.ts';

assertNodeVersion();

export type HikitsugiOptions = SettingsInput;
export type { Settings };

const SETTINGS_MODULE = 'virtual:hikitsugi/settings';
const packageFile = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default function hikitsugi(options: HikitsugiOptions = {}): AstroIntegration {
  return {
    name: 'hikitsugi',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, addWatchFile }) => {
        const root = fileURLToPath(config.root);
        const settings = await loadSettings({ root, options: options as Record<string, unknown>, optionsSource: 'hikitsugi() in astro.config.mjs' });
        addWatchFile(configPath(root));
        updateConfig({
          base: settings.base,
          site: settings.site,
          trailingSlash: 'always',
          // Styles and scripts shared by every page go to files the browser caches once, instead of
          // being repeated inside each page's HTML (Astro inlines those under 4 KB by default).
          // Four pages render at a time: one at a time left the thread idle while each page was
          // written (rendering 1,000 runbooks in both UIs: 7.3 s, 4.9 s with four; same memory).
          build: { inlineStylesheets: 'never', concurrency: 4 },
          vite: {
            plugins: [settingsModule(settings)],
            build: {
              assetsInlineLimit: (file: string) => (file.endsWith('.js') ? false : undefined),
              rollupOptions: {
                // Astro's compiled MDX starts with a directive the bundler warns about once per page;
                // it is Astro's own output and harmless, and would bury real warnings.
                onwarn(warning: { code?: string }, warn: (w: unknown) => void) {
                  if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
                  warn(warning);
                },
              },
            },
          },
          integrations: [starlight(starlightOptions(settings)), pagesAndLinks(settings), builtSite(settings)],
        });
      },
    },
  };
}

/** Starlight as the shell: our routes render through <StarlightPage>, its `docs` holds only the 404 page. */
function starlightOptions(settings: Settings): Parameters<typeof starlight>[0] {
  const label = (key: Parameters<typeof t>[1]) => ({ label: t('ja', key), translations: { en: t('en', key) } });
  return {
    title: settings.title,
    defaultLocale: 'root',
    locales: {
      root: { label: '日本語', lang: 'ja' },
      ...(settings.ui.includes('en') ? { en: { label: 'English', lang: 'en' } } : {}),
    },
    // Small and fixed: pages link to each kind's index rather than list every page,
    // so a page's HTML does not grow with the number of runbooks.
    sidebar: [
      { ...label('home'), link: '/' },
      { ...label('onboarding'), link: '/onboarding/' },
      { ...label('guideline'), link: '/guideline/' },
      { ...label('runbooks'), link: '/runbooks/' },
      { ...label('handover'), link: '/handover/' },
      { ...label('retros'), link: '/retros/' },
      { ...label('openActions'), link: '/retros/actions/' },
      { ...label('knowledge'), link: '/knowledge/' },
      { ...label('alertsPage'), link: '/alerts/' },
    ],
    // Starlight's Markdown features (asides, heading anchors) for content outside src/content/docs.
    markdown: { processedDirs: [settings.contentDir] },
    customCss: [packageFile('../styles/hikitsugi.css')],
    // One copy of the theme and language pickers per page instead of two (see the component).
    // Search is our own (src/lib/search): Pagefind ranks Japanese words inside sentences badly
    // (#14), so Starlight's Pagefind step is off and its Search component replaced.
    components: {
      MobileMenuFooter: packageFile('../components/starlight/MobileMenuFooter.astro'),
      Search: packageFile('../components/starlight/Search.astro'),
    },
    pagefind: false,
    // Runbooks from Prometheus teams use ```promql, which the highlighter does not know. Our
    // highlighter tokenizes once for both themes (upstream's Shiki plugin once per theme).
    expressiveCode: {
      shiki: false,
      plugins: [highlightPlugin({ langAlias: { promql: 'txt', logql: 'txt' } }), codeTokensPlugin()],
    },
    lastUpdated: false,
    pagination: false,
  };
}

/** Runs after Starlight, so our Markdown plugins see its processor set up. */
function pagesAndLinks(settings: Settings): AstroIntegration {
  return {
    name: 'hikitsugi:pages',
    hooks: {
      'astro:config:setup': ({ config, command, injectRoute }) => {
        const contentDir = resolve(fileURLToPath(config.root), settings.contentDir);
        for (const locale of settings.ui) {
          for (const route of ROUTES) {
            const pattern = (localePrefix(locale) + route.pattern).replace(/^(.+)\/$/, '$1');
            injectRoute({ pattern, entrypoint: packageFile(`../routes/${route.entrypoint}`), prerender: true });
          }
        }
        // One scan per build; in dev, rescan at most once a second so new pages are seen.
        let cached: SiteMap | undefined;
        let scannedAt = 0;
        const siteMap = () => {
          if (!cached || (command === 'dev' && Date.now() - scannedAt > 1000)) {
            cached = scanContent(contentDir, settings.ui);
            scannedAt = Date.now();
          }
          return cached;
        };
        const processor = config.markdown.processor as { name: string; options?: { mdastPlugins?: unknown[]; hastPlugins?: unknown[] } };
        if (!processor?.options?.mdastPlugins) {
          throw new Error(`hikitsugi needs Astro's default Markdown processor (Sätteri); found "${processor?.name}".`);
        }
        processor.options.mdastPlugins.push(internalLinksPlugin({ base: config.base, siteMap }));
        const hastPlugins = processor.options.hastPlugins;
        if (hastPlugins) hastPlugins.splice(0, hastPlugins.length, ...hastPlugins.map((entry) => headingLinksInPlace(entry as HastPluginEntry)));
      },
    },
  };
}

/**
 * After the build: style attributes into a shared stylesheet, inline code hashed, the policy in
 * every page and in the host header files, and the search index of the pages Starlight marks
 * data-pagefind-body (the Japanese UI copy of each content page). On a worker thread, which on a
 * large site reads each page while Astro renders the next (src/io/built-site.ts).
 */
function builtSite(settings: Settings): AstroIntegration {
  let assetsDir = '_astro';
  let fileOf: ((request: Request, route: RouteData) => string | undefined) | undefined;
  let step: BuiltSiteWorker | undefined;
  return {
    name: 'hikitsugi:built-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        assetsDir = config.build.assets;
        // An adapter may render pages its own way (a prerenderer of its own, which ours would
        // replace): then the step reads every page after the build.
        fileOf = config.adapter
          ? undefined
          : (request, route) => builtFileOf(new URL(request.url).pathname, { base: config.base, format: config.build.format, statusPage: STATUS_PAGES.has(route.route) });
      },
      'astro:build:start': async ({ setPrerenderer }) => {
        // A worker left by a build in this process that failed.
        await step?.abort();
        step = undefined;
        const of = fileOf;
        if (!of) return;
        const minPages = overlapMinPages(process.env.HIKITSUGI_OVERLAP_MIN_PAGES);
        setPrerenderer((astros) =>
          tapPrerenderer(
            astros,
            (request, route, page) => {
              const file = of(request, route);
              if (file) (step ??= startBuiltSite()).page(file, page);
            },
            // Started with the rendering either way: its start (a thread, the step's module) is then over by the end of the build.
            { minPages, onStart: () => (step ??= startBuiltSite()) },
          ),
        );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const running = step ?? startBuiltSite();
        step = undefined;
        let report: BuiltSiteReport;
        try {
          report = await running.finish({ outDir: fileURLToPath(dir), base: settings.base, security: settings.security, assetsDir });
        } catch (e) {
          await running.abort();
          throw e;
        }
        const { security, index } = report;
        for (const warning of security.warnings) logger.warn(warning);
        logger.info(
          `Content-Security-Policy: ${security.pages} pages (${security.known} read while rendered), ${security.scriptsHashed} inline scripts and ${security.stylesHashed} styles hashed, ` +
            `${security.attributesMoved} style attributes as ${security.classes} classes (${security.stylesheet?.bytes ?? 0} B), ` +
            `_headers ${security.headersBytes} B, in ${Math.round(security.ms)} ms`,
        );
        logger.info(`search index: ${index.pages} pages, ${index.files} files, ${(index.bytes / 1000).toFixed(0)} KB, done ${Math.round(performance.now() - started)} ms after the build`);
      },
    },
  };
}

const STATUS_PAGES = new Set(['/404', '/500']);

/** `import settings from 'virtual:hikitsugi/settings'`: the validated settings, as data. */
function settingsModule(settings: Settings) {
  const resolved = '\0' + SETTINGS_MODULE;
  return {
    name: 'hikitsugi:settings',
    resolveId: (id: string) => (id === SETTINGS_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(settings)};` : undefined),
  };
}
