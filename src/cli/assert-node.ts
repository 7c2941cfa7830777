import { nodeVersionProblem } from '../lib/runtime/node-version.ts';

/** Stops at once, with the fix, when started on a Node that Astro 7 and vitest 5 cannot run on. */
export function assertNodeVersion(): void {
  const problem = nodeVersionProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
