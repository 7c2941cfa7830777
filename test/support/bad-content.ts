/** Table-driven tests for content that must stop the build, naming the file and the problem. */
import { it } from 'vitest';
import { FAILING_BUILD_FLAGS, runAstro } from './build.ts';
import { makeContentDir } from './content-fixture.ts';

/** Name, files to put over the valid fixture (null removes one), patterns the output must match. */
export type BadContentCase = [name: string, files: Record<string, string | null>, patterns: RegExp[], command?: 'sync' | 'build'];

/** One test per case; `sync` (content validation only) unless the problem needs a full build. */
export function itFailsTheBuild(cases: BadContentCase[]): void {
  for (const [name, files, patterns, command] of cases) {
    it(name, async ({ expect }) => {
      const result = await runAstro({ contentDir: makeContentDir(files), command: command ?? 'sync', nodeFlags: FAILING_BUILD_FLAGS });
      expect(result.code, result.output).not.toBe(0);
      for (const p of patterns) expect(result.output).toMatch(p);
    });
  }
}
