// The runner's side of the protocol: workflow commands on stdout, the GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files. Written here rather than taken from @actions/core because bundling
// that package drags in undici and costs about 60 ms of start-up on every run (measured).
import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export type AnnotationLevel = "error" | "warning" | "notice";

export interface RunnerFiles {
  outputFile?: string;
  summaryFile?: string;
}

/** The runner I/O the action performs; an interface so that tests can record it in-process. */
export interface Runner {
  info(message: string): void;
  annotate(level: AnnotationLevel, message: string, properties?: AnnotationProperties): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): void;
  /** Marks the step failed: an error annotation plus a non-zero exit code. */
  setFailed(message: string): void;
  readonly failed: boolean;
}

function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `::command key=value,...::message`, escaped the way the runner unescapes it. */
export function formatCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  return `::${command}${props ? " " + props : ""}::${escapeData(message)}`;
}

export function annotationCommand(
  level: AnnotationLevel,
  message: string,
  p: AnnotationProperties = {},
): string {
  return formatCommand(
    level,
    {
      title: p.title,
      file: p.file,
      line: p.startLine,
      endLine: p.endLine,
      col: p.startColumn,
      endColumn: p.endColumn,
    },
    message,
  );
}

/** One `name<<DELIMITER` block of the GITHUB_OUTPUT file; the random delimiter keeps values from closing it. */
export function outputBlock(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`output ${name} contains its delimiter`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export class ProcessRunner implements Runner {
  #failed = false;

  constructor(
    private readonly files: RunnerFiles,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + "\n"),
  ) {}

  get failed(): boolean {
    return this.#failed;
  }

  info(message: string): void {
    // A line starting with "::" would be read as a command; stop-commands is overkill for one line.
    this.write(message.startsWith("::") ? " " + message : message);
  }

  annotate(level: AnnotationLevel, message: string, properties?: AnnotationProperties): void {
    this.write(annotationCommand(level, message, properties));
  }

  setOutput(name: string, value: string): void {
    if (this.files.outputFile) appendFileSync(this.files.outputFile, outputBlock(name, value));
    else this.info(`output ${name}: ${value}`);
  }

  appendSummary(markdown: string): void {
    if (this.files.summaryFile)
      appendFileSync(this.files.summaryFile, markdown.endsWith("\n") ? markdown : markdown + "\n");
  }

  setFailed(message: string): void {
    this.#failed = true;
    this.annotate("error", message);
  }
}
