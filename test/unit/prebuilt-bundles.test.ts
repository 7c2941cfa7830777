/** A prebuilt bundle is used only while it is exactly what its sources build. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLES, freshBundle, manifestFor } from '../../src/io/prebuilt-bundles.mjs';

const { bundle: BUNDLE, manifest: MANIFEST } = BUNDLES.integration;

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

function pkg(): string {
  const root = mkdtempSync(join(tmpdir(), 'hk-prebuilt-'));
  roots.push(root);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('src/integration/index.ts', 'export default 1;\n');
  write('src/lib/a.ts', 'export const a = 1;\n');
  write(BUNDLE, 'export default 1;\n');
  write(MANIFEST, JSON.stringify(manifestFor(root, ['src/integration/index.ts', 'src/lib/a.ts'])));
  return root;
}

describe('freshBundle', () => {
  it('names the bundle while it and every source are as they were built', () => {
    const root = pkg();
    expect(freshBundle(root)).toBe(pathToFileURL(join(root, BUNDLE)).href);
  });

  it('ignores the bundle once a source changes, is removed, or the bundle itself changes', () => {
    let root = pkg();
    writeFileSync(join(root, 'src/lib/a.ts'), 'export const a = 2;\n');
    expect(freshBundle(root)).toBeUndefined();
    root = pkg();
    rmSync(join(root, 'src/lib/a.ts'));
    expect(freshBundle(root)).toBeUndefined();
    root = pkg();
    writeFileSync(join(root, BUNDLE), 'export default 2;\n');
    expect(freshBundle(root)).toBeUndefined();
  });

  it('checks each bundle against its own manifest', () => {
    const root = pkg();
    expect(freshBundle(root, 'integration')).toBeDefined();
    expect(freshBundle(root, 'builtSite')).toBeUndefined();
  });

  it('ignores a missing, empty or unreadable manifest', () => {
    let root = pkg();
    rmSync(join(root, MANIFEST));
    expect(freshBundle(root)).toBeUndefined();
    root = pkg();
    writeFileSync(join(root, MANIFEST), '{"inputs": [], "sources": "", "bundle": ""}');
    expect(freshBundle(root)).toBeUndefined();
    root = pkg();
    writeFileSync(join(root, MANIFEST), '{"inputs": ');
    expect(freshBundle(root)).toBeUndefined();
  });
});
