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
  // A static route wins over /retros/[...slug]; no retro file may take the slug "actions"
  // (RESERVED_RETRO_SLUGS, checked at build).
  { pattern: '/retros/actions', entrypoint: 'retros-actions.astro' },
  { pattern: '/knowledge', entrypoint: 'knowledge.astro' },
  { pattern: '/onboarding', entrypoint: 'onboarding-index.astro' },
  { pattern: '/onboarding/[id]', entrypoint: 'onboarding-path.astro' },
  // Alert coverage, and a stable URL per alert (/alerts/<AlertName>/) that leads to its runbook.
  { pattern: '/alerts', entrypoint: 'alerts-index.astro' },
  { pattern: '/alerts/[name]', entrypoint: 'alert-page.astro' },
  ...PAGE_KINDS.map((kind) => ({ pattern: `/${kind}/[...slug]`, entrypoint: 'content-page.astro' })),
];

/** Paths of routes without parameters, with trailing slash: the pages a link may always name. */
export function staticPaths(routes: RouteDef[] = ROUTES): string[] {
  return routes.filter((r) => !r.pattern.includes('[')).map((r) => (r.pattern === '/' ? '/' : `${r.pattern}/`));
}
