// What the newer subcommands share: options parsed by Node's util.parseArgs (strict: an unknown or
// malformed option is a usage error), and one way of reporting a failure.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { describeError } from "../core/failure.js";
import { CliError, EXIT_USAGE, UsageError, type CliIo } from "./io.js";

/** What a failed subcommand prints: its message, and for a usage error where the options are. */
export function reportFailure(io: CliIo, command: string, error: unknown): number {
  const message = error instanceof CliError ? error.message : describeError(error);
  const hint = error instanceof UsageError ? ` (model-approval ${command} --help lists the options)` : "";
  io.stderr.write(`model-approval ${command}: ${message}${hint}\n`);
  return EXIT_USAGE;
}

/** The options parsed and checked; a UsageError says what is wrong. */
export function parseCommandOptions<O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function checkFormat(format: unknown): "text" | "json" {
  if (format !== "text" && format !== "json")
    throw new UsageError(`--format must be text or json, not '${String(format)}'`);
  return format;
}
