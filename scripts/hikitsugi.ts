/**
 * `hikitsugi <command>`: one entry point for every CLI. Each command is its own script in this
 * folder (also run directly by the npm scripts and tests); this only finds it and hands it the
 * rest of the command line.
 */
import { setCommandName } from '../src/cli/args.ts';
import { assertNodeVersion } from '../src/io/assert-node.ts';
import { COMMANDS, findCommand, usage } from '../src/cli/commands.ts';

assertNodeVersion();

const args = process.argv.slice(2);
const found = findCommand(args);
if (!found) {
  const wanted = args.filter((a) => !a.startsWith('-'));
  const asked = args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help';
  if (args.includes('--version') || args.includes('-V')) {
    const { readFileSync } = await import('node:fs');
    console.log(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  } else if (asked && wanted.length <= (args[0] === 'help' ? 1 : 0)) {
    process.stdout.write(usage());
  } else if (COMMANDS.some((c) => c.name.startsWith(`${wanted[0]} `))) {
    const subs = COMMANDS.filter((c) => c.name.startsWith(`${wanted[0]} `)).map((c) => c.name);
    console.error(`error: "${wanted.join(' ')}" is not a command; did you mean ${subs.join(' or ')}?\n(see hikitsugi --help)`);
    process.exitCode = 2;
  } else {
    console.error(`error: unknown command "${wanted.join(' ')}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})\n(see hikitsugi --help)`);
    process.exitCode = 2;
  }
} else {
  setCommandName(`hikitsugi ${found.command.name}`);
  process.argv = [process.argv[0], found.command.script, ...found.rest];
  await import(`./${found.command.script}`);
}
