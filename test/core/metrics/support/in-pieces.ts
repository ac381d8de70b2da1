// A text handed to a streaming reader in pieces of `size` characters, as a large file arrives.
import type { NextChunk } from "../../../../src/core/metrics/stream/chunks.js";

export function inPieces(text: string, size: number): NextChunk {
  let at = 0;
  return () => {
    if (at >= text.length) return undefined;
    const piece = text.slice(at, at + size);
    at += size;
    return piece;
  };
}
