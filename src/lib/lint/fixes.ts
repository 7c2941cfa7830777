/**
 * `--fix`: small edits at the exact spot a message points to, for the rules where the fix is
 * certain. The rest of the file is left byte for byte: re-serializing with remark-stringify
 * would reformat every table, list and escape in a page (and MDX expressions), which is not
 * a lint fix but a rewrite.
 */
import type { Point, Position } from 'unist';

export interface FixableMessage {
  ruleId?: string | null;
  reason?: string;
  place?: Point | Position | null;
}

export const FIXABLE_RULES = [
  'final-newline',
  'no-heading-content-indent',
  'no-literal-urls',
  'no-shortcut-reference-link',
  'no-shortcut-reference-image',
  'ordered-list-marker-style',
  'hard-break-spaces',
] as const;

interface Edit {
  start: number;
  end: number;
  text: string;
  /** Index of the message it fixes. */
  of: number;
}

const rangeOf = (place: FixableMessage['place']): { start?: Point; end?: Point } =>
  place && 'start' in place ? { start: place.start, end: place.end } : { start: place ?? undefined };

export function applyFixes(source: string, messages: FixableMessage[]): { text: string; fixed: number } {
  const lines = source.split('\n');
  const lineStart = (line: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  const edits: Edit[] = [];
  let newline = false;

  messages.forEach((m, of) => {
    const push = (...list: Omit<Edit, 'of'>[]) => edits.push(...list.map((e) => ({ ...e, of })));
    const { start, end } = rangeOf(m.place);
    const startOffset = start?.offset ?? (start ? lineStart(start.line) + start.column - 1 : undefined);
    const endOffset = end?.offset;
    switch (m.ruleId) {
      case 'final-newline':
        if (!source.endsWith('\n')) newline = true;
        break;
      case 'no-heading-content-indent': {
        if (!start) break;
        const from = lineStart(start.line);
        const line = lines[start.line - 1];
        const match = /^( {0,3}#{1,6})[ \t]{2,}/.exec(line);
        if (match) push({ start: from, end: from + match[0].length, text: `${match[1]} ` });
        break;
      }
      case 'no-literal-urls':
        if (startOffset !== undefined && endOffset !== undefined) {
          push({ start: startOffset, end: startOffset, text: '<' }, { start: endOffset, end: endOffset, text: '>' });
        }
        break;
      case 'no-shortcut-reference-link':
      case 'no-shortcut-reference-image':
        if (endOffset !== undefined) push({ start: endOffset, end: endOffset, text: '[]' });
        break;
      case 'ordered-list-marker-style': {
        if (startOffset === undefined) break;
        // "Unexpected ordered list marker `)`, expected `.`": the marker the file uses elsewhere.
        const expected = /expected `([.)])`/.exec(m.reason ?? '')?.[1];
        // The message points at the marker itself (older versions: at the item).
        const at = /[.)]/.test(source[startOffset] ?? '') ? startOffset : startOffset + (/^\d{1,9}/.exec(source.slice(startOffset))?.[0].length ?? 0);
        if (expected && /[.)]/.test(source[at] ?? '')) push({ start: at, end: at + 1, text: expected });
        break;
      }
      case 'hard-break-spaces': {
        if (!start) break;
        const line = lines[start.line - 1];
        const match = / {3,}$/.exec(line);
        if (match) {
          const at = lineStart(start.line) + match.index;
          push({ start: at, end: at + match[0].length, text: '  ' });
        }
        break;
      }
    }
  });

  // Apply from the end so earlier offsets stay valid; skip overlapping edits.
  // A message is fixed only if all of its edits apply (no-literal-urls needs both < and >).
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  const clashing = new Set<number>();
  let limit = Infinity;
  for (const e of edits) {
    if (e.end > limit) clashing.add(e.of);
    else limit = e.start;
  }
  let text = source;
  const done = new Set<number>();
  for (const e of edits) {
    if (clashing.has(e.of)) continue;
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
    done.add(e.of);
  }
  if (newline) text += '\n';
  return { text, fixed: done.size + (newline ? 1 : 0) };
}
