/**
 * The one front-matter reader: every module that splits a page into front matter and body goes
 * through here, so a BOM, CRLF line ends, an empty block or Hugo's TOML (`+++`) are handled the
 * same way everywhere. Parsing the matter is YAML (the `yaml` package) or TOML (`smol-toml`).
 */
import { parse as parseYamlText } from 'yaml';
import { parse as parseTomlText, TomlDate, TomlError } from 'smol-toml';

export type MatterKind = 'yaml' | 'toml';

export interface FrontMatterBlock {
  kind: MatterKind;
  /** The source starts with a byte-order mark (kept out of `matter` and `body`). */
  bom: boolean;
  /** The text between the fence lines, without the line break before the closing fence. */
  matter: string;
  /** Offset in the source of the first character of `matter`. */
  matterStart: number;
  /** Offset in the source just after `matter`. */
  matterEnd: number;
  /** 1-based line of the source where `matter` starts (the line after the opening fence). */
  matterLine: number;
  /** Offset of the body: just after the closing fence and its line break. */
  bodyStart: number;
  /** 1-based line of the source where the body starts. */
  bodyLine: number;
  /** Everything after the closing fence line, byte for byte. */
  body: string;
}

const FENCES: Record<MatterKind, string> = { yaml: '---', toml: '+++' };

/** The length of the line break at `at` (`\n` or `\r\n`), 0 when there is none. */
function lineBreakAt(source: string, at: number): number {
  if (source[at] === '\n') return 1;
  if (source[at] === '\r' && source[at + 1] === '\n') return 2;
  return 0;
}

/**
 * The front matter block at the top of a page, or undefined when it has none (or it is never
 * closed). YAML (`---`) always; Hugo's TOML (`+++`) only when asked, as only `adopt` reads Hugo.
 */
export function splitFrontMatter(source: string, options: { toml?: boolean } = {}): FrontMatterBlock | undefined {
  const bom = source.startsWith('\uFEFF');
  const start = bom ? 1 : 0;
  const kinds: MatterKind[] = options.toml ? ['yaml', 'toml'] : ['yaml'];
  const kind = kinds.find((k) => source.startsWith(FENCES[k], start) && lineBreakAt(source, start + 3) > 0);
  if (!kind) return undefined;
  const fence = FENCES[kind];
  const matterStart = start + 3 + lineBreakAt(source, start + 3);
  let line = 2;
  for (let at = matterStart; at <= source.length; line++) {
    const nl = source.indexOf('\n', at);
    const end = nl === -1 ? source.length : nl;
    const text = source.slice(at, end).replace(/\r$/, '');
    // The closing fence may carry trailing blanks, as Astro's own reader allows.
    if (text.startsWith(fence) && /^[ \t]*$/.test(text.slice(3))) {
      const matterEnd = at === matterStart ? at : at - (source[at - 2] === '\r' ? 2 : 1);
      const bodyStart = nl === -1 ? source.length : nl + 1;
      return {
        kind,
        bom,
        matter: source.slice(matterStart, matterEnd),
        matterStart,
        matterEnd,
        matterLine: 2,
        bodyStart,
        bodyLine: line + 1,
        body: source.slice(bodyStart),
      };
    }
    if (nl === -1) break;
    at = nl + 1;
  }
  return undefined;
}

/** The front matter text of a page, or '' when it has none. */
export function frontMatterOf(source: string): string {
  return splitFrontMatter(source)?.matter ?? '';
}

/** The body of a page: what follows the front matter, or the whole source (less a BOM) without one. */
export function bodyOf(source: string): string {
  return splitFrontMatter(source)?.body ?? source.replace(/^\uFEFF/, '');
}

/** The page with its front matter text replaced; the BOM, the fences and the body are kept byte for byte. */
export function replaceFrontMatter(source: string, block: FrontMatterBlock, matter: string): string {
  // An empty block has no line break before its closing fence: new text needs one (the opening fence's).
  const text = block.matterStart === block.matterEnd && matter !== '' ? matter + source.slice(block.bom ? 4 : 3, block.matterStart) : matter;
  return source.slice(0, block.matterStart) + text + source.slice(block.matterEnd);
}

/** Bad front matter: `line` is the line of the source the parser stopped at, when it knows it. */
export class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** TOML dates as the text written, as YAML's core schema gives them (a Date would shift with the offset). */
function tomlDatesAsText(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString();
  if (Array.isArray(value)) return value.map(tomlDatesAsText);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tomlDatesAsText(v)]));
  return value;
}

/**
 * The parsed front matter of a block. Throws a FrontMatterError of one line (with the source line
 * for TOML) when the text does not parse.
 */
export function parseFrontMatter(block: FrontMatterBlock, parseYaml: (text: string) => unknown = parseYamlText): unknown {
  if (block.kind === 'toml') {
    try {
      return tomlDatesAsText(parseTomlText(block.matter));
    } catch (e) {
      if (e instanceof TomlError) {
        const line = block.matterLine + e.line - 1;
        throw new FrontMatterError(`line ${line}: front matter is not valid TOML: ${e.message.replace(/^Invalid TOML document: /, '').split('\n')[0]}`, line);
      }
      throw e;
    }
  }
  try {
    return parseYaml(block.matter);
  } catch (e) {
    const pos = (e as { linePos?: [{ line: number }] }).linePos;
    const line = pos ? block.matterLine + pos[0].line - 1 : undefined;
    throw new FrontMatterError(`front matter is not valid YAML: ${(e as Error).message.split('\n')[0]}`, line);
  }
}
