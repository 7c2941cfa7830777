/**
 * Every page the site has, as route patterns with their page component. The integration
 * injects each one for every UI locale, and the link checker knows the static ones.
 * A capability adds its pages here.
 */
export interface RouteDef {
  /** Route pattern in the root locale, e.g. `/runbooks/[...slug]`. */
  pattern: string;
  /** Page component, a file in src/routes/ of the hikitsugi package. */
  entrypoint: string;
}

/** Content folders that become pages at `/<kind>/<slug>/`. */
export const PAGE_KINDS = ['guideline', 'runbooks', 'handover', 'retros'] as const;

export const ROUTES: RouteDef[] = [
  { pattern: '/', entrypoint: 'home.astro' },
  { pattern: '/guideline', entrypoint: 'guideline-index.astro' },
  { pattern: '/runbooks', entrypoint: 'runbooks-index.astro' },
  { pattern: '/handover', entrypoint: 'handover-index.astro' },
  { pattern: '/retros', entrypoint: 'retros-index.astro' },
  // These win over /retros/[...slug]; no retro file may take the slug "actions" or "all", nor be in
  // a folder of that name (RESERVED_RETRO_SLUGS, checked at build).
  { pattern: '/retros/actions', entrypoint: 'retros-actions.astro' },
  // One owner's open actions ("_unassigned": no member id starts with "_"), and every retro, a page at a time.
  { pattern: '/retros/actions/[owner]/[...page]', entrypoint: 'retros-owner-actions.astro' },
  { pattern: '/retros/all/[...page]', entrypoint: 'retros-all.astro' },
  { pattern: '/knowledge', entrypoint: 'knowledge.astro' },
  // The full lists behind /knowledge/, a page at a time ([...page] is empty on the first page).
  { pattern: '/knowledge/review-due/[...page]', entrypoint: 'knowledge-list.astro' },
  { pattern: '/knowledge/at-risk/[...page]', entrypoint: 'knowledge-list.astro' },
  { pattern: '/knowledge/exposure/[member]/[...page]', entrypoint: 'knowledge-list.astro' },
  // A service's runbooks. Not under /runbooks/: /runbooks/[...slug] serves runbooks, whose ids
  // may contain "/" (a file in a subfolder), so /runbooks/<service>/ could be a runbook's page.
  { pattern: '/services/[service]/[...page]', entrypoint: 'service-page.astro' },
  { pattern: '/onboarding', entrypoint: 'onboarding-index.astro' },
  { pattern: '/onboarding/[id]', entrypoint: 'onboarding-path.astro' },
  // Alert coverage, and a stable URL per alert (/alerts/<AlertName>/) that leads to its runbook;
  // an alert many runbooks answer lists them a page at a time (alert names have no "/").
  { pattern: '/alerts', entrypoint: 'alerts-index.astro' },
  { pattern: '/alerts/[name]/[...page]', entrypoint: 'alert-page.astro' },
  ...PAGE_KINDS.map((kind) => ({ pattern: `/${kind}/[...slug]`, entrypoint: 'content-page.astro' })),
];

/** A paginated list's route: its first page is the path before `[...page]`. */
const PAGED = /\/\[\.\.\.page\]$/;

/**
 * Paths of the pages a link may always name, with trailing slash: routes without parameters, and
 * the first page of a list whose path has no other parameter (`/knowledge/review-due/`), which
 * exists even when the list is empty.
 */
export function staticPaths(routes: RouteDef[] = ROUTES): string[] {
  return routes
    .map((r) => r.pattern.replace(PAGED, ''))
    .filter((pattern) => !pattern.includes('['))
    .map((pattern) => (pattern === '/' ? '/' : `${pattern}/`));
}
