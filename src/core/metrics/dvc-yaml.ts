/**
 * The metrics files a `dvc.yaml` declares: the top-level `metrics:` list (DVC 3) and each stage's
 * `metrics:` outputs. Pure: the text in, the entries (paths as written, relative to dvc.yaml's
 * folder, each with its line and column) out. Reading the files is the caller's job.
 *
 * Fails closed on what cannot be followed without running DVC: templated paths (`${…}`),
 * `foreach`/`matrix` stages that declare metrics, entries that are not a path.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";

export interface DvcMetricsEntry {
  /** As written in dvc.yaml, without a leading `./`. */
  path: string;
  /** The stage that declares it; absent for the top-level `metrics:` list. */
  stage?: string;
  line: number;
  column: number;
}

export type DvcYamlResult = { ok: true; entries: DvcMetricsEntry[] } | { ok: false; error: string };

class DvcYamlError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}

function entryPath(item: unknown, where: string): { path: string; offset?: number } {
  // `- metrics.json` or `- metrics.json: {cache: false}` (a one-key map: the key is the path).
  const node = isMap(item) && item.items.length === 1 ? item.items[0]!.key : item;
  const offset = (node as Node | undefined)?.range?.[0];
  if (!isScalar(node) || typeof node.value !== "string" || node.value.trim() === "") {
    throw new DvcYamlError(`${where}: expected a metrics file path, e.g. '- eval/metrics.json'`, offset);
  }
  if (node.value.includes("${")) {
    throw new DvcYamlError(
      `${where}: '${node.value}' is templated; name the metrics file itself as the metrics source`,
      offset,
    );
  }
  return { path: node.value.replace(/^(\.\/)+/, ""), ...(offset === undefined ? {} : { offset }) };
}

function entriesOf(list: unknown, where: string): { path: string; offset?: number }[] {
  if (list === undefined || list === null) return [];
  if (!isSeq(list)) throw new DvcYamlError(`${where} must be a list of files`, (list as Node).range?.[0]);
  return list.items.map((item) => entryPath(item, where));
}

function collect(text: string): { path: string; stage?: string; offset?: number }[] {
  const doc = parseDocument(text, { uniqueKeys: true });
  const [error] = doc.errors;
  if (error) throw new DvcYamlError(`invalid YAML: ${error.message.split("\n")[0]}`, error.pos[0]);
  if (!isMap(doc.contents)) throw new DvcYamlError("expected a mapping with 'stages:' or 'metrics:'");
  const found: { path: string; stage?: string; offset?: number }[] = entriesOf(
    doc.contents.get("metrics", true),
    "metrics",
  );
  const stages = doc.contents.get("stages", true);
  if (stages !== undefined && !isMap(stages)) throw new DvcYamlError("'stages' must be a mapping");
  for (const pair of isMap(stages) ? stages.items : []) {
    const name = isScalar(pair.key) ? String(pair.key.value) : "?";
    const stage = pair.value;
    if (!isMap(stage)) continue;
    const templated = stage.get("do", true);
    if (
      (stage.has("foreach") || stage.has("matrix")) &&
      (stage.has("metrics") || (isMap(templated) && templated.has("metrics")))
    ) {
      throw new DvcYamlError(
        `stage '${name}' is a foreach/matrix stage with metrics; name its metrics files themselves as metric sources`,
        (pair.key as Node).range?.[0],
      );
    }
    for (const entry of entriesOf(stage.get("metrics", true), `stage '${name}' metrics`)) {
      found.push({ ...entry, stage: name });
    }
  }
  return found;
}

export function parseDvcYaml(text: string, file: string): DvcYamlResult {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  const at = (offset: number | undefined): { line: number; column: number } => {
    const pos = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  try {
    const entries = collect(text).map(({ offset, ...entry }) => ({ ...entry, ...at(offset) }));
    if (entries.length === 0) {
      return { ok: false, error: `${file}: declares no metrics (no 'metrics:' at the top or in any stage)` };
    }
    return { ok: true, entries };
  } catch (e) {
    if (!(e instanceof DvcYamlError)) throw e;
    const { line, column } = at(e.offset);
    return { ok: false, error: `${file}:${line}:${column}: ${e.message}` };
  }
}
