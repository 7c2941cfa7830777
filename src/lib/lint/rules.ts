/**
 * hikitsugi's own lint rules, as unified lint rules so they run beside remark-lint's presets,
 * honour `lint disable` comments and report like them. Each rule reads what it needs about
 * the page from `file.data.page` (set by the runner from the front matter and path).
 */
import { lintRule } from 'unified-lint-rule';
import { visit } from 'unist-util-visit';
import type { Code, Definition, Heading, Link, Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Kind } from '../content/schema.ts';
import { resolveLink, type LinkContext } from '../links/internal-links.ts';
import { decodeFragment, headingAnchors, headingText } from './anchors.ts';
import { findSecrets, ALLOW_MARKER } from './secrets.ts';
import { displayName, FRONT_MATTER_EQUIVALENT, headingMatches, type SectionConfig } from './sections.ts';
import { didYouMean } from '../text/did-you-mean.ts';

/** What the runner knows about the page being linted. */
export interface PageFacts {
  /** Content kind, or undefined for files that are not pages (partials, stray files). */
  kind?: Kind;
  /**
   * Outside every kind's folder (a README beside the alert rules): no page shows it, so the rules
   * of a page's shape do not apply; the secrets and links in it are still checked.
   */
  stray?: boolean;
  frontMatter: Record<string, unknown>;
}

export const RULE_SOURCE = 'hikitsugi';

const factsOf = (file: VFile): PageFacts => (file.data as { page?: PageFacts }).page ?? { frontMatter: {} };

const headingsOf = (tree: Root): Heading[] => {
  const found: Heading[] = [];
  visit(tree, 'heading', (node) => {
    found.push(node);
  });
  return found;
};

/** Required sections per kind (configurable, Japanese and English names). One message per page. */
export const requiredSections = lintRule<Root, SectionConfig>(`${RULE_SOURCE}:required-sections`, (tree, file, config) => {
  const { kind, frontMatter } = factsOf(file);
  if (!kind || !config) return;
  const texts = headingsOf(tree).map(headingText);
  const missing = (config.required[kind] ?? []).filter((id) => {
    const twin = FRONT_MATTER_EQUIVALENT[id];
    if (twin && typeof frontMatter[twin] === 'string' && frontMatter[twin].trim() !== '') return false;
    return !texts.some((t) => headingMatches(t, id, config));
  });
  if (missing.length === 0) return;
  const names = missing.map((id) => `"${displayName(id, config)}"`).join(', ');
  file.message(`${kind} page is missing ${missing.length === 1 ? 'section' : 'sections'} ${names} (add a ## heading for each)`, {
    place: { line: 1, column: 1 },
  });
});

/** Languages whose code blocks are commands someone will run. */
const COMMAND_LANGS = new Set([
  'bash', 'sh', 'shell', 'zsh', 'fish', 'console', 'shellsession', 'shell-session', 'terminal',
  'powershell', 'pwsh', 'ps1', 'ps', 'bat', 'cmd', 'batch',
]);

/** A runbook that has you run commands should say how to undo them. */
export const rollbackSection = lintRule<Root, SectionConfig>(`${RULE_SOURCE}:rollback-section`, (tree, file, config) => {
  const { kind } = factsOf(file);
  if (kind !== 'runbooks' || !config) return;
  let firstCommand: Code | undefined;
  visit(tree, 'code', (node) => {
    if (!firstCommand && node.lang && COMMAND_LANGS.has(node.lang.toLowerCase()) && node.value.trim()) firstCommand = node;
  });
  if (!firstCommand) return;
  if (headingsOf(tree).some((h) => headingMatches(headingText(h), 'rollback', config))) return;
  file.message(
    `runbook has commands (first at line ${firstCommand.position?.start.line}) but no "${displayName('rollback', config)}" section: say how to undo them, or that nothing needs undoing`,
    { place: firstCommand.position?.start },
  );
});

/** One title (the front matter's), then ##, ###, ... without skipping a level. */
export const headingStructure = lintRule<Root>(`${RULE_SOURCE}:heading-structure`, (tree, file) => {
  if (factsOf(file).stray) return;
  let previous = 1;
  for (const heading of headingsOf(tree)) {
    const at = heading.position?.start;
    if (heading.depth === 1) {
      file.message('a second page title: the title comes from front matter `title`; use ## for top-level sections', { place: at });
    } else if (heading.depth > previous + 1) {
      file.message(`heading level skipped: h${heading.depth} after h${previous}; use ${'#'.repeat(previous + 1)}`, { place: at });
    }
    previous = heading.depth;
  }
});

/** Credentials anywhere in the source (front matter and code blocks included). */
export const noSecrets = lintRule<Root>(`${RULE_SOURCE}:no-secrets`, (_tree, file) => {
  const { findings, markerProblems } = findSecrets(String(file.value));
  for (const f of findings) {
    file.message(
      `looks like ${f.label} (${f.preview}): remove it and rotate it; if it is a documented fake, add "${ALLOW_MARKER}: <reason>" on the line before`,
      { place: { line: f.line, column: f.column } },
    );
  }
  for (const p of markerProblems) file.message(p.message, { place: { line: p.line, column: p.column } });
});

export interface LinkRuleOptions {
  /** As for the build's link check; `sourcePath` is taken from the file. */
  site: Omit<LinkContext, 'sourcePath'>;
  /** Heading ids of the page built from a source file (absolute path), if it is a page. */
  anchorsOfFile: (sourcePath: string) => ReadonlySet<string> | undefined;
  /** Source file of a site path (`/runbooks/a/` or `/en/runbooks/a/`). */
  fileOfRoute: (route: string) => string | undefined;
}

/**
 * Internal links name a page (the build's own resolver, so lint and build agree) and, when
 * they have a fragment, a heading on that page.
 */
export const linkTargets = lintRule<Root, LinkRuleOptions>(`${RULE_SOURCE}:link-targets`, (tree, file, options) => {
  if (!options || !file.path) return;
  const sourcePath = file.path.split('\\').join('/');
  const ownAnchors = headingAnchors(tree);
  const base = options.site.base.endsWith('/') ? options.site.base : `${options.site.base}/`;
  const check = (node: Link | Definition) => {
    const url = node.url;
    const place = node.position?.start;
    if (url.startsWith('#')) {
      const id = decodeFragment(url.slice(1));
      if (id && !ownAnchors.has(id)) file.message(`link "${url}": no heading with id "${id}" on this page${suggest(id, ownAnchors)}`, { place });
      return;
    }
    const result = resolveLink(url, { ...options.site, sourcePath });
    if (result.kind === 'broken') {
      file.message(`broken internal link: ${result.message}`, { place });
      return;
    }
    if (result.kind !== 'internal') return;
    const hashAt = url.indexOf('#');
    if (hashAt === -1) return;
    const id = decodeFragment(url.slice(hashAt + 1));
    if (!id) return;
    const withoutHash = result.href.slice(0, result.href.indexOf('#'));
    const route = `/${withoutHash.slice(base.length)}`.replace(/\?.*$/, '');
    const target = options.fileOfRoute(route);
    const anchors = target ? options.anchorsOfFile(target) : undefined;
    // Index pages and other generated pages have no headings we can know; only content pages are checked.
    if (anchors && !anchors.has(id)) file.message(`link "${url}": ${route} has no heading with id "${id}"${suggest(id, anchors)}`, { place });
  };
  visit(tree, (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') check(node);
  });
});

function suggest(id: string, anchors: ReadonlySet<string>): string {
  const candidates = [...anchors].filter((a) => a !== '_top');
  const close = didYouMean(id, candidates, { partial: true });
  if (close !== undefined) return ` (did you mean "#${close}"?)`;
  return candidates.length ? ` (headings: ${candidates.slice(0, 8).map((a) => `#${a}`).join(', ')}${candidates.length > 8 ? ', ...' : ''})` : '';
}

export const OWN_RULES = ['required-sections', 'rollback-section', 'heading-structure', 'no-secrets', 'link-targets'] as const;
export type OwnRule = (typeof OWN_RULES)[number];
