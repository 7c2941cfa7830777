/** What `hikitsugi init` writes for a Japanese handbook, for tests that hold other files to it. */
import { starterFiles, type FileSet, type StarterInput } from '../../src/lib/scaffold/starter.ts';

export const STARTER_INPUT: StarterInput = { name: 'hb', lang: 'ja', today: '2026-11-24', versions: { hikitsugi: '^1.0.0', astro: '^7.0.0' } };

export function newHandbookFiles(): FileSet {
  return starterFiles(STARTER_INPUT);
}

/** The npm scripts of a new handbook: all a team has besides `npx hikitsugi`. */
export function starterScripts(): Record<string, string> {
  return JSON.parse(newHandbookFiles()['package.json']).scripts;
}
