/**
 * Parquet predictions, read with hyparquet (pure JavaScript, loaded only when a Parquet file is
 * read): only the columns the spec names, one row group at a time, so memory follows the columns
 * kept, not the file. hyparquet itself decodes uncompressed and snappy pages (pyarrow's default);
 * gzip and brotli are decoded with node:zlib, zstd too where node:zlib has it (Node ≥ 22.15).
 * Other codecs (LZ4, LZO) are an error naming the codec. INT64 values (bigint) become numbers;
 * ids become their decimal text.
 */
import { readSync } from "node:fs";
import * as zlib from "node:zlib";
import type { AsyncBuffer, ColumnData, CompressionCodec, Compressors, FileMetaData } from "hyparquet";
import type { PredictionsSpec } from "../../core/config/types.js";
import type { PredictionTable } from "../../core/predictions/table.js";
import { MAX_ROWS, TableBuilder } from "./columns.js";
import { PredictionsReadError, noColumn, rowLocator } from "./errors.js";

type ZstdZlib = { zstdDecompressSync?: (input: Uint8Array) => Buffer };

function compressors(): Compressors {
  const out: Compressors = {
    GZIP: (input) => new Uint8Array(zlib.unzipSync(input)),
    BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input)),
  };
  const zstd = (zlib as unknown as ZstdZlib).zstdDecompressSync;
  if (zstd) out.ZSTD = (input) => new Uint8Array(zstd(input));
  return out;
}

const BUILT_IN: readonly CompressionCodec[] = ["UNCOMPRESSED", "SNAPPY"];

/**
 * The bytes read from the end of the file for its footer (the metadata), more only when it is
 * larger: hyparquet's default, 512 KiB, would read a small file whole, columns not kept too.
 */
const FOOTER_GUESS = 16 * 1024;

/** The file through its descriptor: each slice is read when hyparquet asks for it. */
export function fileBuffer(fd: number, size: number): AsyncBuffer {
  return {
    byteLength: size,
    slice(start: number, end: number = size): ArrayBuffer {
      const length = Math.max(0, Math.min(end, size) - start);
      const bytes = new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const read = readSync(fd, bytes, got, length - got, start + got);
        if (read === 0) break;
        got += read;
      }
      return bytes.buffer;
    },
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every column's values over one row group's rows, from the chunks hyparquet hands over. */
function groupColumns(chunks: ColumnData[][], start: number, rows: number): ArrayLike<unknown>[] {
  return chunks.map((parts) => {
    const only = parts.length === 1 ? parts[0]! : undefined;
    if (only && only.rowStart === start && only.columnData.length === rows) return only.columnData;
    const values = new Array<unknown>(rows);
    for (const part of parts) {
      const data = part.columnData;
      for (let i = 0; i < data.length; i++) {
        const at = part.rowStart + i - start;
        if (at >= 0 && at < rows) values[at] = data[i];
      }
    }
    return values;
  });
}

export async function readParquetTable(
  file: AsyncBuffer,
  shown: string,
  spec: PredictionsSpec,
): Promise<PredictionTable> {
  const builder = new TableBuilder(spec, shown, rowLocator(shown));
  const hyparquet = await import("hyparquet");
  let metadata: FileMetaData;
  try {
    metadata = await hyparquet.parquetMetadataAsync(file, { initialFetchSize: FOOTER_GUESS });
  } catch (error) {
    throw new PredictionsReadError(`${shown}: not a Parquet file (${message(error)})`);
  }
  const schema = hyparquet.parquetSchema(metadata);
  const top = schema.children.map((c) => c.element.name);
  const columns = builder.columns;
  for (const column of columns) {
    const node = schema.children.find((c) => c.element.name === column);
    if (!node) throw noColumn(shown, column, top);
    if (node.children.length > 0) {
      throw new PredictionsReadError(
        `${shown}: column '${column}' is nested (a list, map or struct), not a value`,
      );
    }
  }
  const total = Number(metadata.num_rows);
  if (total === 0) throw new PredictionsReadError(`${shown}: no rows`);
  if (total > MAX_ROWS) {
    throw new PredictionsReadError(
      `${shown}: ${total.toLocaleString("en-US")} rows, more than ${MAX_ROWS.toLocaleString("en-US")}; a predictions file is read whole`,
    );
  }
  const decompress = compressors();
  const readable = new Set<string>([...BUILT_IN, ...Object.keys(decompress)]);
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      const name = meta?.path_in_schema[0];
      if (!meta || name === undefined || !columns.includes(name) || readable.has(meta.codec)) continue;
      const zstd = meta.codec === "ZSTD" ? ` on Node ${process.version} (Node 22.15 or later can)` : "";
      throw new PredictionsReadError(
        `${shown}: column '${name}' is compressed with ${meta.codec}, which this reader cannot decompress${zstd}; ` +
          `write the file with snappy (pyarrow's default), gzip or no compression`,
      );
    }
  }

  const cells = new Array<unknown>(columns.length);
  let start = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    if (rows === 0) continue;
    const chunks: ColumnData[][] = columns.map(() => []);
    try {
      await hyparquet.parquetRead({
        file,
        metadata,
        columns,
        rowStart: start,
        rowEnd: start + rows,
        compressors: decompress,
        onChunk: (chunk) => chunks[columns.indexOf(chunk.columnName)]?.push(chunk),
      });
    } catch (error) {
      throw new PredictionsReadError(
        `${shown}: cannot read rows ${start + 1}–${start + rows}: ${message(error)}`,
      );
    }
    const values = groupColumns(chunks, start, rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < values.length; c++) cells[c] = values[c]![r];
      builder.add(cells, start + r + 1);
    }
    start += rows;
  }
  return builder.finish();
}
