import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { formatDiagnostic, type Diagnostic } from "../core/diagnostics.js";
import { parseConfig } from "../core/config/parse.js";
import { CONFIG_PATH } from "../core/names.js";
import { EXIT_USAGE, type CliIo } from "./io.js";

export const DEFAULT_CONFIG = CONFIG_PATH;

export const VALIDATE_USAGE = `Usage: model-approval validate [CONFIG...] [--format text|json]

Checks approval-workflow configs (default ${DEFAULT_CONFIG}).
Diagnostics go to stderr as FILE:LINE:COL: error: MESSAGE; --format json prints them on stdout.
Exit status: 0 valid, 2 invalid or unreadable.
`;

type Format = "text" | "json";

function readErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "config file not found";
  if (code === "EISDIR") return "is a directory, not a config file";
  if (code === "EACCES") return "permission denied";
  return `cannot read the file (${error instanceof Error ? error.message : String(error)})`;
}

async function validateFile(
  file: string,
  cwd: string,
): Promise<{ valid: boolean; diagnostics: Diagnostic[] }> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), "utf8");
  } catch (error) {
    const hint =
      file === DEFAULT_CONFIG
        ? "create it, or pass the config's path: model-approval validate path/to/config.yml"
        : undefined;
    const diagnostic: Diagnostic = {
      file,
      line: 1,
      column: 1,
      severity: "error",
      message: readErrorMessage(error),
    };
    return { valid: false, diagnostics: [hint ? { ...diagnostic, hint } : diagnostic] };
  }
  const result = parseConfig(text, file);
  return result.ok
    ? { valid: true, diagnostics: result.warnings }
    : { valid: false, diagnostics: result.diagnostics };
}

function parseArgs(args: string[]): { files: string[]; format: Format; help: boolean } | { error: string } {
  const files: string[] = [];
  let format: Format = "text";
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--help" || arg === "-h") help = true;
    else if (arg === "--format" || arg.startsWith("--format=")) {
      const value = arg.includes("=") ? arg.slice("--format=".length) : args[++i];
      if (value !== "text" && value !== "json")
        return { error: `--format must be text or json, not '${value ?? ""}'` };
      format = value;
    } else if (arg.startsWith("-") && arg !== "-") return { error: `unknown option '${arg}'` };
    else files.push(arg);
  }
  return { files: files.length > 0 ? files : [DEFAULT_CONFIG], format, help };
}

/** `model-approval validate [CONFIG...]`: 0 when every config is valid, 2 otherwise. */
export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args);
  if ("error" in parsed) {
    io.stderr.write(`model-approval validate: ${parsed.error}\n\n${VALIDATE_USAGE}`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    io.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const results = await Promise.all(parsed.files.map((file) => validateFile(file, io.cwd)));
  const valid = results.every((r) => r.valid);
  const diagnostics = results.flatMap((r) => r.diagnostics);
  if (parsed.format === "json") {
    io.stdout.write(`${JSON.stringify({ valid, diagnostics }, null, 2)}\n`);
  } else {
    for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    parsed.files.forEach((file, i) => {
      if (results[i]?.valid) io.stdout.write(`${file}: valid\n`);
    });
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    if (errors > 0) io.stderr.write(`${errors} error${errors === 1 ? "" : "s"}\n`);
  }
  return valid ? 0 : EXIT_USAGE;
}
