/**
 * Style attributes turned into classes of one shared stylesheet. The same declarations always get
 * the same class, so the thousands of Expressive Code token spans share a few dozen rules.
 * Declarations keep the precedence an attribute had (over every normal rule) with !important.
 */
import { createHash } from 'node:crypto';
import type { StyleAttribute } from './html.ts';

/** One declaration list, split on `;` outside strings and brackets; undefined when it could break out of a rule. */
export function parseDeclarations(style: string): Array<[property: string, value: string]> | undefined {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (let i = 0; i < style.length; i++) {
    const c = style[i];
    if (c === '\\') {
      current += c + (style[i + 1] ?? '');
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    // Braces, comments and a `<` (as in </style>) are never part of a declaration we copy out.
    else if (c === '{' || c === '}' || c === '<' || (c === '/' && style[i + 1] === '*')) return undefined;
    else if (c === ';' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    if (depth < 0) return undefined;
    current += c;
  }
  if (quote || depth !== 0) return undefined;
  parts.push(current);
  const declarations: Array<[string, string]> = [];
  for (const part of parts) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    if (colon <= 0) return undefined;
    const rawName = part.slice(0, colon).trim();
    const name = rawName.startsWith('--') ? rawName : rawName.toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important\s*$/i, '')
      .trim();
    if (!/^(--)?[A-Za-z_-][\w-]*$/.test(name) || value === '' && !name.startsWith('--')) return undefined;
    declarations.push([name, value]);
  }
  return declarations;
}

/** The class for Starlight's search shortcut hint, hidden until the search element is defined. */
export const SEARCH_HINT_CLASS = 'hk-search-hint';

export interface StyleRegistry {
  /** The class for an attribute, or undefined when its value is not safe to copy (it is dropped). */
  classFor(attribute: StyleAttribute): string | undefined;
  /** How many attributes went through classFor and were moved. */
  readonly moved: number;
  /** Attribute values that were dropped, unsafe or unparseable. */
  readonly dropped: string[];
  classCount(): number;
  css(): string;
}

/**
 * Class names: `hk-v…` for values that start with `--` (Expressive Code's token colours, which its
 * CSS selects with `[style^='--']`; see rewriteStyleSelectors), `hk-s…` for the rest.
 */
export function createStyleRegistry(): StyleRegistry {
  const classes = new Map<string, { name: string; body: string }>();
  const dropped: string[] = [];
  let moved = 0;
  let hint = false;
  let counter = 0;
  const classOf = (attribute: StyleAttribute): { name: string | undefined } | null => {
    const declarations = parseDeclarations(attribute.value);
    if (!declarations) return null;
    if (declarations.length === 0) return { name: undefined };
    const body = declarations.map(([p, v]) => `${p}:${v}!important`).join(';');
    if (attribute.searchHint && body === 'display:none!important') {
      hint = true;
      return { name: SEARCH_HINT_CLASS };
    }
    const prefix = attribute.value.startsWith('--') ? 'hk-v' : 'hk-s';
    const key = `${prefix}{${body}`;
    let entry = classes.get(key);
    if (!entry) {
      entry = { name: `${prefix}${(counter++).toString(36)}`, body };
      classes.set(key, entry);
    }
    return { name: entry.name };
  };
  // A site repeats a few dozen values hundreds of thousands of times (every code token): each
  // distinct value is parsed once; null marks one that is dropped.
  const answers = new Map<string, { name: string | undefined } | null>();
  return {
    classFor(attribute) {
      const key = (attribute.searchHint ? 'h' : 'n') + attribute.value;
      let answer = answers.get(key);
      if (answer === undefined) answers.set(key, (answer = classOf(attribute)));
      if (answer === null) {
        dropped.push(attribute.value);
        return undefined;
      }
      moved++;
      return answer.name;
    },
    get moved() {
      return moved;
    },
    dropped,
    classCount: () => classes.size + (hint ? 1 : 0),
    css() {
      const rules = [...classes.values()].map(({ name, body }) => `.${name}{${body}}`);
      // Starlight's inline script shows the hint by clearing the attribute; a class cannot be
      // cleared that way, so the hint shows once the search's custom element is defined instead.
      if (hint) rules.push(`site-search:not(:defined) .${SEARCH_HINT_CLASS}{display:none!important}`);
      return rules.length ? rules.join('\n') + '\n' : '';
    },
  };
}

/** The shared stylesheet's file name: its content hash, so a changed file gets a new URL. */
export function stylesheetName(css: string): string {
  const hash = createHash('sha256').update(css).digest('base64url').slice(0, 8);
  return `hk-inline-styles.${hash}.css`;
}

/**
 * Expressive Code colours token spans with `span[style^='--']:not([class])`, which no longer
 * matches once the style is a class: the same spans are now those whose class starts with hk-v
 * (an element that had a class keeps it first, so it still does not match, as before).
 */
export function rewriteStyleSelectors(css: string): { css: string; count: number } {
  let count = 0;
  const out = css.replace(/\[style\^=(['"]?)--\1\]:not\(\[class\]\)/g, () => {
    count++;
    return "[class^='hk-v']";
  });
  return { css: out, count };
}

/** Attribute selectors on style that are left after the rewrite: they select nothing now. */
export const styleSelectorsLeft = (css: string) => css.match(/\[style[\^$*~|]?=?[^\]]*\]/g) ?? [];
