/**
 * The layering rule of the house, as data, and a checker that reads the imports of real files.
 * `lib` (pure) <- `io` <- site / cli; site and cli never import each other; nothing outside test/
 * imports from test/. Imports are read with es-module-lexer (the lexer Vite and Astro use), so a
 * string or template that merely looks like an import (bench/projects.ts writes config files) is
 * not one; `.astro` files contribute their frontmatter and their bundled `<script>` blocks.
 */
import { init, parse } from 'es-module-lexer';
import { posix } from 'node:path';

export type Layer = 'lib' | 'io' | 'site' | 'cli' | 'bench' | 'test' | 'root';

/** Which layers each layer may import from (its own always included). */
export const ALLOWED: Record<Layer, readonly Layer[]> = {
  lib: ['lib'],
  io: ['lib', 'io'],
  site: ['lib', 'io', 'site'],
  cli: ['lib', 'io', 'cli'],
  // The benchmark is a dev tool with a CLI; bench/harness/ holds the servers and browser launcher
  // the tests share with it, so test/ imports bench/, never the other way round.
  bench: ['lib', 'io', 'cli', 'bench'],
  test: ['lib', 'io', 'site', 'cli', 'bench', 'test', 'root'],
  root: ['lib', 'io', 'site', 'cli', 'root'],
};

const SITE_FOLDERS = ['src/site/', 'src/routes/', 'src/components/', 'src/integration/', 'src/styles/'];

/** The layer of a repository-relative path (posix separators). */
export function layerOf(path: string): Layer {
  if (path.startsWith('src/lib/')) return 'lib';
  if (path.startsWith('src/io/')) return 'io';
  if (path.startsWith('src/cli/') || path.startsWith('scripts/')) return 'cli';
  if (SITE_FOLDERS.some((folder) => path.startsWith(folder)) || path.startsWith('src/')) return 'site';
  if (path.startsWith('bench/')) return 'bench';
  if (path.startsWith('test/')) return 'test';
  return 'root';
}

/** Built-in modules that do I/O: src/lib stays pure, so it imports none of them. */
const IO_BUILTINS = new Set([
  'fs', 'fs/promises', 'child_process', 'http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'readline', 'worker_threads', 'cluster',
]);

/** Why a bare specifier is wrong for a layer, or undefined. */
function bareProblem(layer: Layer, specifier: string): string | undefined {
  const builtin = specifier.replace(/^node:/, '');
  if (layer === 'lib' && (specifier.startsWith('node:') || !specifier.includes(':')) && IO_BUILTINS.has(builtin)) {
    return 'src/lib is pure and does no I/O';
  }
  if ((layer === 'lib' || layer === 'io' || layer === 'cli') && /^(astro|virtual):/.test(specifier)) {
    return `${layer} must not depend on Astro's build-time modules`;
  }
  return undefined;
}

export interface SourceFile {
  /** Repository-relative, posix separators. */
  path: string;
  text: string;
}

export interface FoundImport {
  specifier: string;
  line: number;
}

/** The script parts of an .astro file, everything else blanked so offsets and lines stay true. */
function astroScripts(text: string): string {
  const keep: Array<[number, number]> = [];
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) keep.push([front.index + front[0].indexOf('\n') + 1, front.index + front[0].indexOf('\n') + 1 + front[1].length]);
  for (const m of text.matchAll(/<script\b(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)) {
    const start = m.index + m[0].indexOf('>') + 1;
    keep.push([start, start + m[1].length]);
  }
  let out = text.replace(/[^\n]/g, ' ');
  for (const [a, b] of keep) out = out.slice(0, a) + text.slice(a, b) + out.slice(b);
  return out;
}

/** Every static import/export-from and every literal dynamic import, with its line. */
export async function readImports(file: SourceFile): Promise<FoundImport[]> {
  await init;
  let code = file.path.endsWith('.astro') ? astroScripts(file.text) : file.text;
  // es-module-lexer reads JavaScript; TypeScript's `export type { X } from` is the one import form
  // it skips, so present it as the equivalent `export { X } from` (same length, same offsets).
  code = code.replace(/\bexport(\s+)type(\s*)\{/g, (_m, a: string, b: string) => `export${a}    ${b}{`);
  const [imports] = parse(code, file.path);
  const found: FoundImport[] = [];
  for (const entry of imports) {
    if (entry.n === undefined || entry.t === 3 /* import.meta */) continue;
    found.push({ specifier: entry.n, line: code.slice(0, entry.ss).split('\n').length });
  }
  return found;
}

/** One message per wrong import: `file:line imports 'x' (layer -> layer): why`. */
export async function checkLayers(files: readonly SourceFile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const from = layerOf(file.path);
    for (const { specifier, line } of await readImports(file)) {
      const where = `${file.path}:${line} imports '${specifier}'`;
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file.path), specifier));
        const to = layerOf(target);
        if (target.startsWith('../')) problems.push(`${where}: it leaves the repository`);
        else if (!ALLOWED[from].includes(to)) problems.push(`${where} (${from} -> ${to}): ${from} may import only ${ALLOWED[from].join(', ')}`);
      } else {
        const why = bareProblem(from, specifier);
        if (why) problems.push(`${where}: ${why}`);
      }
    }
  }
  return problems;
}
