/**
 * Import benchmark: a 2,000-sticky board served by the local Miro-shaped test server, imported
 * by the KPT importer (#3). Measured only when the importer and its test server are present.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './projects.ts';
import type { ImportResult } from './report.ts';

export const IMPORT_ITEMS = 2000;

export async function importBenchmark(): Promise<ImportResult> {
  if (!existsSync(join(REPO, 'test/support/miro-server.ts'))) {
    return { status: 'not-measured', reason: 'importer not merged yet (#3: no test/support/miro-server.ts on this branch)' };
  }
  return { status: 'not-measured', reason: 'importer present but the import benchmark is not wired yet' };
}
