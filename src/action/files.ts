// The files the Action leaves for later steps (the report, the snapshot, the attestation), all in
// one folder of the runner's temp directory, which the runner empties after the job.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeRunnerFile(runnerTemp: string, name: string, text: string): string {
  const dir = join(runnerTemp, "model-approval");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
