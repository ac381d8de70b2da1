// The runner's side of the protocol (workflow commands, GITHUB_OUTPUT, the job summary), through
// @actions/core, behind a small interface so the action's logic can be run with a recording runner.
import { appendFile } from "node:fs/promises";
import { EOL } from "node:os";
import * as core from "@actions/core";

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

export type AnnotationLevel = "error" | "warning" | "notice";

/** The runner I/O the action performs. */
export interface Runner {
  info(message: string): void;
  annotate(level: AnnotationLevel, message: string, properties?: AnnotationProperties): void;
  setOutput(name: string, value: string): void;
  appendSummary(markdown: string): Promise<void>;
  /** Marks the step failed: an error annotation plus a non-zero exit code. */
  setFailed(message: string): void;
  readonly failed: boolean;
}

export class ActionsRunner implements Runner {
  #failed = false;

  get failed(): boolean {
    return this.#failed;
  }

  info(message: string): void {
    // A line starting with "::" would be read as a workflow command.
    core.info(message.startsWith("::") ? " " + message : message);
  }

  annotate(level: AnnotationLevel, message: string, properties: AnnotationProperties = {}): void {
    core[level](message, properties);
  }

  setOutput(name: string, value: string): void {
    core.setOutput(name, value);
  }

  async appendSummary(markdown: string): Promise<void> {
    // Outside a runner there is no summary file; the report is still in the outputs.
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file) return;
    // What core.summary.addRaw(markdown, true).write() does, without its singleton's cached path.
    await appendFile(file, markdown + EOL, "utf8");
  }

  setFailed(message: string): void {
    this.#failed = true;
    core.setFailed(message);
  }
}
