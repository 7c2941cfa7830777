/**
 * Expressive Code plugin: Shiki gives every token its own `<span style="--0:…;--1:…">` with one
 * colour per theme, also the spaces between words and the words drawn in the block's plain
 * foreground colour. Those spans change nothing on screen (the code element already has that
 * colour; a space shows no colour), yet they are about half the spans of a shell block. So:
 * a span that only repeats the foreground colour, or colours only whitespace, gives way to its
 * text; two tokens of the same colour with only whitespace between them become one span.
 * Every token with a colour of its own keeps it.
 */
import type { Element, ElementContent } from 'hast';
import { definePlugin, type ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/** `--0:#D6DEEB;--1:#403F53` → Map { '--0' => '#d6deeb', '--1' => '#403f53' } */
export function tokenStyles(style: string): Map<string, string> {
  const styles = new Map<string, string>();
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    styles.set(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return styles;
}

/** Only per-theme colours (`--0`, `--1`): a background, underline or font change shows even on a space. */
const COLOUR_ONLY = /^--\d+$/;

interface ColourToken extends Element {
  properties: Element['properties'] & { style: string };
}

// A site's code has a few dozen distinct token styles and hundreds of thousands of token spans:
// each style is parsed once.
const parsedStyles = new Map<string, { styles: Map<string, string>; colourOnly: boolean }>();
function parsedStyle(style: string) {
  let parsed = parsedStyles.get(style);
  if (!parsed) {
    const styles = tokenStyles(style);
    parsed = { styles, colourOnly: [...styles.keys()].every((key) => COLOUR_ONLY.test(key)) };
    parsedStyles.set(style, parsed);
  }
  return parsed;
}

/** A token span that sets per-theme text colours and nothing else, around plain text. */
function colourToken(node: ElementContent): ColourToken | undefined {
  if (node.type !== 'element' || node.tagName !== 'span' || node.properties?.className !== undefined) return undefined;
  const style = node.properties?.style;
  if (typeof style !== 'string' || !style.startsWith('--')) return undefined;
  if (!parsedStyle(style).colourOnly) return undefined;
  if (!node.children.every((child) => child.type === 'text')) return undefined;
  return node as ColourToken;
}

const textOf = (node: Element): string => node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

/** `foregrounds[i]` is the code colour of theme i: a token of exactly those colours, or of whitespace, shows nothing of its own. */
export function isInvisibleToken(node: ElementContent, foregrounds: readonly string[]): boolean {
  const token = colourToken(node);
  if (!token) return false;
  if (/^\s*$/.test(textOf(token))) return true;
  const { styles } = parsedStyle(token.properties.style);
  return styles.size === foregrounds.length && foregrounds.every((colour, i) => styles.get(`--${i}`) === colour.toLowerCase());
}

function appendText(children: ElementContent[], value: string): void {
  const last = children.at(-1);
  if (last?.type === 'text') last.value += value;
  else children.push({ type: 'text', value });
}

/** Rewrites the token spans under `node` (a rendered line) as described above. */
export function simplifyTokens(node: Element, foregrounds: readonly string[]): void {
  const children: ElementContent[] = [];
  for (const child of node.children) {
    if (child.type === 'text' || isInvisibleToken(child, foregrounds)) {
      appendText(children, child.type === 'text' ? child.value : textOf(child as Element));
      continue;
    }
    if (child.type === 'element') simplifyTokens(child, foregrounds);
    const gap = children.at(-1)?.type === 'text' ? (children.at(-1) as { value: string }).value : undefined;
    const before = children.at(gap === undefined ? -1 : -2);
    const previous = before && colourToken(before);
    const current = colourToken(child);
    if (previous && current && previous.properties.style === current.properties.style && /^\s*$/.test(gap ?? '')) {
      if (gap !== undefined) children.pop();
      previous.children = [{ type: 'text', value: textOf(previous) + (gap ?? '') + textOf(current) }];
      continue;
    }
    children.push(child);
  }
  node.children = children;
}

export function codeTokensPlugin(): ExpressiveCodePlugin {
  return definePlugin({
    name: 'hikitsugi-code-tokens',
    hooks: {
      postprocessRenderedLine({ renderData, styleVariants }) {
        const foregrounds = styleVariants.map((variant) => String(variant.resolvedStyleSettings.get('codeForeground') ?? ''));
        // Only when every theme's code colour is a plain colour the token styles can be compared with.
        if (foregrounds.some((colour) => !/^#[0-9a-f]{6}([0-9a-f]{2})?$/i.test(colour))) return;
        simplifyTokens(renderData.lineAst, foregrounds);
      },
    },
  });
}
