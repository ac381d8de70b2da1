import { runEvaluate } from "./evaluate.js";
import { EXIT_USAGE, type CliIo, type Subcommand } from "./io.js";
import { runValidate } from "./validate.js";
import { runHistory } from "./history.js";
import { runLedger } from "./ledger.js";
import { VERSION } from "./version.js";

/** Each subcommand is one entry: adding a command is adding a line here. */
const COMMANDS: Record<string, { summary: string; run: Subcommand }> = {
  validate: { summary: "check a config file and report every problem with its location", run: runValidate },
  evaluate: {
    summary: "decide from local metrics, reviews and PR files, as the Action would",
    run: runEvaluate,
  },
  history: {
    summary: "list who approved which model, on what evidence, and what was deployed",
    run: runHistory,
  },
  ledger: { summary: "verify the hash chain of the App's ledger (ledger verify)", run: runLedger },
};

export const USAGE = `Usage: model-approval <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`)
  .join("\n")}

Options:
  -h, --help     show help (also: model-approval <command> --help)
  -V, --version  print the version

Run 'model-approval <command> --help' for a command's options.
`;

/** The CLI without process globals: `argv` excludes node and the script path. Returns the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    (command === undefined ? io.stderr : io.stdout).write(USAGE);
    return command === undefined ? EXIT_USAGE : 0;
  }
  if (command === "--version" || command === "-V" || command === "version") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) {
    io.stderr.write(`model-approval: unknown command '${command}'\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  try {
    return await entry.run(rest, io);
  } catch (error) {
    // Subcommands report expected problems themselves; anything else is a bug, still not a stack trace.
    io.stderr.write(
      `model-approval ${command}: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT_USAGE;
  }
}
