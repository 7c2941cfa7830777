/**
 * Turning one existing Markdown page (Hugo, MkDocs, a wiki export...) into a hikitsugi page:
 * keep the text, write the front matter the schema needs, drop keys that mean nothing here,
 * convert Hugo shortcodes, and say what a human still has to decide. Pure: the CLI
 * (`scripts/adopt.ts`) reads and writes the files.
 */
import { stringify as stringifyYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Heading, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { toIsoDate } from '../content/dates.ts';
import { FrontMatterError, parseFrontMatter, splitFrontMatter } from '../content/front-matter.ts';
import { SEVERITIES, type Kind } from '../content/schema.ts';
import { convertShortcodes, type ShortcodeNote } from './shortcodes.ts';
import { headingText } from '../lint/anchors.ts';
import { convertGeneratorSyntax, type HeadingAlias } from './generators.ts';

export type AdoptKind = Extract<Kind, 'guideline' | 'runbooks' | 'handover'>;
export const ADOPT_KINDS: Record<string, AdoptKind> = {
  guideline: 'guideline',
  guidelines: 'guideline',
  runbook: 'runbooks',
  runbooks: 'runbooks',
  handover: 'handover',
  handovers: 'handover',
};

/** What a runbook gets when nothing says how bad its alert is; reported for a human to set. */
export const DEFAULT_SEVERITY = 'medium';

export interface AdoptSettings {
  kind: AdoptKind;
  /** Owner member ids (`--owner`); empty: the page waits for one (allowed while `adopted_from` is set). */
  owners: string[];
  /** `reviewed` when the page has no usable `lastmod`/`date`: the adoption day. */
  today: string;
  severity?: (typeof SEVERITIES)[number];
  /** Service (runbooks) or system (handover) for every page, instead of the page's folder. */
  service?: string;
  /** Hugo site params for `{{< param >}}`. */
  params?: Record<string, string>;
}

export interface AdoptInput {
  /** Path inside the adopted folder, with forward slashes: `node/NodeRAIDDegraded.md`. */
  relPath: string;
  /** What `adopted_from` records: where the page came from. */
  origin: string;
  /** Name of the adopted folder, the service of pages at its top level. */
  rootName: string;
  source: string;
  /** Position among the adopted pages, for guideline `order` when the page has no `weight`. */
  index: number;
}

export interface AdoptedPage {
  /** Path of the new file inside `content/<kind>/`, with forward slashes. */
  targetPath: string;
  text: string;
  frontMatter: Record<string, unknown>;
  droppedKeys: string[];
  converted: ShortcodeNote[];
  unknown: ShortcodeNote[];
  /** Things only a person can settle, one line each. */
  needsHuman: string[];
  /** Facts worth a line in the report (title source, headings shifted...). */
  notes: string[];
  /** The page used `reviewed: today` because it had no date. */
  reviewedToday: boolean;
  /** Heading ids of the source generator (`{#id}`, mdBook's English originals), for the link pass. */
  aliases: HeadingAlias[];
  /** Text of the heading that became the title and was dropped: links to it go to the page's top. */
  titleHeading?: string;
  /** HTML comments dropped from the page. */
  comments: number;
  /** Generator syntax converted (`heading {#id}`, `container tip`...), one entry per spot. */
  generatorSyntax: string[];
}

/** Keys the schema of each kind understands (others are dropped and reported). */
const KEPT_KEYS: Record<AdoptKind, string[]> = {
  guideline: ['description', 'tags', 'review_every', 'order'],
  runbooks: ['description', 'tags', 'review_every', 'service', 'severity', 'alerts', 'dashboards', 'escalation'],
  handover: ['description', 'tags', 'review_every', 'system', 'status'],
};
/** Hugo keys that feed our keys and so are not "dropped". */
const CONSUMED = ['title', 'weight', 'date', 'lastmod', 'summary', 'categories', 'keywords', 'draft'];

const ALERT_NAME = /^[A-Za-z_][A-Za-z0-9_:]*$/;
const ACTIVE_HTML = /<(script|iframe|object|embed|form)\b|\son[a-z]+\s*=|javascript:/i;

function parseTree(body: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).parse(body) as Root;
}

function codeRanges(tree: Root): [number, number][] {
  const ranges: [number, number][] = [];
  visit(tree, (node: Nodes) => {
    if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') && node.position) {
      ranges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    }
  });
  return ranges;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : typeof value === 'string' && value.trim() ? [value] : [];

export function adoptPage(input: AdoptInput, settings: AdoptSettings): AdoptedPage {
  const needsHuman: string[] = [];
  const notes: string[] = [];
  // Hugo also allows TOML front matter between +++ lines.
  const source = input.source.replace(/\r\n/g, '\n');
  const block = splitFrontMatter(source, { toml: true });
  const rawBody = block?.body ?? source.replace(/^\uFEFF/, '');

  let old: Record<string, unknown> = {};
  if (block) {
    try {
      const parsed = parseFrontMatter(block);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) old = parsed as Record<string, unknown>;
    } catch (e) {
      if (!(e instanceof FrontMatterError)) throw e;
      if (block.kind === 'toml') needsHuman.push(`${input.relPath}:${e.line}: front matter was not valid TOML and was replaced: ${e.message.replace(/^line \d+: front matter is not valid TOML: /, '')}`);
      else needsHuman.push(`front matter was not valid YAML and was replaced: ${(e as Error).message.replace(/^front matter is not valid YAML: /, '')}`);
    }
  }

  // Shortcodes first (on the original text, outside code), then headings on the result.
  const shortcodes = /\{\{[<%]/.test(rawBody)
    ? convertShortcodes(rawBody, { params: settings.params, codeRanges: codeRanges(parseTree(rawBody)) })
    : { text: rawBody, converted: [], unknown: [] };
  const generated = convertGeneratorSyntax(shortcodes.text);
  let body = generated.body;

  // The page title: the old `title`, else the first heading, else the file name.
  let tree = parseTree(body);
  const first = tree.children.find((n) => n.type !== 'yaml' && n.type !== 'html');
  const hasH1 = tree.children.some((n) => n.type === 'heading' && n.depth === 1);
  // mdBook chapters often start at ##: without any h1, a leading heading is the title.
  const leadingH1 = first?.type === 'heading' && (first.depth === 1 || !hasH1) ? first : undefined;
  const h1Text = leadingH1 ? toString(leadingH1).trim() : '';
  const oldTitle = typeof old.title === 'string' ? old.title.trim() : '';
  const fileName = input.relPath.split('/').pop()!.replace(/\.(md|markdown|mdx)$/i, '');
  const isIndex = /^_?index$/i.test(fileName);
  const folder = input.relPath.includes('/') ? input.relPath.split('/').slice(-2, -1)[0] : input.rootName;
  const title = oldTitle || h1Text || (isIndex ? folder : fileName);
  if (!oldTitle && !h1Text) needsHuman.push(`no title or heading: titled "${title}" after the file name`);

  // Starlight shows the title as the page's h1: drop a leading h1 that is the title (or names the
  // page), keep one that says something else as a section heading (it is text of the page), and
  // if the body still uses h1 for its sections, move every heading down a level so the outline is kept.
  const h1Count = tree.children.filter((n) => n.type === 'heading' && n.depth === 1).length;
  const loose = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const isTitle = !!leadingH1 && (!oldTitle || [oldTitle, fileName].some((t) => loose(t) === loose(h1Text)));
  const titleHeading = leadingH1 && isTitle ? headingText(leadingH1).trim() : undefined;
  if (leadingH1?.position && isTitle) {
    body = body.slice(0, leadingH1.position.start.offset) + body.slice(leadingH1.position.end.offset);
    tree = parseTree(body);
  } else if (leadingH1 && h1Count === 1) {
    body = shiftHeadings(body, [leadingH1]);
    notes.push(`first heading "${h1Text}" differs from the title "${oldTitle}": kept as a section heading`);
    tree = parseTree(body);
  }
  const headings: Heading[] = [];
  visit(tree, 'heading', (h) => {
    headings.push(h);
  });
  if (headings.some((h) => h.depth === 1)) {
    body = shiftHeadings(body, headings);
    notes.push('headings moved down one level (the body used # for sections)');
  }
  body = `${body.replace(/^\s*\n/, '').replace(/\s+$/, '')}\n`;

  // Raw HTML stays (it is the team's own text), but active HTML runs in every reader's browser.
  const activeHtml: { line: number; value: string }[] = [];
  if (ACTIVE_HTML.test(body)) visit(parseTree(body), 'html', (node) => {
    if (ACTIVE_HTML.test(node.value)) activeHtml.push({ line: node.position?.start.line ?? 1, value: node.value.trim().slice(0, 40) });
  });

  // Front matter.
  const data: Record<string, unknown> = { title };
  const description = [old.description, old.summary].find((v) => typeof v === 'string' && v.trim());
  if (description) data.description = description;
  const owners = settings.owners;
  data.owners = owners;
  if (owners.length === 0) needsHuman.push('no owner: add `owners:` (member ids from content/team.yaml)');
  const date = [old.lastmod, old.date].map((d) => (d instanceof Date || typeof d === 'string' ? toIsoDate(d instanceof Date ? d : String(d).slice(0, 10)) : undefined)).find(Boolean);
  data.reviewed = date ?? settings.today;
  const tags = [...new Set([...stringList(old.tags), ...stringList(old.categories), ...stringList(old.keywords)])];
  if (tags.length) data.tags = tags;

  const area = settings.service ?? (input.relPath.includes('/') ? input.relPath.split('/')[0] : input.rootName);
  if (settings.kind === 'runbooks') {
    data.service = typeof old.service === 'string' && old.service ? old.service : area;
    const oldSeverity = typeof old.severity === 'string' ? old.severity.toLowerCase() : '';
    if ((SEVERITIES as readonly string[]).includes(oldSeverity)) {
      data.severity = oldSeverity;
    } else {
      data.severity = settings.severity ?? DEFAULT_SEVERITY;
      if (!settings.severity) needsHuman.push(`severity set to "${data.severity}" by default: set the real one`);
    }
    const alerts = stringList(old.alerts);
    if (alerts.length) data.alerts = alerts;
    else if (!isIndex && ALERT_NAME.test(fileName)) data.alerts = [fileName];
    for (const key of ['dashboards', 'escalation'] as const) if (old[key] !== undefined) data[key] = old[key];
  } else if (settings.kind === 'guideline') {
    const weight = old.order ?? old.weight;
    data.order = Number.isInteger(weight) && (weight as number) >= 0 ? weight : input.index + 1;
  } else {
    data.system = typeof old.system === 'string' && old.system ? old.system : area;
    data.status = 'draft';
    data.from = owners;
  }
  if (typeof old.review_every === 'number') data.review_every = old.review_every;
  data.adopted_from = input.origin;

  const droppedKeys = Object.keys(old).filter((k) => !CONSUMED.includes(k) && !KEPT_KEYS[settings.kind].includes(k) && k !== 'owners');
  if (old.owners !== undefined) notes.push('old `owners` ignored: owners are member ids from content/team.yaml (use --owner)');
  if (old.weight !== undefined && settings.kind !== 'guideline') droppedKeys.push('weight');
  if (old.date !== undefined && !date) droppedKeys.push('date');

  // A Hugo draft stays unpublished: files starting with _ are not built.
  let targetPath = input.relPath.replace(/\.(markdown|md)$/i, '.md');
  if (isIndex) targetPath = targetPath.replace(/_?index\.md$/i, 'index.md');
  if (old.draft === true) {
    targetPath = targetPath.replace(/([^/]+)$/, '_$1');
    notes.push('Hugo draft: adopted as an unpublished file (name starts with _)');
  }

  const head = `---\n${stringifyYaml(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n\n`;
  const text = head + body;

  // Line numbers in the new file, where the human will look.
  const bodyStart = head.split('\n').length - 1;
  let cursor = head.length;
  for (const u of shortcodes.unknown) {
    const at = text.indexOf(u.tag, cursor);
    if (at !== -1) cursor = at + u.tag.length;
    const line = at === -1 ? bodyStart + 1 : text.slice(0, at).split('\n').length;
    needsHuman.push(`line ${line}: unknown shortcode ${u.tag} left as code: replace it by hand`);
  }
  for (const h of activeHtml) needsHuman.push(`line ${bodyStart + h.line}: raw HTML that runs code or embeds a page (${h.value}…): check it`);
  return {
    targetPath,
    text,
    frontMatter: data,
    droppedKeys: [...new Set(droppedKeys)].sort(),
    converted: shortcodes.converted,
    unknown: shortcodes.unknown,
    needsHuman,
    notes,
    reviewedToday: !date,
    aliases: generated.aliases,
    titleHeading,
    comments: generated.comments,
    generatorSyntax: generated.converted,
  };
}

function shiftHeadings(body: string, headings: Heading[]): string {
  const lines = body.split('\n');
  for (const h of headings) {
    const i = (h.position?.start.line ?? 0) - 1;
    if (i < 0 || h.depth >= 6) continue;
    if (/^ {0,3}#/.test(lines[i])) lines[i] = lines[i].replace(/^( {0,3})(#{1,5})(?=\s|$)/, '$1$2#');
    else if (i + 1 < lines.length && /^ {0,3}(=+|-+)\s*$/.test(lines[i + 1])) {
      // Setext heading (underlined): rewrite as ATX one level down.
      lines[i + 1] = '';
      lines[i] = `${'#'.repeat(h.depth + 1)} ${lines[i].trim()}`;
    }
  }
  return lines.join('\n');
}

/** Whether a Hugo section file has any text worth keeping (most have front matter only). */
export function hasBodyText(source: string): boolean {
  const text = source.replace(/\r\n/g, '\n');
  return (splitFrontMatter(text, { toml: true })?.body ?? text).trim() !== '';
}
