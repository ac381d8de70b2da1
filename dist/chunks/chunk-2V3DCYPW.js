import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

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
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
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
  __require,
  __esm,
  __commonJS,
  __export,
  __toESM,
  __toCommonJS,
  textChunks,
  bytesReader,
  withFirst,
  MetricsFormatError,
  formatLocated,
  parseNumberText,
  refuseLfsPointer,
  isTensorboardEventFile
};
