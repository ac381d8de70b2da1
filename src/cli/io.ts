/** What a subcommand may touch, injected so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** The environment (tokens, the App's address); none: an empty one. */
  env?: Record<string, string | undefined>;
}

export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

/** Exit status for bad usage, an invalid config or unreadable input (the CLI contract's "2"). */
export const EXIT_USAGE = 2;

/** An expected problem: the subcommand prints its message, never a stack trace. */
export class CliError extends Error {}

/** A problem with how the command was called: the message ends with where to find the options. */
export class UsageError extends CliError {}
