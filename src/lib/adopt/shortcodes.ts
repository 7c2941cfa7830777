/**
 * Hugo shortcodes (`{{< name args >}}`, `{{% name args %}}`) to plain Markdown that Astro and
 * Starlight render. Known ones are converted; unknown ones are neutralized (shown as inline
 * code, never executed or silently dropped) and reported, so a human can decide.
 * Shortcodes inside code blocks and inline code are left as they are.
 */

export interface ShortcodeNote {
  name: string;
  /** 1-based line in the original text. */
  line: number;
  /** The tag as written, for the report. */
  tag: string;
}

export interface ShortcodeResult {
  text: string;
  converted: ShortcodeNote[];
  unknown: ShortcodeNote[];
}

export interface ShortcodeOptions {
  /** Values for `{{< param Name >}}` (Hugo site params), e.g. from `--param BookRepo=https://...`. */
  params?: Record<string, string>;
  /** [start, end) offsets of code (fenced, indented, inline): shortcodes there are left alone. */
  codeRanges?: [number, number][];
}

interface Tag {
  start: number;
  end: number;
  closing: boolean;
  selfClosing: boolean;
  name: string;
  positional: string[];
  named: Record<string, string>;
  raw: string;
  line: number;
}

const TAG = /\{\{([<%])\s*(\/?)\s*([A-Za-z][\w.-]*)((?:\s+(?:[\w-]+=)?(?:"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`|[^\s"'`%>/]+))*)\s*(\/?)\s*([>%])\}\}/g;
const ESCAPED = /\{\{([<%])\/\*\s*([\s\S]*?)\s*\*\/([>%])\}\}/g;
const ARG = /(?:([\w-]+)=)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))/g;

/** Shortcodes with a closing tag that this converter understands. */
const PAIRED = new Set(['hint', 'alert', 'details', 'expand', 'highlight', 'mermaid', 'tabs', 'tab', 'columns', 'button', 'notice', 'callout', 'admonition']);
/** Hugo book/docsy names -> Starlight aside types. */
const ASIDE: Record<string, string> = {
  info: 'note', note: 'note', primary: 'note', secondary: 'note', default: 'note',
  tip: 'tip', success: 'tip',
  warning: 'caution', warn: 'caution', caution: 'caution',
  danger: 'danger', error: 'danger', important: 'danger',
};

function parseArgs(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const m of text.matchAll(ARG)) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? m[5] ?? '');
    if (m[1]) named[m[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

const inRanges = (ranges: [number, number][], start: number, end: number) => ranges.some(([a, b]) => start >= a && end <= b);

export function convertShortcodes(source: string, options: ShortcodeOptions = {}): ShortcodeResult {
  const codeRanges = options.codeRanges ?? [];
  const params = options.params ?? {};
  const converted: ShortcodeNote[] = [];
  const unknown: ShortcodeNote[] = [];

  const tags: Tag[] = [];
  for (const m of source.matchAll(TAG)) {
    const start = m.index;
    const end = start + m[0].length;
    if (inRanges(codeRanges, start, end)) continue;
    tags.push({
      start,
      end,
      closing: m[2] === '/',
      selfClosing: m[5] === '/',
      name: m[3].toLowerCase(),
      ...parseArgs(m[4]),
      raw: m[0],
      line: lineAt(source, start),
    });
  }

  // Pair opening and closing tags of the same name (shortcodes nest).
  const partner = new Map<Tag, Tag>();
  const open: Tag[] = [];
  for (const tag of tags) {
    if (tag.selfClosing) continue;
    if (!tag.closing) {
      open.push(tag);
      continue;
    }
    for (let i = open.length - 1; i >= 0; i--) {
      if (open[i].name === tag.name) {
        partner.set(open[i], tag);
        partner.set(tag, open[i]);
        open.splice(i);
        break;
      }
    }
  }

  const edits: { start: number; end: number; text: string }[] = [];
  const skip = new Set<Tag>();
  const note = (list: ShortcodeNote[], tag: Tag) => list.push({ name: tag.name, line: tag.line, tag: tag.raw });
  const neutral = (raw: string) => (raw.includes('`') ? `\`\` ${raw} \`\`` : `\`${raw}\``);
  /** Block-level replacement: on its own line(s). */
  const block = (tag: Tag, text: string) => {
    const before = source.slice(source.lastIndexOf('\n', tag.start - 1) + 1, tag.start);
    const afterEnd = source.indexOf('\n', tag.end);
    const after = source.slice(tag.end, afterEnd === -1 ? source.length : afterEnd);
    return `${before.trim() ? '\n\n' : ''}${text}${after.trim() ? '\n\n' : ''}`;
  };

  for (const tag of tags) {
    if (skip.has(tag)) continue;
    const close = partner.get(tag);
    const edit = (text: string, t: Tag = tag) => edits.push({ start: t.start, end: t.end, text });
    const first = (key?: string) => (key && tag.named[key]) || tag.positional[0] || '';
    let handled = true;

    if (tag.closing) {
      // Closing tags are handled with their opening tag; a stray one is unknown.
      if (!close) handled = false;
      else continue;
    } else if (PAIRED.has(tag.name) && close) {
      skip.add(close);
      switch (tag.name) {
        case 'hint':
        case 'alert':
        case 'notice':
        case 'callout':
        case 'admonition': {
          const kind = ASIDE[(tag.named.color || tag.named.type || tag.positional[0] || 'note').toLowerCase()] ?? 'note';
          const title = tag.named.title ? `[${tag.named.title.replace(/[[\]]/g, '')}]` : '';
          edit(block(tag, `:::${kind}${title}`));
          edit(block(close, ':::'), close);
          break;
        }
        case 'details':
        case 'expand': {
          const title = first('title') || 'Details';
          edit(block(tag, `<details>\n<summary>${escapeHtml(title)}</summary>\n\n`));
          edit(block(close, '\n\n</details>'), close);
          break;
        }
        case 'highlight':
        case 'mermaid': {
          const lang = tag.name === 'mermaid' ? 'mermaid' : tag.positional[0] || '';
          const body = source.slice(tag.end, close.start).replace(/^\r?\n/, '').replace(/\r?\n$/, '');
          edits.push({ start: tag.start, end: close.end, text: block(tag, `\`\`\`${lang}\n${body}\n\`\`\``) });
          // Shortcodes inside were code: drop their tags from further processing.
          for (const inner of tags) if (inner.start > tag.start && inner.end < close.end) skip.add(inner);
          break;
        }
        case 'tabs':
        case 'columns':
          edit(block(tag, ''));
          edit(block(close, ''), close);
          if (tag.name === 'columns') {
            const inner = source.slice(tag.end, close.start);
            for (const m of inner.matchAll(/<--->/g)) edits.push({ start: tag.end + m.index, end: tag.end + m.index + 5, text: '\n\n' });
          }
          break;
        case 'tab':
          edit(block(tag, `**${first('name')}**\n\n`));
          edit(block(close, ''), close);
          break;
        case 'button': {
          const href = tag.named.href || tag.named.relref || tag.named.ref || '';
          const label = source.slice(tag.end, close.start).trim();
          edits.push({ start: tag.start, end: close.end, text: `[${label}](${href})` });
          for (const inner of tags) if (inner.start > tag.start && inner.end < close.end) skip.add(inner);
          break;
        }
      }
    } else if (tag.name === 'ref' || tag.name === 'relref') {
      const target = first();
      if (target) edit(target);
      else handled = false;
    } else if (tag.name === 'param' || tag.name === 'site-param') {
      const value = params[first()];
      if (value !== undefined) edit(value);
      else handled = false;
    } else if (tag.name === 'figure') {
      const src = tag.named.src || '';
      const alt = tag.named.alt || tag.named.title || tag.named.caption || '';
      const caption = tag.named.caption ? `\n\n*${tag.named.caption}*` : '';
      if (src) edit(block(tag, `![${alt.replace(/[[\]]/g, '')}](${src})${caption}`));
      else handled = false;
    } else if (tag.name === 'youtube') {
      const id = first('id');
      if (id) edit(`[YouTube: ${id}](https://www.youtube.com/watch?v=${encodeURIComponent(id)})`);
      else handled = false;
    } else {
      handled = false;
    }

    if (handled) {
      note(converted, tag);
    } else {
      note(unknown, tag);
      edit(neutral(tag.raw));
      if (close && !tag.closing) {
        skip.add(close);
        edit(neutral(close.raw), close);
      }
    }
  }

  // Hugo's escaped form `{{</* x */>}}` shows a shortcode literally.
  for (const m of source.matchAll(ESCAPED)) {
    const literal = `{{${m[1]} ${m[2]} ${m[3]}}}`;
    const inCode = inRanges(codeRanges, m.index, m.index + m[0].length);
    edits.push({ start: m.index, end: m.index + m[0].length, text: inCode ? literal : neutral(literal) });
  }

  let text = applyEdits(source, edits);
  text = fixLinksWithShortcodes(text, unknown);
  return { text, converted, unknown };
}

/**
 * `[text](`{{< param X >}}`/path)` is no link in any Markdown: say it as text and code, so the
 * reader sees the (unresolved) target and no broken link is built.
 */
function fixLinksWithShortcodes(text: string, unknown: ShortcodeNote[]): string {
  if (unknown.length === 0) return text;
  return text.replace(/\[([^\]\n]*)\]\(`+ ?(\{\{[<%][^`]*[>%]\}\}) ?`+([^)\s]*)\)/g, (_m, label: string, tag: string, rest: string) => {
    const target = `${tag}${rest}`;
    return `${label} (${target.includes('`') ? `\`\` ${target} \`\`` : `\`${target}\``})`;
  });
}

function applyEdits(source: string, edits: { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // Overlaps an earlier edit (a tag inside a replaced block).
    out += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + source.slice(at);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
