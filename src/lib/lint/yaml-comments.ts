/**
 * The YAML comment trap: in a plain (unquoted) value, ` #` starts a comment, so
 * `task: Slack の #platform、#incident に参加する` reads as "Slack の" and the rest is silently
 * dropped. A comment written on purpose reads `# like this`; one that starts right after the `#`
 * (`#platform`, `#123`) is text the author meant as part of the value. Found with the `yaml`
 * package's CST, which keeps every comment with its offset, so strings and block scalars that merely
 * contain a `#` are never mistaken for one.
 */
import { CST, Parser, parse } from 'yaml';
import { frontMatterOf } from '../content/front-matter.ts';

export const CUT_VALUE_RULE = 'yaml-comment-in-value';

export interface CutValue {
  /** 1-based, in the text given (for front matter: in the page file). */
  line: number;
  column: number;
  /** The mapping key, when the value belongs to one. */
  key?: string;
  /** What YAML reads ('' when nothing is left). */
  kept: string;
  /** What YAML drops as a comment, from its `#`. */
  lost: string;
  /** The quoted full text, replacing [start, end) of the text given; none for multi-line values. */
  fix?: { start: number; end: number; text: string };
}

type Token = CST.SourceToken;

/** Values cut by a ` #text` comment in a YAML text. `offset`: where the YAML starts in `text`. */
export function findCutValues(text: string, offset = 0, yaml = text.slice(offset)): CutValue[] {
  const found: CutValue[] = [];
  const at = (index: number) => {
    const before = text.slice(0, offset + index);
    return { line: before.split('\n').length, column: offset + index - before.lastIndexOf('\n') };
  };
  const add = (key: string | undefined, kept: string, start: number, comment: Token) => {
    const full = kept ? `${kept}${yaml.slice(start + kept.length, comment.offset)}${comment.source.trimEnd()}` : comment.source.trimEnd();
    const end = comment.offset + comment.source.trimEnd().length;
    found.push({
      ...at(comment.offset),
      key,
      kept,
      lost: comment.source.trimEnd(),
      fix: kept.includes('\n') ? undefined : { start: offset + start, end: offset + end, text: `'${full.replace(/'/g, "''")}'` },
    });
  };
  for (const token of new Parser().parse(yaml)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      const key = item.key && CST.isScalar(item.key) ? item.key.source : undefined;
      const value = item.value;
      if (value?.type === 'scalar') {
        const comment = sameLineComment(value.end ?? []);
        if (comment && isText(value.source)) add(key, value.source, value.offset, comment);
      } else if (!value && key !== undefined && item.sep) {
        // `task: #platform に参加する`: nothing before the comment, so the value is null.
        const indicator = item.sep.findIndex((t) => t.type === 'map-value-ind');
        const comment = indicator === -1 ? undefined : sameLineComment(item.sep.slice(indicator + 1));
        if (comment) add(key, '', comment.offset, comment);
      }
    });
  }
  return found;
}

/** The same, in a page's front matter (positions and fixes in the page's text). */
export function findCutValuesInFrontMatter(source: string): CutValue[] {
  const yaml = frontMatterOf(source);
  if (!yaml) return [];
  return findCutValues(source, source.indexOf(yaml), yaml);
}

/** A comment right after the value on its line that starts with text, not with a space. */
function sameLineComment(tokens: readonly Token[]): Token | undefined {
  for (const token of tokens) {
    if (token.type === 'space') continue;
    if (token.type === 'comment' && /^#[^\s#]/.test(token.source)) return token;
    return undefined;
  }
  return undefined;
}

/** Numbers, booleans, null and dates followed by a comment are not prose cut short. */
function isText(source: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}/.test(source)) return false;
  try {
    return typeof parse(source) === 'string';
  } catch {
    return true;
  }
}

export function cutValueMessage(cut: CutValue): string {
  const name = cut.key ? `${cut.key}: ` : '';
  const reads = cut.kept ? `"${cut.kept}"` : 'nothing (null)';
  return `${name}YAML reads ${reads}: " ${cut.lost}" starts a comment and is dropped; quote the value to keep it (--fix)`;
}

/** Quotes each cut value with its full text; values that cannot be fixed are left as they are. */
export function quoteCutValues(text: string, cuts: readonly CutValue[]): { text: string; fixed: number } {
  const fixes = cuts.flatMap((c) => (c.fix ? [c.fix] : [])).sort((a, b) => b.start - a.start);
  let out = text;
  for (const f of fixes) out = out.slice(0, f.start) + f.text + out.slice(f.end);
  return { text: out, fixed: fixes.length };
}
