// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import settings from './hikitsugi.config.mjs';
import { assertNodeVersion } from './src/cli/assert-node.ts';
import { codeTokensPlugin } from './src/integration/code-tokens-plugin.ts';
import { hikitsugi } from './src/integration/hikitsugi.ts';
import { LOCALES } from './src/site/i18n.ts';

assertNodeVersion();

export default defineConfig({
  base: settings.base,
  // Separate output and cache folders let tests and benchmarks build side by side.
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.CACHE_DIR || './node_modules/.astro',
  site: settings.site,
  trailingSlash: 'always',
  // Styles and scripts shared by every page go to files the browser caches once, instead of being
  // repeated inside each page's HTML (Astro inlines those under 4 KB by default).
  build: { inlineStylesheets: 'never' },
  vite: {
    build: {
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rollupOptions: {
        // Astro's compiled MDX starts with a directive the bundler warns about once per page;
        // it is Astro's own output and harmless, and would bury real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: settings.title,
      defaultLocale: 'root',
      locales: {
        root: { label: '日本語', lang: 'ja' },
        ...(LOCALES.includes('en') ? { en: { label: 'English', lang: 'en' } } : {}),
      },
      // Small and fixed: pages link to each kind's index rather than list every page,
      // so a page's HTML does not grow with the number of runbooks.
      sidebar: [
        { label: 'ホーム', translations: { en: 'Home' }, link: '/' },
        { label: 'オンボーディング', translations: { en: 'Onboarding' }, link: '/onboarding/' },
        { label: 'SRE ガイドライン', translations: { en: 'SRE guideline' }, link: '/guideline/' },
        { label: 'ランブック', translations: { en: 'Runbooks' }, link: '/runbooks/' },
        { label: '引き継ぎ', translations: { en: 'Handover' }, link: '/handover/' },
        { label: '振り返り', translations: { en: 'Retrospectives' }, link: '/retros/' },
        { label: '未完了のアクション', translations: { en: 'Open actions' }, link: '/retros/actions/' },
        { label: 'ナレッジリスク', translations: { en: 'Knowledge risk' }, link: '/knowledge/' },
        { label: 'アラートとランブック', translations: { en: 'Alerts and runbooks' }, link: '/alerts/' },
      ],
      // Starlight's Markdown features (asides, heading anchors) for content outside src/content/docs.
      markdown: { processedDirs: [settings.contentDir] },
      customCss: ['./src/styles/hikitsugi.css'],
      // One copy of the theme and language pickers per page instead of two (see the component).
      components: { MobileMenuFooter: './src/components/starlight/MobileMenuFooter.astro' },
      // Runbooks from Prometheus teams use ```promql, which the highlighter does not know.
      expressiveCode: {
        shiki: { langAlias: { promql: 'txt', logql: 'txt' } },
        plugins: [codeTokensPlugin()],
      },
      lastUpdated: false,
      pagination: false,
    }),
    hikitsugi({ contentDir: settings.contentDir }),
  ],
});
