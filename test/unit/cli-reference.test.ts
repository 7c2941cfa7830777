/** docs/cli.md is each command's --help: a command whose help changed fails here until regenerated. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.ts';
import { REFERENCE_FILE, renderReference } from '../../src/cli/reference.ts';

it('docs/cli.md is current with every command\'s --help (else: npm run docs:cli)', async () => {
  const written = readFileSync(REFERENCE_FILE, 'utf8');
  const current = await renderReference();
  for (const c of COMMANDS) expect(written).toContain(`## hikitsugi ${c.name}\n`);
  expect(written, 'docs/cli.md is stale: run npm run docs:cli').toBe(current);
}, 180_000);
