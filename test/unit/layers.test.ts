import { globSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLayers, layerOf, readImports, type SourceFile } from '../support/import-layers.ts';
import { REPO } from '../support/build.ts';

const repoFiles = (): SourceFile[] =>
  globSync('{src,scripts,bench}/**/*.{ts,mts,mjs,js,astro}', { cwd: REPO, exclude: ['bench/work/**'] })
    .map((path) => path.split('\\').join('/'))
    .sort()
    .map((path) => ({ path, text: readFileSync(`${REPO}/${path}`, 'utf8') }));

describe('import directions: lib <- io <- site / cli, nothing outside test/ imports test/', () => {
  it('holds for every file in src/, scripts/ and bench/', async () => {
    const files = repoFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(await checkLayers(files)).toEqual([]);
  });

  it('names the file, the line and the import when a direction is wrong', async () => {
    const wrong: SourceFile[] = [
      { path: 'src/lib/kpt/x.ts', text: "import { a } from '../../io/config.ts';\nimport { readFileSync } from 'node:fs';\n" },
      { path: 'src/io/y.ts', text: "// one\nexport type { Z } from '../site/i18n.ts';\n" },
      { path: 'src/integration/z.ts', text: "import { assertNodeVersion } from '../cli/assert-node.ts';\n" },
      { path: 'scripts/w.ts', text: "const m = await import('../src/routes/home.astro');\n" },
      { path: 'bench/v.ts', text: "import { startMiroServer } from '../test/support/miro-server.ts';\n" },
      { path: 'src/lib/u.ts', text: "import { getCollection } from 'astro:content';\nimport s from 'virtual:hikitsugi/settings';\n" },
      {
        path: 'src/components/T.astro',
        text: "---\nimport { x } from '../cli/run.ts';\n---\n<p>import { no } from '../cli/args.ts'</p>\n<script>\nimport { y } from '../../test/support/browser.ts';\n</script>\n",
      },
    ];
    expect(await checkLayers(wrong)).toEqual([
      "src/lib/kpt/x.ts:1 imports '../../io/config.ts' (lib -> io): lib may import only lib",
      "src/lib/kpt/x.ts:2 imports 'node:fs': src/lib is pure and does no I/O",
      "src/io/y.ts:2 imports '../site/i18n.ts' (io -> site): io may import only lib, io",
      "src/integration/z.ts:1 imports '../cli/assert-node.ts' (site -> cli): site may import only lib, io, site",
      "scripts/w.ts:1 imports '../src/routes/home.astro' (cli -> site): cli may import only lib, io, cli",
      "bench/v.ts:1 imports '../test/support/miro-server.ts' (bench -> test): bench may import only lib, io, cli, bench",
      "src/lib/u.ts:1 imports 'astro:content': lib must not depend on Astro's build-time modules",
      "src/lib/u.ts:2 imports 'virtual:hikitsugi/settings': lib must not depend on Astro's build-time modules",
      "src/components/T.astro:2 imports '../cli/run.ts' (site -> cli): site may import only lib, io, site",
      "src/components/T.astro:6 imports '../../test/support/browser.ts' (site -> test): site may import only lib, io, site",
    ]);
  });

  it('accepts the directions the rule allows, and text that only looks like an import', async () => {
    const fine: SourceFile[] = [
      { path: 'src/io/a.ts', text: "import { b } from '../lib/kpt/index.ts';\nimport { readFile } from 'node:fs/promises';\n" },
      { path: 'src/site/c.ts', text: "import { d } from '../io/a.ts';\nimport { e } from '../lib/i18n/ui.ts';\nimport s from 'virtual:hikitsugi/settings';\n" },
      { path: 'scripts/f.ts', text: "import { g } from '../src/cli/run.ts';\nimport { h } from '../src/io/config.ts';\n" },
      { path: 'bench/i.ts', text: "const config = `import x from '../test/support/j.ts';`;\nimport { k } from './harness/miro-server.ts';\n" },
      { path: 'test/unit/l.test.ts', text: "import { m } from '../../bench/harness/browser.ts';\nimport { n } from '../../src/site/c.ts';\n" },
    ];
    expect(await checkLayers(fine)).toEqual([]);
  });

  it('sorts paths into their layers', async () => {
    expect(['src/lib/a.ts', 'src/io/b.ts', 'src/routes/c.astro', 'src/integration/d.ts', 'src/cli/e.ts', 'scripts/f.ts', 'bench/g.ts', 'test/h.ts', 'astro.config.mjs'].map(layerOf))
      .toEqual(['lib', 'io', 'site', 'site', 'cli', 'cli', 'bench', 'test', 'root']);
    expect((await readImports({ path: 'x.ts', text: "import type { A } from './a.ts';\nexport * from './b.ts';\n" })).map((i) => i.specifier))
      .toEqual(['./a.ts', './b.ts']);
  });
});
