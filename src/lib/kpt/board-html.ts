/**
 * Text going onto a Miro board. Miro stores sticky, text and shape content as HTML, so text is
 * escaped before it goes in: an action reading `<script>` or `&amp;` arrives as those very
 * characters, never as markup or as an entity decoded once more. The instructions panel comes
 * from a Markdown file the team edits; it is turned into the small HTML subset Miro shows
 * (paragraphs, bold, italic, links), with every piece of text escaped the same way.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parse as parseYaml } from 'yaml';
import type { Nodes, Root, RootContent } from 'mdast';
import { splitFrontMatter } from '../content/front-matter.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain lines as Miro paragraphs: `<p>line</p>` each, escaped. */
export function linesToHtml(lines: readonly string[]): string {
  return lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}

export interface Instructions {
  /** The panel's frame title: front matter `title`, else the first `#` heading. */
  title?: string;
  /** Miro HTML for the panel's body. */
  html: string;
  /** The body as plain lines, for --dry-run. */
  text: string[];
}

const SAFE_LINK = /^(https?:|mailto:)/i;

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value.replace(/\n/g, ' '));
    case 'inlineCode':
      return escapeHtml(node.value);
    case 'strong':
      return `<strong>${node.children.map(inline).join('')}</strong>`;
    case 'emphasis':
      return `<em>${node.children.map(inline).join('')}</em>`;
    case 'delete':
      return `<s>${node.children.map(inline).join('')}</s>`;
    case 'break':
      return '<br>';
    case 'link': {
      const label = node.children.map(inline).join('') || escapeHtml(node.url);
      // Only web and mail links become links; anything else (javascript:, data:) stays text.
      return SAFE_LINK.test(node.url) ? `<a href="${escapeHtml(node.url)}">${label}</a>` : label;
    }
    case 'html':
      // Raw HTML in the Markdown is shown as the characters written, like any text.
      return escapeHtml(node.value);
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : 'value' in node ? escapeHtml(String(node.value)) : '';
  }
}

const plain = (html: string) =>
  html
    .replace(/<br>/g, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function blocks(nodes: readonly RootContent[], out: string[], depth = 0): void {
  const indent = '\u3000'.repeat(depth);
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        // A blank line before a heading, as in the Markdown, except at the top.
        if (out.length) out.push('<p></p>');
        out.push(`<p><strong>${node.children.map(inline).join('')}</strong></p>`);
        break;
      case 'paragraph':
        out.push(`<p>${indent}${node.children.map(inline).join('')}</p>`);
        break;
      case 'list':
        node.children.forEach((item, i) => {
          const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : '・';
          const [first, ...rest] = item.children;
          if (first?.type === 'paragraph') {
            out.push(`<p>${indent}${marker}${first.children.map(inline).join('')}</p>`);
            blocks(rest, out, depth + 1);
          } else {
            out.push(`<p>${indent}${marker}</p>`);
            blocks(item.children, out, depth + 1);
          }
        });
        break;
      case 'blockquote':
        blocks(node.children, out, depth + 1);
        break;
      case 'code':
        for (const line of node.value.split('\n')) out.push(`<p>${indent}${escapeHtml(line)}</p>`);
        break;
      case 'thematicBreak':
        out.push('<p></p>');
        break;
      case 'html':
        out.push(`<p>${indent}${escapeHtml(node.value)}</p>`);
        break;
      default:
        if ('children' in node) blocks(node.children as RootContent[], out, depth);
    }
  }
}

/**
 * The instructions panel from the team's Markdown file. The panel's title is `title:` in the
 * front matter (as for every page), else a first `#` heading.
 */
export function instructionsFromMarkdown(markdown: string): Instructions {
  const fm = splitFrontMatter(markdown);
  const source = fm ? fm.body : markdown;
  let title: string | undefined;
  if (fm) {
    try {
      const data = parseYaml(fm.matter) as { title?: unknown } | null;
      if (typeof data?.title === 'string' && data.title.trim()) title = data.title.trim();
    } catch (e) {
      throw new Error(`the front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const tree = unified().use(remarkParse).parse(source) as Root;
  const children = [...tree.children];
  const h1 = title ? -1 : children.findIndex((n) => n.type === 'heading' && n.depth === 1);
  if (h1 !== -1) {
    const [heading] = children.splice(h1, 1);
    title = plain((heading as { children: Nodes[] }).children.map(inline).join('')).trim() || undefined;
  }
  const out: string[] = [];
  blocks(children, out);
  return { title, html: out.join(''), text: out.map(plain) };
}
