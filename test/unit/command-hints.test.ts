/**
 * What hikitsugi prints or writes for a team (help examples, hints in messages, the weekly issue,
 * pull request comments, handover docs, site pages) names commands that exist in the team's
 * handbook: `npx hikitsugi <command>`, or an npm script of the package.json `init` writes. The npm
 * scripts of this repository (`npm run review`, `npm run lint:content`) are not there.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { expect, it } from 'vitest';
import { REPO } from '../support/build.ts';
import { starterScripts } from '../support/starter.ts';

const scripts = Object.keys(starterScripts());

// This repository's own tooling (docs/cli.md's generator); the prebuilt bundles repeat the sources.
const NOT_FOR_TEAMS = new Set(['src/cli/reference.ts']);

it('every `npm run <script>` hikitsugi prints or writes is a script of a new handbook', () => {
  const files = globSync(['scripts/*.{ts,mjs}', 'src/**/*.{ts,mjs,astro}', 'content/**/*', '!**/*.prebuilt.mjs'], { cwd: REPO });
  expect(files.length).toBeGreaterThan(100);
  const wrong: string[] = [];
  for (const file of files.filter((f) => !NOT_FOR_TEAMS.has(f))) {
    readFileSync(join(REPO, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.trim();
        // Comments are for us; a program's name is what this repository's npm script shows.
        if (/^(\/\/|\/?\*)/.test(code) || code.includes('new Command(')) return;
        for (const [, name] of line.matchAll(/npm run (?:-s |--silent )?([\w:-]+)/g)) {
          if (!scripts.includes(name)) wrong.push(`${file}:${i + 1}: npm run ${name}`);
        }
      });
  }
  expect(wrong).toEqual([]);
});
