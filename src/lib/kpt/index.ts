/**
 * KPT import, the pure part: from everything read off a board (and the page already written
 * for it, if any) to the page's bytes and a report. No I/O: the shell in src/io/miro reads the
 * board, scripts/kpt-import.ts writes the file.
 */
import { slug as githubSlug } from 'github-slugger';
import { classify, type Classification } from './classify.ts';
import { dayOfInstant, findDate, firstDate } from './dates.ts';
import { htmlToText, cleanText } from './html-text.ts';
import { headerMatcher } from './headers.ts';
import { buildPage, type ExistingPage, type PageResult } from './page.ts';
import type { KptConfig } from './config.ts';
import type { BoardData } from './miro-types.ts';
import type { BoardRef } from './board-ref.ts';

export * from './board-ref.ts';
export * from './classify.ts';
export * from './config.ts';
export * from './dates.ts';
export * from './headers.ts';
export * from './html-text.ts';
export * from './miro-types.ts';
export * from './page.ts';

export class RetroInputError extends Error {}

export interface RetroOptions {
  ref: BoardRef;
  config: KptConfig;
  /** The team's time zone, for a board creation instant -> calendar day. */
  timeZone: string;
  date?: string;
  team?: string;
  owners?: string[];
  existing?: ExistingPage;
}

export interface RetroResult extends PageResult {
  classification: Classification;
  date: string;
  /** Where the date came from, for the report. */
  dateFrom: 'flag' | 'page' | 'board text' | 'board creation';
  team: string;
}

/** Texts that may carry the retro's date: the board name, then frame titles and texts top to bottom. */
function titleTexts(data: BoardData): string[] {
  const titled = data.items
    .filter((i) => i.type === 'frame' || i.type === 'text' || i.type === 'shape')
    .map((i) => ({
      id: i.id,
      text: i.type === 'frame' ? cleanText(String(i.data?.title ?? '')) : htmlToText(String(i.data?.content ?? '')),
      x: typeof i.position?.x === 'number' ? i.position.x : 0,
      y: typeof i.position?.y === 'number' ? i.position.y : 0,
    }))
    .sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [data.board.name ?? '', ...titled.map((t) => t.text)];
}

const str = (v: unknown) => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : undefined);

export function buildRetro(data: BoardData, options: RetroOptions): RetroResult {
  const classification = classify(data, options.config);
  const old = options.existing?.frontMatter;

  let date: string | undefined;
  let dateFrom: RetroResult['dateFrom'];
  if (options.date) [date, dateFrom] = [options.date, 'flag'];
  else if (str(old?.date)) [date, dateFrom] = [str(old?.date), 'page'];
  else if ((date = firstDate(titleTexts(data)))) dateFrom = 'board text';
  else if (data.board.createdAt && (date = dayOfInstant(data.board.createdAt, options.timeZone))) dateFrom = 'board creation';
  else throw new RetroInputError('no date on the board and no creation date from Miro: pass --date YYYY-MM-DD');

  const team =
    options.team ?? str(old?.team) ?? options.config.team ?? (data.board.team?.name ? cleanText(data.board.team.name) : undefined);
  if (!team) throw new RetroInputError('which team held this retro? pass --team NAME (or set kpt.team in hikitsugi.config.mjs)');

  const page = buildPage({
    entries: classification.entries,
    board: {
      id: options.ref.id,
      url: data.board.viewLink && /^https?:\/\//.test(data.board.viewLink) ? data.board.viewLink : options.ref.url,
      name: data.board.name,
      description: data.board.description,
      modifiedAt: data.board.modifiedAt,
    },
    date: date!,
    team,
    owners: options.owners ?? options.config.owners ?? [],
    existing: options.existing,
  });
  return { ...page, classification, date: date!, dateFrom: dateFrom!, team };
}

/** The tags worth asking Miro about: those named Keep / Problem / Try. */
export function isKptTagTitle(config: KptConfig): (title: string) => boolean {
  const matcher = headerMatcher(config.headers);
  return (title) => matcher.match(title) !== undefined;
}

/**
 * `<date>-<slug>.mdx` for a new page: the slug is the team name in ASCII, else the board name
 * (without its date), else `retro`; `-2`, `-3`... when the name is taken by another page.
 */
export function retroFileName(date: string, names: (string | undefined)[], taken: (name: string) => boolean): string {
  let slug = 'retro';
  for (const name of names) {
    if (!name) continue;
    const withoutDate = findDate(name) ? name.normalize('NFKC').replace(/\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?/g, ' ') : name;
    const s = githubSlug(withoutDate.normalize('NFKC'))
      .replace(/[^a-z0-9-]/g, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '');
    if (s) {
      slug = s;
      break;
    }
  }
  let file = `${date}-${slug}.mdx`;
  for (let n = 2; taken(file); n++) file = `${date}-${slug}-${n}.mdx`;
  return file;
}
