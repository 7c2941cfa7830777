/**
 * What a built page needs from the Content-Security-Policy, and the page rewritten to need less:
 * inline <script> and <style> elements are kept and hashed; every style="" attribute becomes a
 * class from one shared stylesheet (a strict style-src has no way to allow attributes), which
 * also shrinks the page, since Expressive Code repeats the same `--0:…;--1:…` on every token.
 *
 * The page is read with htmlparser2 for positions only and edited as text, so every byte not
 * rewritten stays as Astro wrote it (the hashes are of those exact bytes).
 */
import { Parser } from 'htmlparser2';

interface Span {
  start: number;
  end: number;
}

export interface StyleAttribute extends Span {
  /** The decoded attribute value. */
  value: string;
  tag: string;
  /** The element's class attribute, if it has one (the new class is added to it). */
  classAttr?: Span & { value: string };
  /** Inside Starlight's search button: the hint its inline script reveals (see searchHint). */
  searchHint: boolean;
}

export interface PageAnalysis {
  /** The exact text of each inline script the browser runs. */
  scripts: string[];
  styles: string[];
  styleAttributes: StyleAttribute[];
  /** Where the CSP meta goes: after <meta charset> (which must come first) or after <head>. */
  headInsert?: number;
  /** Just before </head>: where the stylesheet link goes. */
  headEnd?: number;
  robotsMeta?: Span;
  /** A CSP meta from an earlier run of this step: replaced, so running twice leaves one. */
  cspMeta?: Span;
  /** Things no hash can allow: `onclick="…"` handlers and `javascript:` URLs, as "tag attr". */
  blocked: string[];
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

type Attr = Span & { name: string; value: string };
// Module level, not a closure made for every tag: the build loads this file through tsx, which
// wraps each named closure as it is made, and that was 0.24 s of CPU at 1,000 runbooks.
const attrNamed = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name);

export function analyzePage(html: string): PageAnalysis {
  const result: PageAnalysis = { scripts: [], styles: [], styleAttributes: [], blocked: [] };
  let attrs: Attr[] = [];
  let raw: { tag: 'script' | 'style'; start: number; runs: boolean } | undefined;
  let inHead = false;
  let searchButtonDepth = -1;
  const stack: string[] = [];
  const parser: Parser = new Parser(
    {
      onattribute(name, value) {
        attrs.push({ name, value, start: parser.startIndex, end: parser.endIndex });
      },
      onopentag(tag) {
        for (const a of attrs) {
          if (/^on[a-z]/.test(a.name)) result.blocked.push(`<${tag} ${a.name}>`);
          if (URL_ATTRS.has(a.name) && /^\s*javascript:/i.test(a.value)) result.blocked.push(`<${tag} ${a.name}="javascript:…">`);
        }
        const style = attrNamed(attrs, 'style');
        if (style) {
          const cls = attrNamed(attrs, 'class');
          result.styleAttributes.push({
            value: style.value,
            tag,
            start: style.start,
            end: style.end,
            classAttr: cls && { start: cls.start, end: cls.end, value: cls.value },
            searchHint: tag === 'kbd' && searchButtonDepth === stack.length - 1 && stack.at(-1) === 'button',
          });
        }
        if (tag === 'button' && attrNamed(attrs, 'data-open-modal')) searchButtonDepth = stack.length;
        if (tag === 'head') {
          inHead = true;
          result.headInsert = parser.endIndex + 1;
        }
        if (inHead && tag === 'meta') {
          if (attrNamed(attrs, 'charset') && result.headInsert !== undefined && html.slice(result.headInsert, parser.startIndex).trim() === '') {
            result.headInsert = parser.endIndex + 1;
          }
          if (attrNamed(attrs, 'name')?.value.toLowerCase() === 'robots') result.robotsMeta = { start: parser.startIndex, end: parser.endIndex + 1 };
          if (attrNamed(attrs, 'http-equiv')?.value.toLowerCase() === 'content-security-policy') result.cspMeta = { start: parser.startIndex, end: parser.endIndex + 1 };
        }
        if (tag === 'script' || tag === 'style') {
          const type = (attrNamed(attrs, 'type')?.value ?? '').trim().toLowerCase();
          const runs = tag === 'style' ? true : !attrNamed(attrs, 'src') && JS_TYPES.has(type);
          raw = { tag, start: parser.endIndex + 1, runs };
        }
        stack.push(tag);
        attrs = [];
      },
      onclosetag(tag, implied) {
        if (raw && raw.tag === tag) {
          if (raw.runs) (tag === 'script' ? result.scripts : result.styles).push(html.slice(raw.start, implied ? raw.start : parser.startIndex));
          raw = undefined;
        }
        if (tag === 'head') {
          inHead = false;
          if (!implied) result.headEnd = parser.startIndex;
        }
        stack.pop();
        if (tag === 'button' && searchButtonDepth === stack.length) searchButtonDepth = -1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return result;
}

export interface RewriteOptions {
  /** The class that replaces a style attribute (the same value always gets the same class); undefined drops the attribute. */
  classFor: (attribute: StyleAttribute) => string | undefined;
  /** Inserted after <meta charset> (the CSP meta, the robots meta). */
  headStart?: string;
  /** Inserted before </head> (the stylesheet link). */
  headEnd?: string;
  /** Replaces an existing robots meta (headStart then carries the new one). */
  dropRobotsMeta?: boolean;
}

/** The page with the analysis's edits applied: style attributes out, classes and head tags in. */
export function rewritePage(html: string, analysis: PageAnalysis, options: RewriteOptions): string {
  const edits: Array<Span & { text: string }> = [];
  for (const attr of analysis.styleAttributes) {
    const cls = options.classFor(attr);
    // The attribute goes with the whitespace before it, so the tag reads as if it never had one.
    let start = attr.start;
    while (start > 0 && /\s/.test(html[start - 1])) start--;
    if (cls === undefined) {
      edits.push({ start, end: attr.end, text: '' });
    } else if (attr.classAttr) {
      edits.push({ start, end: attr.end, text: '' });
      edits.push({ start: attr.classAttr.start, end: attr.classAttr.end, text: `class="${escapeAttribute(`${attr.classAttr.value} ${cls}`)}"` });
    } else {
      edits.push({ start: attr.start, end: attr.end, text: `class="${cls}"` });
    }
  }
  if (options.headStart && analysis.headInsert !== undefined) edits.push({ start: analysis.headInsert, end: analysis.headInsert, text: options.headStart });
  if (options.headEnd && analysis.headEnd !== undefined) edits.push({ start: analysis.headEnd, end: analysis.headEnd, text: options.headEnd });
  if (options.dropRobotsMeta && analysis.robotsMeta) edits.push({ ...analysis.robotsMeta, text: '' });
  if (options.headStart && analysis.cspMeta) edits.push({ ...analysis.cspMeta, text: '' });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) throw new Error(`overlapping edits at ${e.start}`);
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at);
}

export const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
