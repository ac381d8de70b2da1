/** What a subcommand may touch, injected so tests run it in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

export type Subcommand = (args: string[], io: CliIo) => Promise<number>;

/** Exit status for bad usage, an invalid config or unreadable input (the CLI contract's "2"). */
export const EXIT_USAGE = 2;
