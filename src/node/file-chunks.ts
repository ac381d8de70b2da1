/**
 * A metrics file's content through an open descriptor, a piece at a time, for the streaming
 * readers in core (see src/core/metrics/stream/chunks.ts). Reads are synchronous: the readers
 * pull, and a CLI or an Action step has nothing else to do meanwhile.
 */
import { readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { NextChunk, ReadBytes } from "../core/metrics/stream/chunks.js";

const CHUNK_BYTES = 1024 * 1024;

/** The file's text from its start, decoded as UTF-8 (a character split between reads is kept whole). */
export function fileTextChunks(fd: number): NextChunk {
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
        return rest === "" ? undefined : rest;
      }
      const text = decoder.write(buffer.subarray(0, read));
      if (text !== "") return text;
    }
    return undefined;
  };
}

/** Bytes at any offset; one buffer, grown to the largest read and reused (see ReadBytes). */
export function fileBytesReader(fd: number): ReadBytes {
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
