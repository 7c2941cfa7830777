/**
 * Every page the site has, as route patterns with their page component. The integration
 * injects each one for every UI locale, and the link checker knows the static ones.
 * A capability adds its pages here.
 */
export interface RouteDef {
  /** Route pattern in the root locale, e.g. `/runbooks/[...slug]`. */
  pattern: string;
  /** Page component, relative to the repository root. */
  entrypoint: string;
}

/** Content folders that become pages at `/<kind>/<slug>/`. */
export const PAGE_KINDS = ['guideline', 'runbooks', 'handover', 'retros'] as const;

export const ROUTES: RouteDef[] = [
  { pattern: '/', entrypoint: './src/routes/home.astro' },
  { pattern: '/guideline', entrypoint: './src/routes/guideline-index.astro' },
  { pattern: '/runbooks', entrypoint: './src/routes/runbooks-index.astro' },
  { pattern: '/handover', entrypoint: './src/routes/handover-index.astro' },
  { pattern: '/retros', entrypoint: './src/routes/retros-index.astro' },
  // A static route wins over /retros/[...slug]; no retro file may take the slug "actions"
  // (RESERVED_RETRO_SLUGS, checked at build).
  { pattern: '/retros/actions', entrypoint: './src/routes/retros-actions.astro' },
  { pattern: '/knowledge', entrypoint: './src/routes/knowledge.astro' },
  { pattern: '/onboarding', entrypoint: './src/routes/onboarding-index.astro' },
  { pattern: '/onboarding/[id]', entrypoint: './src/routes/onboarding-path.astro' },
  // Alert coverage, and a stable URL per alert (/alerts/<AlertName>/) that leads to its runbook.
  { pattern: '/alerts', entrypoint: './src/routes/alerts-index.astro' },
  { pattern: '/alerts/[name]', entrypoint: './src/routes/alert-page.astro' },
  ...PAGE_KINDS.map((kind) => ({ pattern: `/${kind}/[...slug]`, entrypoint: './src/routes/content-page.astro' })),
];

/** Paths of routes without parameters, with trailing slash: the pages a link may always name. */
export function staticPaths(routes: RouteDef[] = ROUTES): string[] {
  return routes.filter((r) => !r.pattern.includes('[')).map((r) => (r.pattern === '/' ? '/' : `${r.pattern}/`));
}
