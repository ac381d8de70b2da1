#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  setOwnKey
} from "./chunk-EVBKJU2M.js";

// src/node/predictions/worker-file.ts
var workerFile;
function useResampleWorker(file) {
  workerFile = file;
}
function resampleWorkerFile() {
  return workerFile;
}

// src/core/predictions/values.ts
function cellValues(cell) {
  const tree = { count: cell.count, weight: cell.weight };
  for (const [name, value] of Object.entries(cell.metrics)) setOwnKey(tree, name, value);
  if (cell.confusion) tree.confusion = cell.confusion;
  return tree;
}
function predictionValues(result) {
  const tree = cellValues(result.cells[0]);
  if (result.slices.length === 0) return tree;
  const slices = {};
  let cell = 1;
  for (const slice of result.slices) {
    const values = {};
    for (const value of slice.values) {
      setOwnKey(values, value, cellValues(result.cells[cell++]));
    }
    setOwnKey(slices, slice.column, values);
  }
  tree.slices = slices;
  return tree;
}
function cellOfPath(result, column, value) {
  if (column === void 0) return result.cells[0];
  return result.cells.find((cell) => cell.slice?.column === column && cell.slice.value === value);
}

// src/node/file-chunks.ts
import { readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
var CHUNK_BYTES = 1024 * 1024;
function fileTextChunks(fd) {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const decoder = new StringDecoder("utf8");
  let position = 0;
  let done = false;
  return () => {
    while (!done) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      position += read;
      if (read === 0) {
        done = true;
        const rest = decoder.end();
        return rest === "" ? void 0 : rest;
      }
      const text = decoder.write(buffer.subarray(0, read));
      if (text !== "") return text;
    }
    return void 0;
  };
}
function fileBytesReader(fd) {
  let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  return (offset, length) => {
    if (length > buffer.length) buffer = Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length) {
      const read = readSync(fd, buffer, got, length - got, offset + got);
      if (read === 0) break;
      got += read;
    }
    return buffer.subarray(0, got);
  };
}

export {
  useResampleWorker,
  resampleWorkerFile,
  predictionValues,
  cellOfPath,
  fileTextChunks,
  fileBytesReader
};
