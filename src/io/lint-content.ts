/**
 * Lints the content folder: reads the files, works out the site's pages and their heading ids
 * (so links and `#anchors` can be checked across pages), runs the unified linter on each file
 * and validates front matter with the build's schemas. Onboarding paths (YAML) and front matter
 * are checked for values cut short by a ` #` comment. Returns messages; printing is the CLI's.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import { scanContent } from './site-map.ts';
import { KINDS, makeSchemas, type Kind } from '../lib/content/schema.ts';
import { parseRoster } from '../lib/content/roster.ts';
import { findImpossibleDates } from '../lib/content/raw-dates.ts';
import { frontMatterOf } from '../lib/content/front-matter.ts';
import { headingAnchors } from '../lib/lint/anchors.ts';
import { resolveLintConfig, severityOf, type LintConfig } from '../lib/lint/config.ts';
import type { LintMessage } from '../lib/lint/report.ts';
import { makeLinter, makeParser, syntaxOf, type Syntax } from '../lib/lint/processor.ts';
import { applyFixes, FIXABLE_RULES } from '../lib/lint/fixes.ts';
import { CUT_VALUE_RULE, cutValueMessage, findCutValues, findCutValuesInFrontMatter, quoteCutValues, type CutValue } from '../lib/lint/yaml-comments.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { listOnboardingFiles, listPageFiles } from './page-files.ts';
import type { PageFacts } from '../lib/lint/rules.ts';
import { localePrefix, type Locale } from '../lib/i18n/ui.ts';

export type { LintMessage };

export interface LintOptions {
  contentDir: string;
  config?: LintConfig;
  /** Only these files (paths); default: every .md/.mdx file under contentDir and the onboarding paths. */
  files?: string[];
  /** Site base path, as for the build ('/' by default): links with the base are resolved too. */
  base?: string;
  /** The site's UI languages: a link may name a page in any of them. */
  locales?: readonly Locale[];
  /** Fix what can be fixed safely in place (see src/lib/lint/fixes.ts), then report the rest. */
  fix?: boolean;
}

export interface LintResult {
  messages: LintMessage[];
  files: number;
  /** Problems fixed in place (with `fix`). */
  fixed: number;
}


const PAGE_FILE = /\.mdx?$/i;
const YAML_FILE = /\.ya?ml$/i;

/** Relative to the current directory when inside it (clickable in editors), else absolute. */
const display = (abs: string) => {
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') ? rel : abs;
};
const slash = (p: string) => p.split(sep).join('/');

/** The kind's folder a file is in (a page or a partial), or undefined for a stray file. */
function folderKind(contentDir: string, abs: string): Kind | undefined {
  const parts = slash(relative(contentDir, abs)).split('/');
  return (KINDS as readonly string[]).includes(parts[0]) && parts.length > 1 ? (parts[0] as Kind) : undefined;
}

/** The kind of a page from its place in the content folder; partials (`_x.mdx`, `_dir/`) have none. */
function kindOf(contentDir: string, abs: string): Kind | undefined {
  return slash(relative(contentDir, abs)).split('/').some((p) => p.startsWith('_')) ? undefined : folderKind(contentDir, abs);
}

export async function lintContent(options: LintOptions): Promise<LintResult> {
  const contentDir = resolve(options.contentDir);
  const config = resolveLintConfig(options.config);
  const messages: LintMessage[] = [];
  const add = (abs: string, m: Omit<LintMessage, 'path'>) => messages.push({ path: display(abs), ...m });

  const files = options.files
    ? options.files.map((f) => resolve(f))
    : [...listPageFiles(contentDir, { includeDrafts: true }).sort(), ...listOnboardingFiles(contentDir, { includeDrafts: true }).map((f) => f.file)];
  for (const f of files) {
    if (!PAGE_FILE.test(f) && !YAML_FILE.test(f)) throw new Error(`${display(f)}: not a .md, .mdx or .yaml file`);
  }
  const addCuts = (abs: string, cuts: CutValue[], page: { adopted: boolean }) => {
    const severity = severityOf({ ruleId: CUT_VALUE_RULE }, page, config);
    if (severity) for (const c of cuts) add(abs, { line: c.line, column: c.column, message: cutValueMessage(c), ruleId: CUT_VALUE_RULE, severity });
  };

  // The roster, for owner ids in front matter.
  const rosterPath = join(contentDir, 'team.yaml');
  let schemas: ReturnType<typeof makeSchemas> | undefined;
  try {
    schemas = makeSchemas(new Set(parseRoster(readFileSync(rosterPath, 'utf8'), display(rosterPath)).map((m) => m.id)));
  } catch (e) {
    add(rosterPath, { line: 1, column: 1, message: (e as Error).message.replace(/\n\s*/g, ' '), ruleId: 'front-matter', severity: 'error' });
  }

  // Every page of the site and its URL, exactly as the build computes them.
  const locales = options.locales ?? ['ja', 'en'];
  const site = scanContent(contentDir, locales);
  const fileOfRoute = new Map<string, string>();
  for (const [file, route] of site.routeOfFile) {
    for (const locale of locales) fileOfRoute.set(localePrefix(locale) + route, file);
  }
  const parsers: Partial<Record<Syntax, ReturnType<typeof makeParser>>> = {};
  const anchorCache = new Map<string, Set<string> | undefined>();
  const anchorsOfFile = (path: string) => {
    if (!anchorCache.has(path)) {
      let anchors: Set<string> | undefined;
      try {
        const syntax = syntaxOf(path);
        const parser = (parsers[syntax] ??= makeParser(syntax));
        anchors = headingAnchors(parser.parse(readFileSync(path, 'utf8')) as Root);
      } catch {
        anchors = undefined; // It does not parse: that page's own lint says so.
      }
      anchorCache.set(path, anchors);
    }
    return anchorCache.get(path);
  };

  const setup = {
    sections: config.sections,
    links: {
      site: { routes: site.routes, routeOfFile: site.routeOfFile, base: options.base ?? '/' },
      anchorsOfFile,
      fileOfRoute: (route: string) => fileOfRoute.get(route),
    },
  };
  const linters: Partial<Record<Syntax, ReturnType<typeof makeLinter>>> = {};
  let fixed = 0;

  for (const abs of files) {
    let original: string;
    try {
      original = readFileSync(abs, 'utf8');
    } catch (e) {
      add(abs, { line: 1, column: 1, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, ruleId: 'read', severity: 'error' });
      continue;
    }
    // YAML files (onboarding paths): the comment trap is their only check here; the build validates them.
    const fullYaml = YAML_FILE.test(abs);
    const findCuts = fullYaml ? findCutValues : findCutValuesInFrontMatter;
    let source = original;
    if (options.fix && severityOf({ ruleId: CUT_VALUE_RULE }, { adopted: false }, config)) {
      const quoted = quoteCutValues(source, findCuts(source));
      source = quoted.text;
      fixed += quoted.fixed;
    }
    if (fullYaml) {
      if (source !== original) writeFileAtomic(abs, source);
      addCuts(abs, findCuts(source), { adopted: false });
      continue;
    }
    const kind = kindOf(contentDir, abs);
    const stray = !folderKind(contentDir, abs);
    const fmText = frontMatterOf(source);
    let frontMatter: Record<string, unknown> = {};
    let yamlOk = true;
    try {
      const parsed = fmText ? parseYaml(fmText) : {};
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontMatter = parsed as Record<string, unknown>;
    } catch (e) {
      const err = e as { message: string; linePos?: { line: number; col: number }[] };
      const at = err.linePos?.[0];
      yamlOk = false;
      add(abs, {
        line: at ? at.line + 1 : 1,
        column: at?.col ?? 1,
        message: `front matter is not valid YAML: ${err.message.split('\n')[0]}`,
        ruleId: 'front-matter',
        severity: 'error',
      });
    }
    const adopted = typeof frontMatter.adopted_from === 'string';
    addCuts(abs, findCuts(source), { adopted });
    // Unreadable YAML has no fields to check: one error at its line, not one per missing field.
    if (kind && schemas && yamlOk) checkFrontMatter(abs, source, fmText, frontMatter, schemas[kind], add);

    const syntax = syntaxOf(abs);
    const linter = (linters[syntax] ??= makeLinter(syntax, setup));
    const run = async (text: string) => {
      const file = new VFile({ path: slash(abs), value: text, data: { page: { kind, stray, frontMatter } satisfies PageFacts } });
      await linter.run(linter.parse(file), file);
      return file.messages.filter((m) => severityOf(m, { adopted }, config));
    };
    let found;
    try {
      found = await run(source);
      if (options.fix) {
        const fixable = found.filter((m) => (FIXABLE_RULES as readonly string[]).includes(m.ruleId ?? ''));
        const result = fixable.length ? applyFixes(source, fixable) : undefined;
        if (result && result.fixed > 0 && result.text !== source) {
          source = result.text;
          fixed += result.fixed;
          found = await run(source);
        }
      }
    } catch (e) {
      const err = e as { message: string; reason?: string; line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } } };
      const place = err.place && 'start' in err.place && err.place.start ? err.place.start : (err.place as { line?: number; column?: number } | undefined);
      add(abs, {
        line: err.line ?? place?.line ?? 1,
        column: err.column ?? place?.column ?? 1,
        message: `cannot parse as ${syntax === 'mdx' ? 'MDX' : 'Markdown'}: ${err.reason ?? err.message}`,
        ruleId: syntax === 'mdx' ? 'mdx-syntax' : 'markdown-syntax',
        severity: 'error',
      });
      continue;
    } finally {
      if (source !== original) writeFileAtomic(abs, source);
    }
    for (const m of found) {
      add(abs, { line: m.line ?? 1, column: m.column ?? 1, message: m.reason, ruleId: m.ruleId ?? m.source ?? 'lint', severity: severityOf(m, { adopted }, config)! });
    }
  }

  messages.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return { messages, files: files.length, fixed };
}

type Add = (abs: string, m: Omit<LintMessage, 'path'>) => void;

/** The build's schema checks, with the line of the offending key. */
function checkFrontMatter(
  abs: string,
  source: string,
  fmText: string,
  frontMatter: Record<string, unknown>,
  schema: ReturnType<typeof makeSchemas>[Kind],
  add: Add,
): void {
  const lines = source.split(/\r?\n/);
  const lineOfKey = (key: string | number | undefined) => {
    if (typeof key !== 'string') return 1;
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return i === -1 ? 1 : i + 1;
  };
  if (!fmText) {
    add(abs, { line: 1, column: 1, message: 'no front matter: a page starts with --- and its title, owners, ...', ruleId: 'front-matter', severity: 'error' });
    return;
  }
  const bad = findImpossibleDates(fmText);
  for (const b of bad) add(abs, { line: b.line + 1, column: 1, message: `"${b.text}": ${b.value} is not a real day (YYYY-MM-DD)`, ruleId: 'front-matter', severity: 'error' });
  if (bad.length) return;
  const result = schema.safeParse(frontMatter);
  if (result.success) return;
  for (const issue of result.error.issues) {
    add(abs, {
      line: lineOfKey(issue.path[0] as string | undefined),
      column: 1,
      message: `${issue.path.join('.') || 'front matter'}: ${issue.message}`,
      ruleId: 'front-matter',
      severity: 'error',
    });
  }
}
