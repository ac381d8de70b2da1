/**
 * A file's content as the readers pull it, piece by piece, so a large file is never held whole.
 * The pieces come from outside (src/node reads a file descriptor; a string or an API response is
 * one piece), which keeps core free of I/O.
 */

/** The next piece of a file's text, or undefined at its end. */
export type NextChunk = () => string | undefined;

/**
 * `length` bytes from `offset`, fewer only at the end of the file. The returned bytes may be
 * reused by the next call, so a reader copies what it keeps.
 */
export type ReadBytes = (offset: number, length: number) => Uint8Array;

/** A whole text as one piece. */
export function textChunks(text: string): NextChunk {
  let done = false;
  return () => {
    if (done) return undefined;
    done = true;
    return text;
  };
}

/** In-memory bytes as a ReadBytes. */
export function bytesReader(bytes: Uint8Array): ReadBytes {
  return (offset, length) => bytes.subarray(offset, offset + length);
}

/** `first` (already pulled, to look at the file's start), then the rest of `next`. */
export function withFirst(first: string | undefined, next: NextChunk): NextChunk {
  let pending = first;
  return () => {
    if (pending === undefined) return next();
    const out = pending;
    pending = undefined;
    return out;
  };
}
