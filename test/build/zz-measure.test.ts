import { it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAstro, startBuildSession, endBuildSession } from '../support/build.ts';
import { makeContentDir } from '../support/content-fixture.ts';

const N = 20;
const files: Record<string, string> = {};
for (let i = 0; i < N; i++) files[`runbooks/rb-${i}.md`] = `---\ntitle: 手順 ${i}\nservice: svc-${i}\nseverity: critical\nowners: [aoki]\nreviewed: 2026-10-01\n---\n\n## 概要\n\n[次](/runbooks/rb-${(i + 1) % N}/)\n`;
it('measure', async () => {
  const dir = makeContentDir(files);
  const s = startBuildSession();
  const f = join(s.root, 'src/site/checked-loader.ts');
  writeFileSync(f, readFileSync(f, 'utf8').replace('try {\n            const source', 'try {\n            process.stderr.write(`RENDER ${entry.id}\\n`);\n            const source'));
  for (const n of [1, 2]) {
    const r = await runAstro({ contentDir: dir, session: s });
    console.log(n, r.code, (r.output.match(/RENDER/g) ?? []).length);
  }
  writeFileSync(join(dir, 'runbooks/new.md'), files['runbooks/rb-0.md'].replace('手順 0', '新しい'));
  const r = await runAstro({ contentDir: dir, session: s });
  console.log('after adding a page', r.code, (r.output.match(/RENDER/g) ?? []).length);
  endBuildSession(s);
}, 1_200_000);
