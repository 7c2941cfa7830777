/**
 * The unified processor that lints one page: the parser the page needs (Markdown or MDX, with
 * front matter, GFM tables and Starlight's `:::note` asides), remark-lint's recommended and
 * consistency presets, and hikitsugi's own rules.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkDirective from 'remark-directive';
import remarkMessageControl from 'remark-message-control';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';
import remarkPresetLintConsistent from 'remark-preset-lint-consistent';
import remarkLintNoLiteralUrls from 'remark-lint-no-literal-urls';
import type { Root } from 'mdast';
import {
  headingStructure,
  linkTargets,
  noSecrets,
  requiredSections,
  rollbackSection,
  RULE_SOURCE,
  type LinkRuleOptions,
} from './rules.ts';
import type { SectionConfig } from './sections.ts';

export type Syntax = 'md' | 'mdx';

export interface LintSetup {
  sections: SectionConfig;
  links: LinkRuleOptions;
}

export function syntaxOf(path: string): Syntax {
  return /\.mdx$/i.test(path) ? 'mdx' : 'md';
}

/** A parser only: for the first pass, which collects every page's heading ids. */
export function makeParser(syntax: Syntax): Processor<Root> {
  const p = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
  return (syntax === 'mdx' ? p.use(remarkMdx) : p) as unknown as Processor<Root>;
}

export function makeLinter(syntax: Syntax, setup: LintSetup): Processor<Root> {
  return makeParser(syntax)
    .use(remarkPresetLintRecommended)
    .use(remarkPresetLintConsistent)
    // MDX has no `<https://...>` autolinks, so the rule's advice cannot be followed there.
    .use(remarkLintNoLiteralUrls, syntax === 'mdx' ? false : undefined)
    .use(requiredSections, ['error', setup.sections])
    .use(rollbackSection, ['warn', setup.sections])
    .use(headingStructure, ['error'])
    .use(noSecrets, ['error'])
    .use(linkTargets, ['error', setup.links])
    // `<!-- lint disable rule-id -->` (Markdown) or `{/* lint disable rule-id */}` (MDX) also
    // silence hikitsugi's rules, as they do remark-lint's.
    .use(remarkMessageControl, { name: 'lint', source: RULE_SOURCE }) as unknown as Processor<Root>;
}
