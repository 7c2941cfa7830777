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
  /**
   * `npm run kpt:prepare`: what it writes on the next retro's Miro board. The Keep / Problem / Try
   * titles must start with a word kpt:import reads as that kind (see hikitsugi.kpt.yaml headers).
   */
  kptBoard: {
    titles: { keep: 'Keep（続けること）', problem: 'Problem（困っていること）', try: 'Try（次に試すこと）', carried: '前回からの持ち越し' },
    /** The instructions panel, relative to the content folder; its front matter `title` titles the panel. */
    instructions: 'retros/_kpt-board.md',
    /** Colour of a carried-over sticky: carried the 1st time, the 2nd, the 3rd and later (Miro sticky colours). */
    ageColors: ['light_yellow', 'orange', 'red'],
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
};
