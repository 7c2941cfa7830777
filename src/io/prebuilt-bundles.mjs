// Parts of the package as single JavaScript files, built from src/ by scripts/build-bundles.mjs
// when the package is installed from this repository or packed (npm's `prepare`). Loading one takes
// no TypeScript compiler: tsx compiling the integration's 49 modules was 0.3 s of every build's
// start, and the post-build step's worker's 0.15 to 0.8 s more on the second core.
// A bundle is loaded only while it matches the sources it was built from, byte for byte; otherwise
// (a source edited since, a missing or damaged file) the sources are loaded through tsx, as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root: the bundles' inputs are named relative to it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Each bundle sits beside its entry, so that the URLs its modules make from import.meta.url still
 * hold; its manifest lists its inputs and their hash.
 */
export const BUNDLES = {
  integration: { entry: 'src/integration/index.ts', bundle: 'src/integration/index.prebuilt.mjs', manifest: 'src/integration/index.prebuilt.json' },
  builtSite: { entry: 'src/io/built-site.ts', bundle: 'src/io/built-site.prebuilt.mjs', manifest: 'src/io/built-site.prebuilt.json' },
};

/** One hash over the named files' paths and bytes. */
export function hashFiles(root, files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('base64url');
}

/** What the build script writes beside a bundle. */
export function manifestFor(root, inputs, name = 'integration') {
  return { inputs: [...inputs].sort(), sources: hashFiles(root, inputs), bundle: hashFiles(root, [BUNDLES[name].bundle]) };
}

/** The bundle's file URL when it and its manifest match the sources; undefined otherwise. */
export function freshBundle(root = PACKAGE_ROOT, name = 'integration') {
  const { bundle, manifest: manifestFile } = BUNDLES[name];
  try {
    const manifest = JSON.parse(readFileSync(join(root, manifestFile), 'utf8'));
    if (!Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return undefined;
    if (hashFiles(root, manifest.inputs) !== manifest.sources || hashFiles(root, [bundle]) !== manifest.bundle) return undefined;
    return pathToFileURL(join(root, bundle)).href;
  } catch {
    return undefined;
  }
}

/** A bundle's module: the prebuilt file while it is fresh, else its entry's sources through tsx. */
export async function importPrebuilt(name) {
  const bundle = freshBundle(PACKAGE_ROOT, name);
  if (bundle) return import(bundle);
  const { tsImport } = await import('tsx/esm/api');
  return tsImport(pathToFileURL(join(PACKAGE_ROOT, BUNDLES[name].entry)).href, import.meta.url);
}
