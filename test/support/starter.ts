/** The npm scripts of a handbook made by `hikitsugi init`: all a team has besides `npx hikitsugi`. */
import { starterFiles } from '../../src/lib/scaffold/starter.ts';

export function starterScripts(): Record<string, string> {
  const files = starterFiles({ name: 'hb', lang: 'ja', today: '2026-11-24', versions: { hikitsugi: '^1.0.0', astro: '^7.0.0' } });
  return JSON.parse(files['package.json']).scripts;
}
