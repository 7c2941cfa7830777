/**
 * Marking a page as reviewed: `reviewed` becomes the day and `reviewed_by` the member, edited in
 * the front matter's text (the way retro closings are) rather than by re-serialising the YAML, so
 * every other byte of the page (comments, quoting, key order, line endings, body) stays as
 * people wrote it. Pure: the CLI reads the files and writes them all or none.
 */
import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import type { IsoDate } from '../content/dates.ts';
import { isActive } from '../content/roster.ts';
import type { Member } from '../content/schema.ts';
import { splitFrontMatter } from '../content/front-matter.ts';
import { yamlString } from '../content/yaml-scalar.ts';

export class ReviewEditError extends Error {}

/** The new value in the old one's quoting style. */
function styled(old: Scalar, value: string, plain: string): string {
  if (old.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (old.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return plain;
}

interface Patch {
  at: number;
  length: number;
  text: string;
}

/**
 * The page's text with `reviewed: <date>` and `reviewed_by: <member>`. An existing
 * `reviewed_by` line is updated in place; otherwise one is added right after the `reviewed` line.
 */
export function markReviewed(source: string, review: { date: IsoDate; by: string }): string {
  const block = splitFrontMatter(source);
  if (!block) throw new ReviewEditError('no front matter (--- ... ---) at the top of the file');
  const offset = block.matterStart;
  const doc = parseDocument(block.matter);
  if (doc.errors.length) throw new ReviewEditError(`front matter is not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  const map = doc.contents;
  if (!isMap(map) || map.flow) throw new ReviewEditError('front matter is not a block of `key: value` lines');
  const pair = (key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key) as
    | { key: Scalar; value: unknown }
    | undefined;

  const reviewed = pair('reviewed');
  if (!reviewed || !isScalar(reviewed.value) || !reviewed.value.range) throw new ReviewEditError('no `reviewed:` date in the front matter');
  const patches: Patch[] = [];
  const [start, end] = reviewed.value.range;
  patches.push({ at: offset + start, length: end - start, text: styled(reviewed.value, review.date, review.date) });

  const by = pair('reviewed_by');
  if (by) {
    if (!isScalar(by.value) || !by.value.range || (by.value.value !== null && typeof by.value.value !== 'string')) {
      throw new ReviewEditError('`reviewed_by:` is not a single member id; fix it by hand');
    }
    const [s, e] = by.value.range;
    if (s === e) patches.push({ at: offset + s, length: 0, text: ` ${yamlString(review.by)}` }); // `reviewed_by:` with no value
    else patches.push({ at: offset + s, length: e - s, text: styled(by.value, review.by, yamlString(review.by)) });
  } else {
    const keyStart = offset + reviewed.key.range![0];
    const indent = source.slice(source.lastIndexOf('\n', keyStart - 1) + 1, keyStart);
    const eol = source.indexOf('\n', offset + end);
    const newline = source.includes('\r\n') ? '\r\n' : '\n';
    patches.push({ at: eol + 1, length: 0, text: `${indent}reviewed_by: ${yamlString(review.by)}${newline}` });
  }
  let out = source;
  for (const p of patches.sort((a, b) => b.at - a.at)) out = out.slice(0, p.at) + p.text + out.slice(p.at + p.length);
  return out;
}

/** Why `member` may not record a review of a page with these owners, or null when they may. */
export function reviewerProblem(member: Member, owners: readonly string[], today: IsoDate, force: boolean): string | null {
  if (!isActive(member, today)) return `${member.id} left the team on ${member.left}; a member who has left cannot review`;
  if (!force && !owners.includes(member.id)) {
    return `${member.id} does not own this page (owners: ${owners.join(', ') || 'none'}); use --force to record the review anyway`;
  }
  return null;
}
