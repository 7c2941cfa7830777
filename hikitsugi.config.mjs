// @ts-check
/**
 * The team's settings, in one place: read by the site (the hikitsugi integration) and by every
 * `hikitsugi` command. Every key is optional; a misspelt or wrong one stops the build and the
 * commands with a line naming it. Environment variables override some of them for CI and
 * previews: HIKITSUGI_UI, BASE_PATH, SITE_URL, EDIT_URL, CONTENT_DIR.
 * @type {import('hikitsugi/config').HikitsugiConfig}
 */
export default {
  /** Site title per UI language. */
  title: { ja: 'チームハンドブック', en: 'Team handbook' },
  /**
   * UI languages: 'ja,en' builds every page in the Japanese UI and again in English under /en/;
   * 'ja' builds the Japanese UI only (half the pages, a faster build, no language picker).
   */
  ui: 'ja,en',
  /** Path the site is served under: '/' at a domain root, '/handbook/' behind a path. */
  base: '/',
  /** Full URL of the published site (optional; canonical links, sitemap, checklist links). */
  // site: 'https://handbook.example.com',
  /** "Edit this page" links: the repository's edit URL for the default branch, or '' for none. */
  editUrl: '',
  /** Folder holding guideline/, runbooks/, handover/, retros/, onboarding/ and team.yaml. */
  contentDir: 'content',
  /** The team's time zone: "today" for review dates is a day in this zone, not the build machine's. */
  timeZone: 'Asia/Tokyo',
  /**
   * `hikitsugi lint` (also run by `npm test`). Section ids and their accepted Japanese and
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
   * `hikitsugi kpt prepare`: what it writes on the next retro's Miro board. The Keep / Problem / Try
   * titles must start with a word kpt:import reads as that kind (see kpt.headers).
   */
  kptBoard: {
    titles: { keep: 'Keep（続けること）', problem: 'Problem（困っていること）', try: 'Try（次に試すこと）', carried: '前回からの持ち越し' },
    /** The instructions panel, relative to the content folder; its front matter `title` titles the panel. */
    instructions: 'retros/_kpt-board.md',
    /** Colour of a carried-over sticky: carried the 1st time, the 2nd, the 3rd and later (Miro sticky colours). */
    ageColors: ['light_yellow', 'orange', 'red'],
  },
  /** Knowledge risk: the /knowledge/ page, review banners, `hikitsugi knowledge` and `hikitsugi handover`. */
  knowledge: {
    /** Pages whose review falls due within this many days are listed as "due soon". */
    dueSoonDays: 14,
    /** A page with fewer active owners than this is at risk (2: nobody should own a page alone). */
    minOwners: 2,
    /** `hikitsugi knowledge --strict` exits 1 when the report is past any of these. */
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
   * `hikitsugi kpt import`. All optional: the defaults read Keep / Problem / Try frames, header
   * columns and tags in English and Japanese.
   */
  kpt: {
    /** Team name for new pages when --team is not given. */
    // team: 'プラットフォームチーム',
    /** Owners of new pages (member ids from content/team.yaml) when --owner is not given. */
    // owners: ['tanaka'],
    /** false leaves sticky authors off the page (anonymous retros). Same as --no-authors. */
    // authors: true,
    /**
     * Header words for frames, column headers and tags. A kind listed here REPLACES the built-in
     * words for that kind. Matching ignores case, full/half width, emoji and bracketed glosses.
     */
    // headers: { keep: ['keep', 'よかったこと'], problem: ['problem', 'モヤモヤ'], try: ['try', '次やること'] },
    /** Sticky colour (Miro fillColor) -> kind, for stickies no frame, header or tag places. */
    // colors: { light_green: 'keep', pink: 'problem', light_blue: 'try' },
  },
  /** `npm run codeowners`: CODEOWNERS from the pages' owners and the roster's github handles. */
  codeowners: {
    /** Where to write it: '.github/CODEOWNERS', 'CODEOWNERS' or 'docs/CODEOWNERS' (GitHub reads the first it finds, in this order). */
    path: '.github/CODEOWNERS',
    /** Lines written before the generated ones, e.g. ['* @my-org/sre'] for the rest of the repository. */
    before: [],
  },
  /**
   * Alert rules checked against the runbooks: `hikitsugi alerts`, the /alerts/ page, the stable
   * /alerts/<AlertName>/ URLs and `hikitsugi adopt --rules`. See docs/alerts.md.
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
    /** `hikitsugi alerts --strict` exits 1 when the report is past any of these. */
    strict: { maxMissing: 0, maxBroken: 0, maxStale: 0, maxUnknown: 0, maxSeverity: 0 },
  },
};
