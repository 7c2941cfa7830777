// The integration as one JavaScript file, built from src/ by scripts/build-integration.mjs when
// the package is installed from this repository or packed (npm's `prepare`). Loading it takes no
// TypeScript compiler: tsx compiling the integration's 49 modules was 0.3 s of every build's start.
// entry.mjs loads it only while it matches the sources it was built from, byte for byte; otherwise
// (a source edited since, a missing or damaged file) the sources are loaded through tsx, as before.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The package root: the bundle's inputs are named relative to it. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Beside index.ts, so that the URLs the integration makes from import.meta.url still hold.
export const BUNDLE = 'src/integration/index.prebuilt.mjs';
export const MANIFEST = 'src/integration/index.prebuilt.json';

/** One hash over the named files' paths and bytes. */
export function hashFiles(root, files) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) hash.update(`${file}\0`).update(readFileSync(join(root, file))).update('\0');
  return hash.digest('base64url');
}

/** What the build script writes beside the bundle. */
export function manifestFor(root, inputs) {
  return { inputs: [...inputs].sort(), sources: hashFiles(root, inputs), bundle: hashFiles(root, [BUNDLE]) };
}

/** The bundle's file URL when it and its manifest match the sources; undefined otherwise. */
export function freshBundle(root = PACKAGE_ROOT) {
  try {
    const manifest = JSON.parse(readFileSync(join(root, MANIFEST), 'utf8'));
    if (!Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return undefined;
    if (hashFiles(root, manifest.inputs) !== manifest.sources || hashFiles(root, [BUNDLE]) !== manifest.bundle) return undefined;
    return pathToFileURL(join(root, BUNDLE)).href;
  } catch {
    return undefined;
  }
}
