// @ts-check
/**
 * Site settings, in one place. Read by astro.config.mjs, the pages and the CLIs.
 * Environment variables override them for CI and previews.
 */
export default {
  /** Site title per UI language. */
  title: { ja: 'チームハンドブック', en: 'Team handbook' },
  /**
   * UI languages: 'ja,en' builds every page in the Japanese UI and again in English under /en/;
   * 'ja' builds the Japanese UI only (half the pages, a faster build, no language picker).
   * Override with HIKITSUGI_UI=ja npm run build.
   */
  ui: process.env.HIKITSUGI_UI || 'ja,en',
  /**
   * Path the site is served under: '/' at a domain root, '/handbook/' behind a path.
   * Override with BASE_PATH=/handbook/ npm run build.
   */
  base: process.env.BASE_PATH || '/',
  /** Full URL of the published site (optional; used for canonical links and the sitemap). */
  site: process.env.SITE_URL || undefined,
  /** "Edit this page" links: the repository's edit URL for the default branch, or '' for none. */
  editUrl: process.env.EDIT_URL ?? '',
  /**
   * Folder holding guideline/, runbooks/, handover/, retros/ and team.yaml. CONTENT_DIR overrides
   * it (tests and benchmarks build other trees; a monorepo may keep docs elsewhere).
   */
  contentDir: process.env.CONTENT_DIR || 'content',
  /** The team's time zone: "today" for review dates is a day in this zone, not the build machine's. */
  timeZone: 'Asia/Tokyo',
  /**
   * `npm run lint:content` (also run by `npm test`). Section ids and their accepted Japanese and
   * English heading names are in src/lib/lint/sections.ts.
   */
  lint: {
    /** Sections each kind must have (a ## heading with one of the section's names). */
    sections: {
      runbooks: ['overview', 'impact', 'diagnosis', 'mitigation', 'escalation'],
      handover: ['about', 'where', 'routine', 'known-issues', 'secrets', 'checklist'],
      guideline: [],
      retros: [],
    },
    /** More heading names per section id, e.g. { mitigation: ['暫定対応'] }. */
    aliases: {},
    /** Rules that only warn on adopted pages (front matter `adopted_from`) until someone takes them over. */
    adoptedWarnOnly: ['required-sections', 'rollback-section', 'heading-structure'],
    /** Per rule id: 'error', 'warn' or 'off', e.g. { 'no-literal-urls': 'off' }. no-secrets cannot be turned off. */
    rules: {},
  },
  /** Knowledge risk: the /knowledge/ page, review banners, `npm run knowledge` and `npm run handover`. */
  knowledge: {
    /** Pages whose review falls due within this many days are listed as "due soon". */
    dueSoonDays: 14,
    /** A page with fewer active owners than this is at risk (2: nobody should own a page alone). */
    minOwners: 2,
    /** `npm run knowledge -- --strict` exits 1 when the report is past any of these. */
    strict: {
      /** Most pages allowed past their review date. */
      maxOverdue: 0,
      /** Most pages allowed at ownership risk. */
      maxAtRisk: 0,
      /** Lowest bus factor allowed for any folder (0: not checked). */
      minBusFactor: 0,
    },
  },
  /**
   * Alert rules checked against the runbooks: `npm run alerts`, the /alerts/ page, the stable
   * /alerts/<AlertName>/ URLs and `npm run adopt -- --rules`. See docs/alerts.md.
   */
  alerts: {
    /** Rule files, folders or globs, relative to the content folder (Prometheus .yml/.yaml, Terraform .tf). */
    rules: ['alerts'],
    /**
     * URL prefix → site path: runbook_urls under the prefix are pages of this site. URLs under `site`
     * (and the base path) always are. The sample rules link to the sample team's published handbook;
     * an adopted upstream site maps too, e.g. 'https://runbooks.prometheus-operator.dev/runbooks/': '/runbooks/'.
     */
    urlMap: { 'https://handbook.example.com/': '/' },
    /** Compare URL paths ignoring case (for rules written against a Hugo site, which lower-cases). */
    caseInsensitivePaths: false,
    /** More rule severity labels → runbook severity (built in: critical, error→high, warning→medium, info/none→low). */
    severityMap: {},
    /** `npm run alerts -- --strict` exits 1 when the report is past any of these. */
    strict: { maxMissing: 0, maxBroken: 0, maxStale: 0, maxUnknown: 0, maxSeverity: 0 },
  },
};
