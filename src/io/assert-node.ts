import { nodeVersionProblem } from '../lib/runtime/node-version.ts';

/**
 * Stops at once, with the fix, when started on a Node that Astro 7 and vitest 5 cannot run on.
 * It ends the process, so it is I/O: the integration and every CLI share it from here.
 */
export function assertNodeVersion(): void {
  const problem = nodeVersionProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
