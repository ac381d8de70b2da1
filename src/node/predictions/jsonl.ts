/**
 * JSON Lines predictions: one JSON object per non-blank line (pandas'
 * `to_json(orient="records", lines=True)`, or a loop of json.dumps). Numbers must be JSON numbers;
 * a slice key absent from a row is a missing value, but a slice column no row has is an error (a
 * misspelt name would otherwise put every example in `(missing)`).
 */
import type { NextChunk } from "../../core/metrics/stream/chunks.js";
import type { PredictionsSpec } from "../../core/config/types.js";
import type { PredictionTable } from "../../core/predictions/table.js";
import { MAX_ROW_BYTES, TableBuilder } from "./columns.js";
import { PredictionsReadError, lineLocator, noColumn } from "./errors.js";

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

export function readJsonlTable(next: NextChunk, shown: string, spec: PredictionsSpec): PredictionTable {
  const builder = new TableBuilder(spec, shown, lineLocator(shown));
  const columns = builder.columns;
  const optional = columns.map((c) => builder.sliceOnly.has(c));
  const seen = new Uint8Array(columns.length);
  const cells = new Array<unknown>(columns.length);
  let firstKeys: string[] | undefined;
  let line = 0;

  const handle = (raw: string): void => {
    line++;
    const text = raw.charCodeAt(raw.length - 1) === 0x0d ? raw.slice(0, -1) : raw;
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === "")) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new PredictionsReadError(`${shown}:${line}: invalid JSON: ${(error as Error).message}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new PredictionsReadError(`${shown}:${line}: expected a JSON object, got ${kindOf(value)}`);
    }
    const row = value as Record<string, unknown>;
    firstKeys ??= Object.keys(row);
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i]!;
      if (Object.hasOwn(row, name)) {
        cells[i] = row[name];
        seen[i] = 1;
      } else if (optional[i]) {
        cells[i] = undefined;
      } else {
        throw noColumn(`${shown}:${line}`, name, Object.keys(row));
      }
    }
    builder.add(cells, line);
  };

  let parts: string[] = [];
  let pending = 0;
  let first = true;
  for (let chunk = next(); chunk !== undefined; chunk = next()) {
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    let pos = 0;
    for (let nl = chunk.indexOf("\n"); nl !== -1; nl = chunk.indexOf("\n", pos)) {
      let text = chunk.slice(pos, nl);
      if (parts.length > 0) {
        parts.push(text);
        text = parts.join("");
        parts = [];
        pending = 0;
      }
      handle(text);
      pos = nl + 1;
    }
    if (pos < chunk.length) {
      parts.push(chunk.slice(pos));
      pending += chunk.length - pos;
      if (pending > MAX_ROW_BYTES) {
        throw new PredictionsReadError(
          `${shown}:${line + 1}: a line longer than ${MAX_ROW_BYTES / (1024 * 1024)} MiB`,
        );
      }
    }
  }
  if (parts.length > 0) handle(parts.join(""));
  if (builder.count === 0) throw new PredictionsReadError(`${shown}: no rows: the file has no JSON objects`);
  columns.forEach((name, i) => {
    if (seen[i] === 0) throw noColumn(shown, name, firstKeys ?? []);
  });
  return builder.finish();
}
