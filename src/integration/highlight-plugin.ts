/**
 * Expressive Code's Shiki plugin tokenizes every code block once per theme (dark and light), yet
 * TextMate tokenization does not depend on the theme: only the colours given to the scopes do.
 * This plugin tokenizes each block once, with scopes, and colours the scopes for every theme the
 * way vscode-textmate does (the deepest matching rule wins; an unset colour or font style is
 * inherited), so each character gets the same colours as with the upstream plugin, in about a third less
 * rendering time. Languages it does not handle itself (plain text, ANSI, unknown names,
 * which need the upstream warnings) go to the upstream plugin unchanged.
 */
import { InlineStyleAnnotation, pluginShiki, type ExpressiveCodePlugin, type ExpressiveCodeTheme } from '@astrojs/starlight/expressive-code';
import { createHighlighterCore, type HighlighterCore, type ThemeRegistrationResolved } from 'shiki/core';
import { createOnigurumaEngine } from 'shiki/engine/oniguruma';
import { bundledLanguages } from 'shiki/langs';
import { INITIAL, Theme, type IGrammar, type StateStack } from 'shiki/textmate';

export interface HighlightOptions {
  /** Language names to treat as others, e.g. `{ promql: 'txt' }`. */
  langAlias?: Record<string, string>;
}

/** Shiki's default: a line that takes longer stops being tokenized. */
const TIME_LIMIT_MS = 500;
const FONT = { italic: 1, bold: 2, underline: 4, strikethrough: 8 } as const;
/** Upstream hides `<placeholders>` from shell grammars, which read `<` as a redirection. */
const TERMINAL = new Set(['shellscript', 'shell', 'bash', 'sh', 'zsh', 'nu', 'nushell']);

export interface TokenStyle {
  color: string;
  fontStyle: number;
}

interface ScopePath {
  parent: ScopePath | null;
  scopeName: string;
}

/** One theme's colours for scope lists, as vscode-textmate resolves them while tokenizing. */
export class ScopeColours {
  readonly #theme: Theme;
  readonly #colorMap: string[];
  readonly #replacements: Record<string, string>;
  readonly #cache = new Map<string, TokenStyle>();

  constructor(theme: ThemeRegistrationResolved) {
    this.#theme = Theme.createFromRawTheme(theme);
    this.#colorMap = this.#theme.getColorMap();
    this.#replacements = theme.colorReplacements ?? {};
  }

  /** `key`: the scopes joined by spaces, made once for every theme. */
  styleOf(scopes: readonly string[], key = scopes.join(' ')): TokenStyle {
    let style = this.#cache.get(key);
    if (style) return style;
    const defaults = this.#theme.getDefaults();
    let fontStyle = defaults.fontStyle;
    let foreground = defaults.foregroundId;
    let path: ScopePath | null = null;
    for (const scopeName of scopes) {
      path = { parent: path, scopeName };
      // Theme.match reads only scopeName and parent, what vscode-textmate's ScopeStack holds.
      const match = this.#theme.match(path as Parameters<Theme['match']>[0]);
      if (!match) continue;
      if (match.fontStyle !== -1) fontStyle = match.fontStyle;
      if (match.foregroundId !== 0) foreground = match.foregroundId;
    }
    const color = this.#colorMap[foreground];
    style = { color: this.#replacements[color.toLowerCase()] ?? color, fontStyle: Math.max(0, fontStyle) };
    this.#cache.set(key, style);
    return style;
  }
}

export interface StyledRange {
  start: number;
  end: number;
  /** One style per theme. */
  styles: TokenStyle[];
}

/**
 * Each line's tokens with their style in every theme, neighbours joined where no theme tells
 * them apart (boundaries shared by all themes keep Expressive Code from nesting spans). Like
 * Shiki, an empty line is not tokenized and keeps the state before it.
 */
export function tokenizeForThemes(grammar: IGrammar, code: string, themes: readonly ScopeColours[]): StyledRange[][] {
  let stack: StateStack = INITIAL;
  return code.split('\n').map((line) => {
    const ranges: StyledRange[] = [];
    if (line === '') return ranges;
    const result = grammar.tokenizeLine(line, stack, TIME_LIMIT_MS);
    for (const token of result.tokens) {
      const end = Math.min(token.endIndex, line.length);
      if (end <= token.startIndex) continue;
      const key = token.scopes.join(' ');
      const styles = themes.map((theme) => theme.styleOf(token.scopes, key));
      const last = ranges.at(-1);
      if (last && last.end === token.startIndex && last.styles.every((style, i) => style.color === styles[i].color && style.fontStyle === styles[i].fontStyle)) last.end = end;
      else ranges.push({ start: token.startIndex, end, styles });
    }
    stack = result.ruleStack;
    return ranges;
  });
}

const PLAIN_COLOUR = /^#[0-9a-f]{6}([0-9a-f]{2})?$/i;
const sameStyles = (a: StyledRange, b: StyledRange) => a.styles.every((style, i) => style.color === b.styles[i].color && style.fontStyle === b.styles[i].fontStyle);

/**
 * The ranges of one line that show something of their own, given each theme's plain code colour
 * (`foregrounds`, the colour the code element already has): a range in that colour in every
 * theme, or of whitespace, with no font style, is left to the code's colour; two ranges of one
 * style with only whitespace between them become one. Expressive Code makes a span (with a
 * style attribute per theme) of every range it is given, so fewer ranges are fewer spans to
 * build, pass to the Markdown processor and write. The rendered spans are the ones
 * code-tokens-plugin.ts would leave of the full set (it still tidies the languages this plugin
 * hands upstream).
 */
export function visibleRanges(line: string, ranges: readonly StyledRange[], foregrounds: readonly string[]): StyledRange[] {
  if (foregrounds.length === 0 || !foregrounds.every((colour) => PLAIN_COLOUR.test(colour))) return [...ranges];
  const plain = (range: StyledRange) => range.styles.every((style) => style.fontStyle === 0);
  const blank = (start: number, end: number) => /^\s*$/.test(line.slice(start, end));
  // Expressive Code wraps a line's indentation in a span of its own, splitting a range that
  // reaches into it (as it does: /^\s+/): the part in the indentation is whitespace.
  const indent = line.match(/^\s+/)?.[0].length ?? 0;
  const visible: StyledRange[] = [];
  for (const range of ranges) {
    if (plain(range) && (blank(range.start, range.end) || range.styles.every((style, i) => style.color.toLowerCase() === foregrounds[i].toLowerCase()))) continue;
    const start = plain(range) && range.start < indent ? indent : range.start;
    const last = visible.at(-1);
    if (last && plain(last) && plain(range) && sameStyles(last, range) && blank(last.end, start)) last.end = range.end;
    else visible.push({ ...range, start });
  }
  return visible;
}

let highlighter: Promise<HighlighterCore> | undefined;
const languages = new Map<string, Promise<IGrammar | undefined>>();
const themeColours = new WeakMap<ExpressiveCodeTheme, Promise<ScopeColours>>();
/** By content: the renderer hands equal themes as new objects (once per page), and parsing one takes milliseconds. */
const themesByContent = new Map<string, Promise<ScopeColours>>();
let themeCount = 0;

function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({ themes: [], langs: [], engine: createOnigurumaEngine(import('shiki/wasm')) });
  return highlighter;
}

type LanguageInput = Parameters<HighlighterCore['loadLanguage']>[0];

/**
 * Whether this plugin tokenizes a language itself (after `langAlias`): a language Shiki bundles,
 * except ansi, which Shiki colours from its escape codes rather than with a grammar.
 */
export const tokenizesItself = (name: string): boolean => Object.hasOwn(bundledLanguages, name) && name !== 'ansi';

/** A bundled language and the languages it embeds lazily (upstream loads those too); undefined if not bundled. */
function grammarFor(name: string): Promise<IGrammar | undefined> {
  let grammar = languages.get(name);
  if (!grammar) {
    grammar = (async () => {
      if (!tokenizesItself(name)) return undefined;
      const shiki = await getHighlighter();
      const seen = new Set<string>();
      const load = async (lang: string): Promise<void> => {
        if (seen.has(lang) || !Object.hasOwn(bundledLanguages, lang)) return;
        seen.add(lang);
        const registrations = (await bundledLanguages[lang as keyof typeof bundledLanguages]()).default;
        await shiki.loadLanguage(registrations as LanguageInput);
        await Promise.all(registrations.flatMap((r) => r.embeddedLangsLazy ?? []).map(load));
      };
      await load(name);
      return shiki.getLanguage(name) as unknown as IGrammar;
    })();
    languages.set(name, grammar);
  }
  return grammar;
}

export function coloursFor(theme: ExpressiveCodeTheme): Promise<ScopeColours> {
  let colours = themeColours.get(theme);
  if (!colours) {
    const key = JSON.stringify([theme.name, theme.type, theme.colors, theme.settings, theme.bg, theme.fg]);
    colours = themesByContent.get(key);
    if (!colours) {
      colours = (async () => {
        const shiki = await getHighlighter();
        const name = `hk-${++themeCount}-${theme.name}`;
        shiki.loadThemeSync({ ...theme, name, settings: theme.settings ?? [] } as Parameters<HighlighterCore['loadThemeSync']>[0]);
        return new ScopeColours(shiki.getTheme(name));
      })();
      themesByContent.set(key, colours);
    }
    themeColours.set(theme, colours);
  }
  return colours;
}

export function highlightPlugin(options: HighlightOptions = {}): ExpressiveCodePlugin {
  const langAlias = options.langAlias ?? {};
  const upstream = pluginShiki({ langAlias });
  return {
    name: 'hikitsugi:highlight',
    hooks: {
      performSyntaxAnalysis: async (context) => {
        const { codeBlock, styleVariants } = context;
        const language = langAlias[codeBlock.language] ?? codeBlock.language;
        const grammar = await grammarFor(language);
        if (!grammar) return upstream.hooks!.performSyntaxAnalysis!(context);
        const themes = await Promise.all(styleVariants.map((variant) => coloursFor(variant.theme)));
        const code = TERMINAL.has(codeBlock.language) ? codeBlock.code.replace(/<([^>]*[^>\s])>/g, 'X$1X') : codeBlock.code;
        const codeLines = codeBlock.getLines();
        const foregrounds = styleVariants.map((variant) => String(variant.resolvedStyleSettings.get('codeForeground') ?? ''));
        tokenizeForThemes(grammar, code, themes).forEach((ranges, lineIndex) => {
          for (const { start, end, styles } of visibleRanges(codeLines[lineIndex]?.text ?? '', ranges, foregrounds)) {
            styles.forEach((style, styleVariantIndex) => {
              codeLines[lineIndex]?.addAnnotation(
                new InlineStyleAnnotation({
                  styleVariantIndex,
                  color: style.color,
                  italic: (style.fontStyle & FONT.italic) !== 0,
                  bold: (style.fontStyle & FONT.bold) !== 0,
                  underline: (style.fontStyle & FONT.underline) !== 0,
                  strikethrough: (style.fontStyle & FONT.strikethrough) !== 0,
                  inlineRange: { columnStart: start, columnEnd: end },
                  renderPhase: 'earliest',
                }),
              );
            });
          }
        });
      },
    },
  };
}
