import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'astro/loaders';
import { listPageFiles } from '../../src/io/page-files.ts';
import { PAGE_PATTERN } from '../../src/lib/content/globs.ts';

const root = mkdtempSync(join(tmpdir(), 'hikitsugi-globs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const tree = [
  'a.md',
  'b.mdx',
  'sub/c.md',
  'sub/deeper/d.mdx',
  // Not pages: another case, another extension, drafts and partials, dotfiles, dependencies.
  'Upper.MD',
  'old.markdown',
  'notes.txt',
  '_partial.mdx',
  '_drafts/draft.md',
  'sub/_hidden.md',
  '.github/x.md',
  '.dot.md',
  'node_modules/pkg/README.md',
  'sub/node_modules/pkg/y.md',
];
for (const f of tree) {
  mkdirSync(dirname(join(root, f)), { recursive: true });
  writeFileSync(join(root, f), '---\ntitle: x\n---\n');
}

/** The files Astro's glob loader reads with our pattern, by running its load() against a bare store. */
async function loaderFiles(base: string): Promise<string[]> {
  const seen: string[] = [];
  const entryType = {
    getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
      seen.push(relative(base, fileURLToPath(fileUrl)).split('\\').join('/'));
      return { body: contents, data: {} };
    },
  };
  const store = new Map<string, unknown>();
  const loader = glob({ pattern: PAGE_PATTERN, base });
  const noop = () => {};
  await loader.load({
    config: { root: pathToFileURL(`${base}/`), srcDir: pathToFileURL(`${base}/src/`) },
    collection: 'pages',
    logger: { warn: noop, error: noop, info: noop, debug: noop },
    parseData: async ({ data }: { data: unknown }) => data,
    store: {
      keys: () => store.keys(),
      get: (id: string) => store.get(id),
      set: (e: { id: string }) => store.set(e.id, e),
      delete: (id: string) => store.delete(id),
      addModuleImport: noop,
      addAssetImports: noop,
    },
    generateDigest: (s: string) => String(s.length),
    entryTypes: new Map([
      ['.md', entryType],
      ['.mdx', entryType],
    ]),
  } as never);
  return seen.sort();
}

describe('the page list and the content loader', () => {
  it('the loader reads Markdown and MDX pages, not drafts, other cases, dotfiles or dependencies', async () => {
    expect(await loaderFiles(root)).toEqual(['a.md', 'b.mdx', 'sub/c.md', 'sub/deeper/d.mdx']);
  });

  it('listPageFiles lists exactly the files the loader reads', async () => {
    const listed = listPageFiles(root).map((f) => relative(root, f).split('\\').join('/'));
    expect(listed).toEqual(await loaderFiles(root));
  });

  it('with drafts, the linter also gets the _ files, still no dependencies or dotfiles', () => {
    const listed = listPageFiles(root, { includeDrafts: true }).map((f) => relative(root, f).split('\\').join('/'));
    expect(listed).toEqual(['_drafts/draft.md', '_partial.mdx', 'a.md', 'b.mdx', 'sub/_hidden.md', 'sub/c.md', 'sub/deeper/d.mdx']);
  });

  it('a missing folder lists no pages', () => {
    expect(listPageFiles(join(root, 'missing'))).toEqual([]);
  });
});
