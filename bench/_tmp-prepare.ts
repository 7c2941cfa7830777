import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORK } from '/work/wt-16/bench/projects.ts';
import { importBenchmark } from '/work/wt-16/bench/import.ts';
mkdirSync(join(WORK, 'import'), { recursive: true });
const r = await importBenchmark();
console.log(JSON.stringify(r.detail, null, 2), r.requests);
