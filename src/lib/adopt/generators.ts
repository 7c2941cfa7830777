/**
 * Syntax of other documentation generators (VitePress, Docusaurus, mdBook, MkDocs) turned into
 * what this site renders, or kept as literal text, so nothing is lost and nothing breaks the
 * build. Headings keep the ids other pages link to as aliases, resolved later by the link pass.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import type { Heading, Nodes, Parent, Root } from 'mdast';
import { headingText } from '../lint/anchors.ts';

export function parseMarkdown(text: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkGfm).parse(text) as Root;
}

/** An id another page may link to, and the heading (by text and occurrence) it names. */
export interface HeadingAlias {
  id: string;
  text: string;
  nth: number;
}

export interface GeneratorResult {
  body: string;
  aliases: HeadingAlias[];
  /** HTML comments dropped (authors' notes, mdBook's English originals). */
  comments: number;
  /** What was converted, by name: `vitepress {#id}`, `container tip`, `<script setup>`... */
  converted: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

export function applyEdits(source: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue;
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

/**
 * mdBook's (and rustdoc's) heading ids: lower case, whitespace to `-`, only letters, digits,
 * `_` and `-` kept. Used to find which heading an `#anchor` of the source named.
 */
export function generatorSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s/g, '-')
    .replace(/[^\p{L}\p{N}_-]/gu, '');
}

/** `## Title {#id}` (VitePress, Docusaurus, Hugo) and `## Title {: #id }` (MkDocs attr_list). */
const HEADING_ID = /\s*\{:?\s*#([^\s}]+)[^}]*\}\s*$/;
const COMMENT = /<!--[\s\S]*?-->/g;
/** A comment holding just a heading: mdBook translations keep the English original so. */
const COMMENTED_HEADING = /^<!--\s*#{1,6}\s+(.+?)\s*#*\s*-->$/;
/** Title of the code block a source page's `<script>`/`<style>` becomes (not run here). */
export const SCRIPT_TITLE = 'script of the source page';
/** Blocks a browser would run or apply to the whole page: kept as code. */
const RUNNING_BLOCK = /^<(script|style)\b[^>]*>/i;

/** HTML's own elements (and SVG/MathML roots): any other lower-case tag in prose is a placeholder. */
const HTML_ELEMENTS = new Set(
  ('a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section select slot small source span strong style sub summary sup table tbody td template textarea tfoot th thead time title tr track u ul var video wbr svg math center font big tt strike').split(' '),
);
const PROTOCOL_URL = /^[a-z][a-z0-9+.-]*:/i;
/** One opening tag and nothing else, e.g. `<iface>`, `<AlertName>`, `<host-name>`. */
const LONE_TAG = /^<([A-Za-z][\w.:-]*)((?:\s[^>]*)?)>$/;

/** VitePress/Docusaurus container types to Starlight aside types. */
const ASIDES: Record<string, string> = {
  tip: 'tip', success: 'tip',
  info: 'note', note: 'note', important: 'note',
  warning: 'caution', caution: 'caution',
  danger: 'danger', error: 'danger',
};

function slugOrder(headings: Heading[]): { text: string; nth: number }[] {
  const seen = new Map<string, number>();
  return headings.map((h) => {
    const text = headingText(h).trim();
    const nth = seen.get(text) ?? 0;
    seen.set(text, nth + 1);
    return { text, nth };
  });
}

/**
 * MkDocs (Material) admonitions: `!!! note "Title"` or `??? tip` with the text indented by four
 * spaces, which any other Markdown reads as a code block.
 */
function convertAdmonitions(body: string, converted: string[]): string {
  const lines = body.split('\n');
  const out: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === undefined ? f[1] : line.trim().startsWith(fence) ? undefined : fence;
    const m = fence === undefined ? /^( *)(!!!|\?\?\?\+?)\s+([A-Za-z][\w-]*)(?:\s+"([^"]*)")?\s*$/.exec(line) : null;
    if (!m) {
      out.push(line);
      continue;
    }
    const [, indent, marker, type, title] = m;
    const inner = `${indent}    `;
    let j = i + 1;
    const content: string[] = [];
    while (j < lines.length && (lines[j].startsWith(inner) || lines[j].trim() === '')) content.push(lines[j++].slice(inner.length));
    while (content.length && content.at(-1)!.trim() === '') {
      content.pop();
      j--;
    }
    if (marker === '!!!') {
      out.push(`${indent}:::${ASIDES[type.toLowerCase()] ?? 'note'}${title ? `[${title.replace(/[[\]]/g, '')}]` : ''}`, ...content.map((c) => indent + c), `${indent}:::`);
    } else {
      out.push(`${indent}<details${marker.endsWith('+') ? ' open' : ''}>`, `${indent}<summary>${escapeHtml(title || type)}</summary>`, '', ...content.map((c) => indent + c), '', `${indent}</details>`);
    }
    converted.push(`admonition ${type}`);
    i = j - 1;
  }
  return out.join('\n');
}

export function convertGeneratorSyntax(source: string): GeneratorResult {
  const converted: string[] = [];
  const body = /^( *)(!!!|\?\?\?)/m.test(source) ? convertAdmonitions(source, converted) : source;
  const aliasAt: { id: string; heading: number }[] = [];
  let comments = 0;

  // 1. Heading ids, comments and running blocks, on one parse.
  const tree = parseMarkdown(body);
  const headings: Heading[] = [];
  visit(tree, 'heading', (h) => {
    headings.push(h);
  });
  const edits: Edit[] = [];
  headings.forEach((h, i) => {
    const start = h.position?.start.offset;
    const end = h.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const raw = body.slice(start, end);
    const line = raw.split('\n')[0];
    const m = HEADING_ID.exec(line);
    if (!m) return;
    aliasAt.push({ id: m[1], heading: i });
    edits.push({ start: start + m.index, end: start + m.index + m[0].length, text: '' });
    converted.push('heading {#id}');
  });
  visit(tree, 'html', (node, index, parent: Parent | undefined) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const value = node.value;
    const commented = COMMENTED_HEADING.exec(value.trim().replace(/\s+/g, ' '));
    const next = parent && index !== undefined ? parent.children[index + 1] : undefined;
    if (commented && next?.type === 'heading') aliasAt.push({ id: generatorSlug(commented[1]), heading: headings.indexOf(next) });
    if (RUNNING_BLOCK.test(value.trim()) && parent?.type === 'root') {
      const fence = value.includes('```') ? '~~~~' : '```';
      edits.push({ start, end, text: `${fence}html title="${SCRIPT_TITLE}"\n${value.trim()}\n${fence}` });
      converted.push(`<${RUNNING_BLOCK.exec(value.trim())![1].toLowerCase()}> block as code`);
      return;
    }
    // `<iface>` in "ethtool -S <iface>" is a placeholder, not a tag: the browser would hide it.
    const lone = LONE_TAG.exec(value.trim());
    if (lone && !lone[2].trim().endsWith('/') && !HTML_ELEMENTS.has(lone[1].toLowerCase()) && !new RegExp(`</${lone[1]}\\s*>`).test(body)) {
      const at = start + value.indexOf('<');
      edits.push({ start: at, end: at + 1, text: '\\<' });
      converted.push('placeholder <x> as text');
      return;
    }
    // A component that is a link (`<VueSchoolLink href="…" title="…"/>`): its words and target stay, as a link.
    const linkish = /<([A-Z][\w]*)\b([^<>]*?\shref\s*=\s*"[^"]*"[^<>]*?)\/>/g;
    if (linkish.test(value)) {
      const out = value.replace(linkish, (_m, _name: string, attrs: string) => {
        const href = /\shref\s*=\s*"([^"]*)"/.exec(attrs)![1];
        const title = /\stitle\s*=\s*"([^"]*)"/.exec(attrs)?.[1] || href;
        converted.push('link component as <a>');
        return `<a href="${href}">${title}</a>`;
      });
      edits.push({ start, end, text: out.replace(COMMENT, '') });
      return;
    }
    const found = value.match(COMMENT);
    if (!found) return;
    comments += found.length;
    const rest = value.replace(COMMENT, '');
    edits.push({ start, end, text: rest.trim() === '' ? '' : rest });
  });
  // mdBook's ```rust,ignore: the language is before the comma, the rest are test attributes.
  visit(tree, 'code', (node) => {
    const start = node.position?.start.offset;
    if (start === undefined || !node.lang?.includes(',')) return;
    const at = body.indexOf(node.lang, start);
    if (at === -1 || at > body.indexOf('\n', start)) return;
    edits.push({ start: at, end: at + node.lang.length, text: node.lang.split(',').filter(Boolean).join(' ') });
    converted.push('code language with attributes');
  });
  let text = applyEdits(body, edits);

  // Map aliases to the headings' text once the ids are gone (parsing is the cost here: only when needed).
  const hasContainers = /^\s*:::/m.test(text);
  if (aliasAt.length === 0 && !hasContainers && !/\{\{#|\[\[/.test(text)) return { body: text, aliases: [], comments, converted };
  const after = parseMarkdown(text);
  const afterHeadings: Heading[] = [];
  visit(after, 'heading', (h) => {
    afterHeadings.push(h);
  });
  const order = afterHeadings.length === headings.length ? slugOrder(afterHeadings) : [];
  const aliases = aliasAt.filter((a) => order[a.heading]).map((a) => ({ id: a.id, ...order[a.heading] }));

  // 2. `:::` containers, line by line outside code.
  if (hasContainers) text = convertContainers(text, after, converted);
  if (!/\{\{#|\[\[/.test(text)) return { body: text, aliases, comments, converted };

  // 3. mdBook directives outside code would be read as text with braces: keep them as code.
  const codeTree = hasContainers ? parseMarkdown(text) : after;
  const textEdits: Edit[] = [];
  visit(codeTree, 'text', (node) => {
    const start = node.position?.start.offset;
    if (start === undefined) return;
    // GitHub wiki links: [[Page Name]] or [[Words|Page Name]], pages named with hyphens from the wiki's root.
    for (const m of node.value.matchAll(/\[\[([^\]|\n]+)(?:\|([^\]\n]+))?\]\]/g)) {
      // VitePress/markdown-it's [[toc]] is a table of contents, not a page: it stays as written.
      if (/^toc$/i.test(m[1].trim()) && !m[2]) continue;
      const at = text.indexOf(m[0], start);
      if (at === -1) continue;
      const words = m[1].trim();
      const page = (m[2] ?? m[1]).trim();
      const target = PROTOCOL_URL.test(page) ? page : `/${page.replace(/ /g, '-')}`;
      textEdits.push({ start: at, end: at + m[0].length, text: `[${words.replace(/[[\]]/g, '')}](<${target}>)` });
      converted.push('wiki link');
    }
    for (const m of node.value.matchAll(/\{\{#[a-z_]+[^}]*\}\}/g)) {
      // The text node's value equals its source here unless it has escapes; find the directive in the source.
      const at = text.indexOf(m[0], start);
      if (at === -1) continue;
      textEdits.push({ start: at, end: at + m[0].length, text: `\`${m[0]}\`` });
      converted.push('mdBook directive as code');
    }
  });
  text = applyEdits(text, textEdits);
  return { body: text, aliases, comments, converted };
}

function convertContainers(text: string, tree: Root, converted: string[]): string {
  const codeLines = new Set<number>();
  visit(tree, (node: Nodes) => {
    if (node.type === 'code' && node.position) for (let l = node.position.start.line; l <= node.position.end.line; l++) codeLines.add(l);
  });
  const lines = text.split('\n');
  const stack: string[] = [];
  const OPEN = /^(\s*):{3,}\s*([A-Za-z][\w-]*)\s*(.*?)\s*$/;
  const CLOSE = /^(\s*):{3,}\s*$/;
  for (let i = 0; i < lines.length; i++) {
    if (codeLines.has(i + 1)) continue;
    const close = CLOSE.exec(lines[i]);
    if (close && stack.length) {
      const kind = stack.pop()!;
      lines[i] = kind === 'details' ? `\n${close[1]}</details>\n` : kind === 'div' ? `\n${close[1]}</div>\n` : kind === 'aside' ? `${close[1]}:::` : '';
      continue;
    }
    const open = OPEN.exec(lines[i]);
    if (!open) continue;
    const [, indent, rawType, rest] = open;
    const type = rawType.toLowerCase();
    const titleText = rest.replace(/^\[(.*)\]$/, '$1').replace(/[[\]]/g, '').trim();
    if (ASIDES[type]) {
      lines[i] = `${indent}:::${ASIDES[type]}${titleText ? `[${titleText}]` : ''}`;
      stack.push('aside');
      converted.push(`container ${type}`);
    } else if (type === 'details') {
      lines[i] = `${indent}<details>\n${indent}<summary>${escapeHtml(titleText || 'Details')}</summary>\n`;
      stack.push('details');
      converted.push('container details');
    } else if (type === 'code-group' || type === 'tabs') {
      lines[i] = '';
      stack.push('none');
      converted.push(`container ${type}`);
    } else {
      // Unknown: a plain block keeps the text; the type stays as a class for a human to style.
      lines[i] = `${indent}<div class="${escapeHtml(type)}">\n`;
      stack.push('div');
      converted.push(`container ${type} (as <div>)`);
    }
  }
  return lines.join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
