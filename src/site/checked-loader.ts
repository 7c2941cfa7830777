/**
 * The glob loader, made strict:
 * - the raw front matter is checked for impossible dates (which YAML would otherwise roll over
 *   silently), naming file, line and value;
 * - a Markdown page that fails to render fails the sync/build. Astro's glob loader renders `.md`
 *   while loading, logs a render error and stores the entry without a body, which the next build
 *   then reuses from the content cache without a word. Here every render error is collected and
 *   thrown, a cached entry without a body is never reused, and the cache is keyed on what
 *   rendering depends on besides the file (the site's pages, for the link checker), so a page
 *   whose link target went away is checked again;
 * - the body is rendered at its place in the source file, so errors name the author's line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ContentEntryType } from 'astro';
import { findImpossibleDates } from '../lib/content/raw-dates.ts';
import { frontMatterOf } from '../lib/content/front-matter.ts';
import { count } from '../lib/text/count.ts';
import { bodyAtSourcePosition } from '../lib/content/source-lines.ts';

type StoredEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;
type RenderFunction = Awaited<ReturnType<NonNullable<ContentEntryType['getRenderFunction']>>>;
/** Astro passes the entry types to loaders (the glob loader uses them), though its type does not say so. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, ContentEntryType> };

export interface CheckedGlobOptions {
  /** A digest of what rendering reads besides the file itself; a change renders every page again. */
  renderInputs?: () => string;
}

export function checkedGlob(options: Parameters<typeof glob>[0], checks: CheckedGlobOptions = {}): Loader {
  const inner = glob(options);
  return {
    ...inner,
    load: async (context: GlobContext) => {
      if (!context.entryTypes) throw new Error('hikitsugi: Astro no longer passes entryTypes to loaders; the checked loader needs them.');
      const root = fileURLToPath(context.config.root);
      const absolute = (path: string) => (isAbsolute(path) ? path : join(root, path));
      const failures = new Map<string, string>();
      const renders = (filePath: string) => Boolean(context.entryTypes?.get(extensionOf(filePath))?.getRenderFunction);
      const inputs = checks.renderInputs ? context.generateDigest(checks.renderInputs()) : '';
      const store = context.store;

      const strict: GlobContext = {
        ...context,
        logger: quietWhenEmpty(context.logger),
        entryTypes: strictEntryTypes(context.entryTypes, failures),
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\0${inputs}` : { data, inputs }),
        store: {
          ...store,
          // An entry is reused only if it was rendered whole and the images it shows still exist.
          get: ((id: string) => {
            const entry = store.get(id);
            return entry && isReusable(entry, absolute, renders) ? entry : undefined;
          }) as typeof store.get,
        },
        parseData: async (props) => {
          if (props.filePath) {
            const bad = findImpossibleDates(frontMatterOf(readFileSync(absolute(props.filePath), 'utf8')));
            if (bad.length > 0) {
              // +1: the opening --- line comes before the front matter.
              const list = bad.map((b) => `line ${b.line + 1}: "${b.text}" (${b.value} is not a real day)`).join('; ');
              throw new Error(`${props.filePath}: not a valid date, expected YYYY-MM-DD: ${list}`);
            }
          }
          return context.parseData(props);
        },
      };
      await inner.load(strict);

      if (failures.size > 0) {
        // Not even the failed entries stay in the cache: the next build renders them again.
        for (const id of failures.keys()) store.delete(id);
        const list = [...failures.values()].join('\n');
        throw new Error(`${count(failures.size, 'page')} failed to render:\n${list}`);
      }
    },
  };
}

/**
 * The logger without the glob loader's warning for a folder with no pages. A new handbook has no
 * retros or handover pages yet and its site says so on those pages; a warning on every build
 * would teach the team to skip the build's warnings.
 */
function quietWhenEmpty(logger: LoaderContext['logger']): LoaderContext['logger'] {
  const quiet = Object.create(logger) as LoaderContext['logger'];
  quiet.warn = (message: string) => {
    if (!message.startsWith('No files found matching')) logger.warn(message);
  };
  return quiet;
}

/** The same entry types, whose render functions see the body at its source position and record each failure. */
function strictEntryTypes(entryTypes: Map<string, ContentEntryType>, failures: Map<string, string>): Map<string, ContentEntryType> {
  const strict = new Map<string, ContentEntryType>();
  for (const [extension, type] of entryTypes) {
    const getRender = type.getRenderFunction;
    if (!getRender) {
      strict.set(extension, type);
      continue;
    }
    strict.set(extension, {
      ...type,
      getRenderFunction: async (config) => {
        const render = await getRender.call(type, config);
        return (async (entry: Parameters<RenderFunction>[0]) => {
          try {
            const source = entry.filePath ? readFileSync(entry.filePath, 'utf8') : undefined;
            const body = source !== undefined && entry.body !== undefined ? bodyAtSourcePosition(source, entry.body) : entry.body;
            return await render({ ...entry, body });
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            failures.set(entry.id, message.includes(entry.filePath ?? '\0') ? message : `${entry.filePath}: ${message}`);
            throw error;
          }
        }) as RenderFunction;
      },
    });
  }
  return strict;
}

function isReusable(entry: StoredEntry, absolute: (path: string) => string, renders: (filePath: string) => boolean): boolean {
  if (!entry.filePath || entry.deferredRender || !renders(entry.filePath)) return true;
  if (!entry.rendered) return false;
  const dir = dirname(absolute(entry.filePath));
  // Local image paths as the renderer recorded them: decoded, relative to the page.
  return (entry.assetImports ?? []).every((path) => URL.canParse(path) || path.startsWith('/') || existsSync(resolve(dir, path.split(/[?#]/)[0])));
}

function extensionOf(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  return dot === -1 ? '' : filePath.slice(dot);
}
