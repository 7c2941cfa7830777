/**
 * The benchmark's baseline sites name the packages they use: Astro bundles an integration
 * (Starlight, MDX) only when the site's package.json lists it; a name lost from the list broke
 * stock Starlight's build once Starlight moved from our devDependencies to dependencies.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRunbooks } from '../../bench/generate.ts';
import { WORK, prepareProjects } from '../../bench/projects.ts';

const N = 2; // its own folder under bench/work, apart from the sizes a bench run uses
afterAll(() => rmSync(join(WORK, `n${N}`), { recursive: true, force: true }));

describe('bench baseline projects', () => {
  it('each baseline package.json names every package its config imports, with our version range', () => {
    const projects = prepareProjects(N, generateRunbooks(N));
    const ours = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    const all = { ...ours.peerDependencies, ...ours.dependencies, ...ours.devDependencies };
    const deps = (root: string) => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies;
    expect(deps(projects.b.root)).toEqual({ astro: all.astro, '@astrojs/starlight': all['@astrojs/starlight'] });
    expect(deps(projects.c.root)).toEqual({ astro: all.astro, '@astrojs/mdx': all['@astrojs/mdx'] });
    expect(all['@astrojs/starlight']).toMatch(/\d/);
  });

  it('writes only the projects a size builds (hikitsugi alone at 10,000 runbooks)', () => {
    const projects = prepareProjects(N, generateRunbooks(N), ['a']);
    expect(existsSync(join(projects.a.root, 'astro.config.mjs'))).toBe(true);
    expect(existsSync(join(projects.a.env.CONTENT_DIR, 'runbooks'))).toBe(true);
    expect(existsSync(projects.b.root)).toBe(false);
    expect(existsSync(projects.c.root)).toBe(false);
  });
});
