/**
 * Argument parsing shared by every CLI: commander does the parsing and help, mistakes become
 * one-line UsageErrors (exit 2) printed by runCli, and --help/--version end the run with 0.
 */
import { CommanderError, InvalidArgumentError, type Command } from 'commander';
import { isIsoDate } from '../lib/content/dates.ts';
import { UsageError } from './run.ts';

let commandName: string | undefined;
/** The name help and errors show, e.g. `hikitsugi knowledge` when started through the `hikitsugi` command. */
export function setCommandName(name: string): void {
  commandName = name;
}

/** Parses argv (running any subcommand actions). False when --help or --version was shown. */
export async function parseArgs(program: Command, argv: string[] = process.argv): Promise<boolean> {
  if (commandName) program.name(commandName);
  program.exitOverride().configureOutput({ writeErr: () => {}, outputError: () => {} });
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeErr: () => {}, outputError: () => {} });
  try {
    await program.parseAsync(argv);
    return true;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return false;
      throw new UsageError(error.message.replace(/^error: /, ''));
    }
    throw error;
  }
}

/** Option parser: a calendar day in YYYY-MM-DD form. */
export function isoDateArg(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('expected a date in YYYY-MM-DD form');
  return value;
}

/** Option parser: a whole number, 0 or more. */
export function countArg(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0 or more)');
  return Number(value);
}
