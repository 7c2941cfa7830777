/**
 * How every hikitsugi CLI starts and ends: checks the Node version, turns known failures into
 * one readable line and an exit code, and never prints a stack trace for a user's mistake.
 *   0 success · 1 the command failed (bad content, network, ...) · 2 wrong usage
 */
import { assertNodeVersion } from '../io/assert-node.ts';

/** The user asked for something that cannot be done as asked (bad flag, missing argument). */
export class UsageError extends Error {}
/** The command ran and failed in a way the user can act on; the message says how. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export async function runCli(main: () => Promise<number | void>): Promise<void> {
  assertNodeVersion();
  // `npm run knowledge | head` closes the pipe early: the reader is done, the command did not fail.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n(see --help)`);
      process.exitCode = 2;
    } else if (error instanceof CliError) {
      console.error(`error: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      const e = error as Error;
      console.error(`error: ${e?.message ?? String(error)}`);
      if (process.env.DEBUG) console.error(e?.stack);
      process.exitCode = 1;
    }
  }
}
