/**
 * The CSP step's page analysis as it was first written, on htmlparser2's Parser: the oracle that
 * src/lib/security/html.ts (the same analysis on the Parser's Tokenizer, without the Parser's
 * per-node work) must agree with, position for position.
 */
import { Parser } from 'htmlparser2';
import type { PageAnalysis } from '../../src/lib/security/html.ts';

type Span = { start: number; end: number };
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

type Attr = Span & { name: string; value: string };
const attrNamed = (attrs: Attr[], name: string) => attrs.find((a) => a.name === name);

export function referenceAnalysis(html: string): PageAnalysis {
  const result: PageAnalysis = { scripts: [], styles: [], styleAttributes: [], blocked: [] };
  let attrs: Attr[] = [];
  let raw: { tag: 'script' | 'style'; start: number; runs: boolean } | undefined;
  let inHead = false;
  let searchButtonDepth = -1;
  const stack: string[] = [];
  const main = { at: -1, depth: -1, end: undefined as number | undefined };
  const h1 = { at: -1, depth: -1, end: undefined as number | undefined };
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
        if (tag === 'main' && main.at === -1 && attrNamed(attrs, 'data-pagefind-body')) Object.assign(main, { at: parser.startIndex, depth: stack.length });
        if (tag === 'h1' && h1.at === -1) Object.assign(h1, { at: parser.startIndex, depth: stack.length });
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
        for (const el of [main, h1]) {
          if (el.depth === stack.length) {
            el.end = implied ? undefined : parser.endIndex + 1;
            el.depth = -1;
          }
        }
        stack.pop();
        if (tag === 'button' && searchButtonDepth === stack.length) searchButtonDepth = -1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  if (main.end !== undefined && (h1.at === -1 || h1.end !== undefined)) {
    result.indexed = h1.at === -1 ? { start: main.at, end: main.end } : { start: Math.min(main.at, h1.at), end: Math.max(main.end, h1.end!) };
  }
  return result;
}
