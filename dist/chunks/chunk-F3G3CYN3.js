import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/metrics/stream/chunks.ts
function textChunks(text) {
  let done = false;
  return () => {
    if (done) return void 0;
    done = true;
    return text;
  };
}
function bytesReader(bytes) {
  return (offset, length) => bytes.subarray(offset, offset + length);
}
function withFirst(first, next) {
  let pending = first;
  return () => {
    if (pending === void 0) return next();
    const out = pending;
    pending = void 0;
    return out;
  };
}

// src/core/metrics/formats/error.ts
var MetricsFormatError = class extends Error {
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
  }
  line;
  column;
};
function formatLocated(file, error) {
  const where = error.line === void 0 ? file : `${file}:${error.line}${error.column ? `:${error.column}` : ""}`;
  return `${where}: ${error.message}`;
}
function parseNumberText(text) {
  const t = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return +t;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  const inf = /^([+-]?)(inf|infinity)$/i.exec(t);
  if (inf) return inf[1] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return void 0;
}

// src/core/metrics/formats/lfs.ts
var LFS_POINTER = "version https://git-lfs.github.com/spec/v1";
function refuseLfsPointer(start) {
  const text = typeof start === "string" ? start : new TextDecoder().decode(start.subarray(0, 64));
  if (text.replace(/^\uFEFF/, "").startsWith(LFS_POINTER))
    throw new MetricsFormatError(
      "this is a Git LFS pointer, not the metrics: fetch LFS files in checkout (actions/checkout with lfs: true)"
    );
}

// src/core/metrics/formats/tensorboard-name.ts
var EVENT_FILE = /(^|[\\/])events\.out\.tfevents\.[^\\/]*$/;
function isTensorboardEventFile(fileName) {
  return EVENT_FILE.test(fileName);
}

export {
  textChunks,
  bytesReader,
  withFirst,
  MetricsFormatError,
  formatLocated,
  parseNumberText,
  refuseLfsPointer,
  isTensorboardEventFile
};
