/**
 * The `kptBoard` section of hikitsugi.config.mjs: what `kpt:prepare` writes on the next retro's
 * board. Validated here, with defaults, and checked against the import's own rules, because a
 * board is only useful if `kpt:import` reads it back the way it was meant: the Keep / Problem /
 * Try frame titles must be read as those kinds, and the carry-over and instructions frames as
 * neither (nor as a Done area, which would close every action left in it).
 */
import { z } from 'zod';
import { isDoneArea } from '../retro/board-closing.ts';
import { headerMatcher, type KptKind } from './headers.ts';
import { normalizeColor, type KptConfig } from './config.ts';

/** Sticky colours Miro accepts for `style.fillColor` of a sticky note. */
export const STICKY_COLORS = [
  'gray', 'light_yellow', 'yellow', 'orange', 'light_green', 'green', 'dark_green', 'cyan',
  'light_pink', 'pink', 'violet', 'red', 'light_blue', 'blue', 'dark_blue', 'black',
] as const;

const title = z.string().trim().min(1).max(200);

export const kptBoardSettingsSchema = z.strictObject({
  titles: z
    .strictObject({
      keep: title.default('Keep（続けること）'),
      problem: title.default('Problem（困っていること）'),
      try: title.default('Try（次に試すこと）'),
      carried: title.default('前回からの持ち越し'),
    })
    .prefault({}),
  /** The instructions panel, a Markdown file relative to the content folder. Its front matter `title` titles the panel. */
  instructions: z.string().trim().min(1).default('retros/_kpt-board.md'),
  /**
   * Colour of a carried-over sticky by how many retros it has been carried: the first entry for
   * an action carried for the first time, the last for every later one.
   */
  ageColors: z.array(z.enum(STICKY_COLORS)).min(1).default(['light_yellow', 'orange', 'red']),
}).prefault({});

export interface KptBoardSettings {
  titles: Record<KptKind | 'carried', string>;
  instructions: string;
  ageColors: (typeof STICKY_COLORS)[number][];
}

/** Validates the section; throws an Error naming the bad field. */
export function kptBoardSettings(raw: unknown): KptBoardSettings {
  const result = kptBoardSettingsSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`hikitsugi.config.mjs: kptBoard.${issue.path.join('.') || '(section)'}: ${issue.message}`);
  }
  return result.data;
}

/**
 * Problems with settings that `kpt:import` would read back wrongly (empty when none): frame
 * titles it would not place, or colours its colour code would turn into Keeps.
 */
export function boardSettingsProblems(settings: KptBoardSettings, config: KptConfig, extraTitles: string[] = []): string[] {
  const matcher = headerMatcher(config.headers);
  const problems: string[] = [];
  for (const kind of ['keep', 'problem', 'try'] as const) {
    const got = matcher.match(settings.titles[kind]);
    if (got !== kind) {
      problems.push(
        `kptBoard.titles.${kind} "${settings.titles[kind]}" is read by kpt:import as ${got ? `a ${got[0].toUpperCase()}${got.slice(1)}` : 'no Keep / Problem / Try'}: start it with a header word (see headers in hikitsugi.kpt.yaml)`,
      );
    }
  }
  for (const [field, t] of [['titles.carried', settings.titles.carried], ...extraTitles.map((t) => ['instructions heading', t])] as const) {
    const got = matcher.match(t);
    if (got) problems.push(`kptBoard.${field} "${t}" is read by kpt:import as a ${got} area: stickies left there would be imported as ${got}s`);
    if (isDoneArea(t)) problems.push(`kptBoard.${field} "${t}" is read by kpt:import as a Done area: every action left there would be closed`);
  }
  for (const color of settings.ageColors) {
    const kind = config.colors[normalizeColor(color)];
    if (kind) problems.push(`kptBoard.ageColors: "${color}" means ${kind} in the colour code of hikitsugi.kpt.yaml, so carried-over stickies would be imported as ${kind}s: pick another colour`);
  }
  return problems;
}
