/**
 * Astro 7, @astrojs/mdx 8 and vitest 5 need Node >= 22.12. The machines ship Node 20; the
 * project pins Node 24 through the `node` dev dependency. Fail loudly, with the fix, when
 * something is started with the wrong runtime instead of crashing later with an obscure error.
 */
export const MIN_NODE = [22, 12] as const;

export function nodeVersionProblem(version: string = process.versions.node): string | undefined {
  const [major, minor] = version.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return undefined;
  return (
    `hikitsugi needs Node >= ${MIN_NODE.join('.')}, but this is Node ${version}.\n` +
    `Run it through npm (npm start, npm test, npm run <script>): npm ci installs Node 24 into\n` +
    `node_modules/.bin, and npm scripts use it. Do not install with --ignore-scripts.`
  );
}
