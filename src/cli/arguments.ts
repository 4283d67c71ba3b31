/** The sub-command and positional arguments of a command, checked alike by every command. */
import { UsageError } from "./common.ts";

/**
 * The arguments after a command's one sub-command (`audit verify`, `erasures replay`), or
 * undefined when none is given or help is asked for (the caller shows its help). Another
 * sub-command is a usage error that says what to `use` instead.
 */
export function argsOfSubcommand(
  argv: string[],
  command: string,
  subcommand: string,
  use: string,
): string[] | undefined {
  const [sub, ...rest] = argv;
  if (sub === subcommand) return rest;
  if (sub === undefined || sub === "--help") return undefined;
  throw new UsageError(`Unknown ${command} command "${sub}". Use ${use}.`);
}

/** No more arguments than a command takes. */
export function noOtherArguments(extra: string[]) {
  if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(" ")}`);
}

/** The one argument a command takes (a file, a directory, a name); `missing` says to name it. */
export function onlyArgument(positionals: string[], missing: string): string {
  const [arg, ...extra] = positionals;
  if (!arg) throw new UsageError(missing);
  noOtherArguments(extra);
  return arg;
}
