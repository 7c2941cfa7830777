/**
 * What a built page needs from the Content-Security-Policy, and the page rewritten to need less:
 * inline <script> and <style> elements are kept and hashed; every style="" attribute becomes a
 * class from one shared stylesheet (a strict style-src has no way to allow attributes), which
 * also shrinks the page, since Expressive Code repeats the same `--0:…;--1:…` on every token.
 *
 * The page is read with htmlparser2 for positions only and edited as text, so every byte not
 * rewritten stays as Astro wrote it (the hashes are of those exact bytes). The post-build step
 * hands it the page's bytes as Latin-1 characters, one character per byte (`{ bytes: true }`):
 * every character the markup is made of is ASCII, so the positions hold, and no page is decoded
 * from UTF-8 or encoded back (reading 2,155 pages as text took 0.2 s, as bytes 0.07 s).
 */
import { Tokenizer } from 'htmlparser2';

interface Span {
  start: number;
  end: number;
}

export interface StyleAttribute extends Span {
  /** The decoded attribute value, as text. */
  value: string;
  tag: string;
  /** The element's class attribute, if it has one (the new class is added to it); its value decoded, in the page's form (bytes or text). */
  classAttr?: Span & { value: string };
  /** Inside Starlight's search button: the hint its inline script reveals (see searchHint). */
  searchHint: boolean;
}

export interface PageAnalysis {
  /** The exact text of each inline script the browser runs (its bytes, when the page was read as bytes). */
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
  /**
   * All the search index reads of the page (src/lib/search/extract.ts: the text of the first
   * `<main data-pagefind-body>`, the first `<h1>`): from whichever of the two opens first to the
   * end tag of the one that closes last. Undefined when either is closed by anything but its own
   * end tag, or there is no such `<main>`.
   */
  indexed?: Span;
}

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);
/** The attributes whose values the analysis reads; other values are skipped, not decoded. */
const VALUE_ATTRS = new Set(['style', 'class', 'type', 'name', 'http-equiv', ...URL_ATTRS]);
// The Parser's tag stack, kept here for the three things read from it: the raw-text state of
// <script>/<style> (none inside SVG and MathML), whether <head> is still open, and the parent of a
// <kbd>. Without the Parser's other work (an event per node, every attribute value decoded) the
// 2,155 pages of 1,000 runbooks parse in 0.79 s instead of 1.23 s (warm; the same analyses,
// compared in test/unit/security.test.ts with the Parser-based original). Not modelled: the
// Parser's other implied closes (an open <li> closed by the next, <p> by a <div>...) and its
// ignoring a nested <form>; they change nothing read here but a <kbd>'s parent in broken markup.
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN = new Set(['svg', 'math']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

type Attr = Span & { name: string; value: string };
const attrNamed = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name);

export interface AnalyzeOptions {
  /** `html` holds the page's UTF-8 bytes as Latin-1 characters (a byte string); positions are then byte offsets. */
  bytes?: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** A byte string (UTF-8 bytes as Latin-1 characters) as the text it encodes. */
export function textOfBytes(bytes: string): string {
  if (!NON_ASCII.test(bytes)) return bytes;
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return new TextDecoder().decode(array);
}

/** Text as a byte string: its UTF-8 bytes as Latin-1 characters, to go into a page read as bytes. */
export function bytesOfText(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/**
 * One page read with htmlparser2's Tokenizer (the same tokens its Parser sees), keeping only what
 * the policy needs. Positions are offsets into `html`.
 */
export function analyzePage(html: string, options: AnalyzeOptions = {}): PageAnalysis {
  const bytes = options.bytes === true;
  const result: PageAnalysis = { scripts: [], styles: [], styleAttributes: [], blocked: [] };
  let attrs: Attr[] = [];
  let attrName = '';
  let attrStart = 0;
  let attrValue = '';
  let tag = '';
  let tagStart = 0;
  let raw: { tag: 'script' | 'style'; start: number; runs: boolean } | undefined;
  let inHead = false;
  // Open elements, innermost last (void elements are never pushed), and the foreign-content
  // contexts (true: inside <svg> or <math>), as the Parser keeps them.
  const stack: string[] = [];
  const foreign: boolean[] = [false];
  let searchButtonDepth = -1;
  // The first <main data-pagefind-body> and the first <h1>: where each opens, its depth on the
  // stack while open, and where its own end tag ends (undefined: closed some other way).
  const main = { at: -1, depth: -1, end: undefined as number | undefined };
  const h1 = { at: -1, depth: -1, end: undefined as number | undefined };
  let endTagEnd: number | undefined;

  const pop = () => {
    const depth = stack.length;
    const name = stack.pop()!;
    for (const el of [main, h1]) {
      if (el.depth === depth) {
        el.end = endTagEnd;
        el.depth = -1;
      }
    }
    if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
    if (name === 'head') inHead = false;
    if (name === 'button' && searchButtonDepth === stack.length) searchButtonDepth = -1;
    return name;
  };
  const closeRaw = (name: string, at: number | undefined) => {
    if (raw && raw.tag === name) {
      if (raw.runs) (name === 'script' ? result.scripts : result.styles).push(at === undefined ? '' : html.slice(raw.start, at));
      raw = undefined;
    }
  };
  const openTag = (end: number, selfClosing: boolean) => {
    const name = tag;
    for (const a of attrs) {
      if (/^on[a-z]/.test(a.name)) result.blocked.push(`<${name} ${a.name}>`);
      if (URL_ATTRS.has(a.name) && /^\s*javascript:/i.test(a.value)) result.blocked.push(`<${name} ${a.name}="javascript:…">`);
    }
    const style = attrNamed(attrs, 'style');
    if (style) {
      const cls = attrNamed(attrs, 'class');
      result.styleAttributes.push({
        value: bytes ? textOfBytes(style.value) : style.value,
        tag: name,
        start: style.start,
        end: style.end,
        classAttr: cls && { start: cls.start, end: cls.end, value: cls.value },
        // The element is already on the stack: its parent is the one below it.
        searchHint: name === 'kbd' && searchButtonDepth === stack.length - 2 && stack.at(-2) === 'button',
      });
    }
    if (name === 'button' && attrNamed(attrs, 'data-open-modal') && stack.at(-1) === 'button') searchButtonDepth = stack.length - 1;
    if (name === 'main' && main.at === -1 && attrNamed(attrs, 'data-pagefind-body')) Object.assign(main, { at: tagStart, depth: stack.length });
    if (name === 'h1' && h1.at === -1) Object.assign(h1, { at: tagStart, depth: stack.length });
    if (name === 'head') {
      inHead = true;
      result.headInsert = end + 1;
    }
    if (inHead && name === 'meta') {
      if (attrNamed(attrs, 'charset') && result.headInsert !== undefined && html.slice(result.headInsert, tagStart).trim() === '') result.headInsert = end + 1;
      if (attrNamed(attrs, 'name')?.value.toLowerCase() === 'robots') result.robotsMeta = { start: tagStart, end: end + 1 };
      if (attrNamed(attrs, 'http-equiv')?.value.toLowerCase() === 'content-security-policy') result.cspMeta = { start: tagStart, end: end + 1 };
    }
    if (name === 'script' || name === 'style') {
      const type = (attrNamed(attrs, 'type')?.value ?? '').trim().toLowerCase();
      const runs = name === 'style' ? true : !attrNamed(attrs, 'src') && JS_TYPES.has(type);
      raw = { tag: name, start: end + 1, runs };
    }
    // A self-closing tag closes in SVG and MathML, not in HTML (void elements were never opened).
    if (selfClosing && foreign.at(-1) && stack.at(-1) === name) {
      closeRaw(name, undefined);
      pop();
    }
    attrs = [];
    tag = '';
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tagStart = start - 1;
        let name = html.slice(start, end).toLowerCase();
        if (name === 'image' && !foreign.at(-1)) name = 'img';
        tag = name;
        // As in htmlparser2, <body> is the one start tag that closes an open <head>.
        if (name === 'body') while (stack.includes('head')) pop();
        if (!VOID.has(name)) {
          stack.push(name);
          if (FOREIGN.has(name)) foreign.push(true);
          else if (INTEGRATION.has(name)) foreign.push(false);
        }
      },
      onattribname(start, end) {
        attrName = html.slice(start, end).toLowerCase();
        attrStart = start;
        attrValue = '';
      },
      onattribdata(start, end) {
        if (VALUE_ATTRS.has(attrName)) attrValue += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (VALUE_ATTRS.has(attrName)) attrValue += bytes ? bytesOfText(String.fromCodePoint(codepoint)) : String.fromCodePoint(codepoint);
      },
      onattribend(_quote, end) {
        attrs.push({ name: attrName, value: attrValue, start: attrStart, end });
        attrValue = '';
      },
      onopentagend(end) {
        openTag(end, false);
      },
      onselfclosingtag(end) {
        openTag(end, true);
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        // The tokenizer reads a name only straight after "</".
        const at = start - 2;
        if (VOID.has(name)) return;
        const pos = stack.lastIndexOf(name);
        if (pos === -1) return;
        while (stack.length > pos + 1) closeRaw(pop(), undefined);
        if (name === 'head') result.headEnd = at;
        closeRaw(name, at);
        endTagEnd = end + 1;
        pop();
        endTagEnd = undefined;
      },
      onend() {
        while (stack.length) closeRaw(pop(), undefined);
      },
      isInForeignContext: () => foreign.at(-1)!,
      ontext() {},
      ontextentity() {},
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (main.end !== undefined && (h1.at === -1 || h1.end !== undefined)) {
    result.indexed = h1.at === -1 ? { start: main.at, end: main.end } : { start: Math.min(main.at, h1.at), end: Math.max(main.end, h1.end!) };
  }
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

const ASCII_SPACE = /[ \t\n\f\r]/;

/** The page with the analysis's edits applied: style attributes out, classes and head tags in (in the page's form: bytes or text). */
export function rewritePage(html: string, analysis: PageAnalysis, options: RewriteOptions): string {
  const edits: Array<Span & { text: string }> = [];
  for (const attr of analysis.styleAttributes) {
    const cls = options.classFor(attr);
    // The attribute goes with the whitespace before it, so the tag reads as if it never had one.
    // HTML separates attributes by ASCII whitespace only: a no-break space (or a byte 0xA0 of a
    // character, in a page read as bytes) ends an unquoted value and stays.
    let start = attr.start;
    while (start > 0 && ASCII_SPACE.test(html[start - 1])) start--;
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
