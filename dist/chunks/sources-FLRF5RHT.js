#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  fileTextChunks,
  predictionValues,
  resampleWorkerFile
} from "./chunk-DWLFLQCB.js";
import "./chunk-EVBKJU2M.js";
import "./chunk-EACAFJQG.js";

// src/node/predictions/sources.ts
import { resolve } from "node:path";

// src/node/predictions/parallel.ts
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var WORK_FOR_A_THREAD = 2e7;
var MAX_THREADS = 8;
function threadsFor(spec, rows, env = process.env) {
  if (!resampleWorkerFile()) return 1;
  const forced = env.MODEL_APPROVAL_WORKERS;
  if (forced !== void 0 && /^\d+$/.test(forced.trim()))
    return Math.max(1, Math.min(MAX_THREADS, Number(forced)));
  const work = rows * spec.bootstrap.resamples * (1 + spec.slices.length);
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.floor(work / WORK_FOR_A_THREAD)));
}
function runRange(request) {
  return new Promise((resolve2, reject) => {
    const worker = new Worker(resampleWorkerFile(), { workerData: request });
    worker.once("message", (answer) => {
      resolve2(answer);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`a resampling thread stopped with exit code ${code}`));
    });
  });
}
async function resampleOnThreads(spec, table, baseline, threads) {
  const total = spec.bootstrap.resamples;
  const ranges = Array.from({ length: threads }, (_, t) => [
    Math.floor(total * t / threads),
    Math.floor(total * (t + 1) / threads)
  ]);
  const answers = await Promise.all(
    ranges.map(
      ([from, to]) => runRange({ spec, table, ...baseline ? { baseline } : {}, from, to })
    )
  );
  const failed = answers.find((a) => !a.ok);
  if (failed) return failed;
  const runs = [];
  for (const answer of answers)
    answer.runs.forEach((run, m) => (runs[m] ??= []).push(...run));
  return { ok: true, runs };
}

// src/core/predictions/order.ts
function keysOf(scores) {
  const n = scores.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const high = new Uint32Array(n);
  const low = new Uint32Array(n);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const [lo, hi] = littleEndian ? [0, 1] : [1, 0];
  for (let i = 0; i < n; i++) {
    const s = Number(scores[i]);
    bits[0] = s === 0 ? 0 : s;
    let h = words[hi];
    let l = words[lo];
    if (h & 2147483648) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 2147483648) >>> 0;
    high[i] = ~h >>> 0;
    low[i] = ~l >>> 0;
  }
  return { high, low };
}
function byScoreDescending(scores) {
  const n = scores.length;
  const { high, low } = keysOf(scores);
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (const [words, shift] of [
    [low, 0],
    [low, 16],
    [high, 0],
    [high, 16]
  ]) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[words[i] >>> shift & 65535]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      next[count[words[i] >>> shift & 65535]++] = i;
    }
    [order, next] = [next, order];
  }
  return order;
}

// src/core/predictions/binary.ts
var weightOf = (p, i) => p.weights ? Number(p.weights[i]) : 1;
function ratio(numerator, denominator) {
  return denominator > 0 ? numerator / denominator : void 0;
}
function confusion(p, threshold = 0.5) {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    const positive = Number(p.scores[i]) >= threshold;
    const actual = p.labels[i] === 1;
    if (actual && positive) c.tp += w;
    else if (actual) c.fn += w;
    else if (positive) c.fp += w;
    else c.tn += w;
  }
  return c;
}
function curve(p) {
  const order = byScoreDescending(p.scores);
  const tps = [];
  const fps = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const w = weightOf(p, i);
    if (p.labels[i] === 1) tp += w;
    else fp += w;
    const next = order[k + 1];
    if (next === void 0 || Number(p.scores[next]) !== Number(p.scores[i])) {
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { tps, fps };
}
function rocAuc(p, points = curve(p)) {
  const { tps, fps } = points;
  const positives = tps.at(-1) ?? 0;
  const negatives = fps.at(-1) ?? 0;
  if (positives <= 0 || negatives <= 0) return void 0;
  let area = 0;
  let x = 0;
  let y = 0;
  for (let k = 0; k < tps.length; k++) {
    const nx = fps[k] / negatives;
    const ny = tps[k] / positives;
    area += (nx - x) * (y + ny) / 2;
    x = nx;
    y = ny;
  }
  return area;
}
function averagePrecision(p, points = curve(p)) {
  const { tps, fps } = points;
  const positives = tps.at(-1) ?? 0;
  if (positives <= 0) return void 0;
  let ap = 0;
  let recall = 0;
  for (let k = 0; k < tps.length; k++) {
    const r = tps[k] / positives;
    const precision = tps[k] / (tps[k] + fps[k]);
    ap += (r - recall) * precision;
    recall = r;
  }
  return ap;
}
var EPS_FLOAT64 = 2220446049250313e-31;
function clippedLogLoss(isPositive, score) {
  const one = Math.min(Math.max(score, EPS_FLOAT64), 1 - EPS_FLOAT64);
  const zero = Math.min(Math.max(1 - score, EPS_FLOAT64), 1 - EPS_FLOAT64);
  return -Math.log((isPositive ? one : zero) / (one + zero));
}
function logLoss(p) {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    loss += clippedLogLoss(p.labels[i] === 1, Number(p.scores[i])) * w;
    total += w;
  }
  return loss / total;
}
function brierScore(p) {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf(p, i);
    const d = Number(p.labels[i]) - Number(p.scores[i]);
    sum += d * d * w;
    total += w;
  }
  return sum / total;
}
function binaryMetrics(p, threshold = 0.5) {
  const c = confusion(p, threshold);
  const weight = c.tp + c.fp + c.tn + c.fn;
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const specificity = ratio(c.tn, c.tn + c.fp);
  const f1 = ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
  const balanced = recall !== void 0 && specificity !== void 0 ? (recall + specificity) / 2 : void 0;
  const points = curve(p);
  const auc = rocAuc(p, points);
  const ap = averagePrecision(p, points);
  return {
    count: p.labels.length,
    weight,
    confusion: c,
    accuracy: (c.tp + c.tn) / weight,
    ...balanced === void 0 ? {} : { balanced_accuracy: balanced },
    ...precision === void 0 ? {} : { precision },
    ...recall === void 0 ? {} : { recall },
    ...f1 === void 0 ? {} : { f1 },
    ...auc === void 0 ? {} : { roc_auc: auc },
    ...ap === void 0 ? {} : { average_precision: ap },
    log_loss: logLoss(p),
    brier_score: brierScore(p)
  };
}

// src/core/predictions/calibration.ts
var DEFAULT_CALIBRATION_BINS = 10;
function innerEdges(bins) {
  const step = 1 / bins;
  return Array.from({ length: bins - 1 }, (_, k) => (k + 1) * step);
}
function binOf(score, edges) {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (edges[mid] < score) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function expectedCalibrationError(p, bins = DEFAULT_CALIBRATION_BINS) {
  const edges = innerEdges(bins);
  const weight = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const scores = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = p.weights ? Number(p.weights[i]) : 1;
    const score = Number(p.scores[i]);
    const b = binOf(score, edges);
    weight[b] += w;
    positives[b] += p.labels[i] === 1 ? w : 0;
    scores[b] += w * score;
    total += w;
  }
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const wb = weight[b];
    if (wb > 0) ece += wb / total * Math.abs(positives[b] / wb - scores[b] / wb);
  }
  return ece;
}

// src/core/predictions/random.ts
function mix32(x) {
  x = Math.imul(x ^ x >>> 16, 2246822507);
  x = Math.imul(x ^ x >>> 13, 3266489909);
  return (x ^ x >>> 16) >>> 0;
}
function resampleKey(seed, resample, content = 0) {
  return mix32(mix32(mix32(seed >>> 0 ^ 2654435769) ^ content) ^ Math.imul(resample + 1, 1663821227));
}
var CUMULATIVE = (() => {
  const out = [];
  let p = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k <= 12; k++) {
    sum += p;
    out.push(Math.min(4294967295, Math.floor(sum * 4294967296)));
    p /= k + 1;
  }
  return out;
})();
var BY_TOP_BITS = (() => {
  const table = new Uint8Array(65536);
  for (let top = 0; top < 65536; top++) {
    const low = weightOf2(top * 65536);
    table[top] = low === weightOf2(top * 65536 + 65535) ? low : 255;
  }
  return table;
})();
function weightOf2(u) {
  let k = 0;
  while (k < CUMULATIVE.length && u >= CUMULATIVE[k]) k++;
  return k;
}
function poissonWeight(key, example) {
  const u = mix32(Math.imul(example, 2654435761) ^ key);
  const k = BY_TOP_BITS[u >>> 16];
  return k === 255 ? weightOf2(u) : k;
}

// src/core/predictions/wasm/resample.generated.ts
var RESAMPLE_WASM = "AGFzbQEAAAABFgJgCX9/f39/f39/fwBgBn9/f39/fwADBAMAAAEFAwEAAQcoBAZtZW1vcnkCAARjZWxsAAAMY2VsbFdlaWdodGVkAAEFZHJhd3MAAgqaCgOuBAMCfxR8AX9BASEfIAAhCQJAA0AgCSABTw0BIAQgCWotAAAhCiAKQQdxBEAgFSAUIBEgE0QAAAAAAAAAQKOgoqAhFSARIBOgIBKgIBSgIRAgEEQAAAAAAADwPyAQRAAAAAAAAAAAYiAQIBBhcRshECAWIBMgESAToKIgEKOgIRYgESAToCERIBIgFKAhEkQAAAAAAAAAACETRAAAAAAAAAAAIRQgCkEEcQRAIB4gESAcoSAZIB2hoZmgIR4gESEcIBkhHQsgCkECcQRAIBEhGiASIRtBACEfCwsgAyACIAlBAnRqKAIAai0AALghCyAGIAlBAnRqKgIAuyEMIApBB3a4IQ0gCyANoiEOIBMgDqAhEyAUIAsgDqGgIRQgDSAMoSEPIBggCyAPoiAPoqAhGCAXIAsgBSAJQQJ0aioCALuioCEXIBkgCyAMoqAhGSAJQQFqIQkMAAsLIBUgFCARIBNEAAAAAAAAAECjoKKgIRUgESAToCASoCAUoCEQIBBEAAAAAAAA8D8gEEQAAAAAAAAAAGIgECAQYXEbIRAgFiATIBEgE6CiIBCjoCEWIBEgE6AhESASIBSgIRJEAAAAAAAAAAAhE0QAAAAAAAAAACEUIB4gESAcoSAZIB2hoZmgIR4gHwRAIBEhGiASIRsLIAggETkDACAIIBI5AwggCCAaOQMQIAggGzkDGCAIIBU5AyAgCCAWOQMoIAggFzkDMCAIIBg5AzggCCAeOQNAC74EAwJ/FHwBf0EBIR8gACEJAkADQCAJIAFPDQEgBCAJai0AACEKIApBB3EEQCAVIBQgESATRAAAAAAAAABAo6CioCEVIBEgE6AgEqAgFKAhECAQRAAAAAAAAPA/IBBEAAAAAAAAAABiIBAgEGFxGyEQIBYgEyARIBOgoiAQo6AhFiARIBOgIREgEiAUoCESRAAAAAAAAAAAIRNEAAAAAAAAAAAhFCAKQQRxBEAgHiARIByhIBkgHaGhmaAhHiARIRwgGSEdCyAKQQJxBEAgESEaIBIhG0EAIR8LCyADIAIgCUECdGooAgBqLQAAuCELIAcgCUEDdGorAwAgC6IhCyAGIAlBAnRqKgIAuyEMIApBB3a4IQ0gCyANoiEOIBMgDqAhEyAUIAsgDqGgIRQgDSAMoSEPIBggCyAPoiAPoqAhGCAXIAsgBSAJQQJ0aioCALuioCEXIBkgCyAMoqAhGSAJQQFqIQkMAAsLIBUgFCARIBNEAAAAAAAAAECjoKKgIRUgESAToCASoCAUoCEQIBBEAAAAAAAA8D8gEEQAAAAAAAAAAGIgECAQYXEbIRAgFiATIBEgE6CiIBCjoCEWIBEgE6AhESASIBSgIRJEAAAAAAAAAAAhE0QAAAAAAAAAACEUIB4gESAcoSAZIB2hoZmgIR4gHwRAIBEhGiASIRsLIAggETkDACAIIBI5AwggCCAaOQMQIAggGzkDGCAIIBU5AyAgCCAWOQMoIAggFzkDMCAIIBg5AzggCCAeOQNAC6cBAQN/AkADQCAGIAJPDQEgASAGQQJ0aigCAEGx893xeWwgAHMhByAHIAdBEHZzQeuUr694bCEHIAcgB0ENdnNBtdzKlXxsIQcgByAHQRB2cyEHIAMgB0EQdmotAAAhCCAIQf8BRgRAQQAhCAJAA0AgCEENTw0BIAcgBCAIQQJ0aigCAEkNASAIQQFqIQgMAAsLCyAFIAZqIAg6AAAgBkEBaiEGDAALCws=";

// src/core/predictions/wasm/arena.ts
var PAGE = 65536;
var MAX_BYTES = 65536 * PAGE;
var compiled;
function bytesOf(base64) {
  const text = atob(base64);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
var Arena = class _Arena {
  /** cell.wat's loop, for examples of weight 1 and for weighted ones. */
  cell;
  cellWeighted;
  memory;
  drawsOf;
  table;
  cumulative;
  next = 0;
  /** Throws a RangeError when `bytes` (and the draws' tables) do not fit in WebAssembly's 4 GiB. */
  constructor(needed) {
    const bytes = needed + _Arena.size([BY_TOP_BITS.length, CUMULATIVE.length * 4]);
    if (bytes > MAX_BYTES - PAGE)
      throw new RangeError(`${bytes} bytes of resampling data do not fit in WebAssembly's 4 GiB`);
    compiled ??= new WebAssembly.Module(bytesOf(RESAMPLE_WASM));
    const instance = new WebAssembly.Instance(compiled);
    const exports = instance.exports;
    this.memory = exports.memory;
    const pages = Math.ceil(bytes / PAGE);
    const have = this.memory.buffer.byteLength / PAGE;
    if (pages > have) this.memory.grow(pages - have);
    this.cell = exports.cell;
    this.cellWeighted = exports.cellWeighted;
    this.drawsOf = exports.draws;
    this.table = this.u8(BY_TOP_BITS.length);
    this.table.set(BY_TOP_BITS);
    this.cumulative = this.u32(CUMULATIVE.length);
    this.cumulative.set(CUMULATIVE);
  }
  take(bytes) {
    const at = Math.ceil(this.next / 8) * 8;
    this.next = at + bytes;
    if (this.next > this.memory.buffer.byteLength) throw new RangeError("the resampling arena is full");
    return at;
  }
  /** A resample's draws (random.ts's poissonWeight of each key in `keys`) into `out`. */
  draws(key, keys, out) {
    this.drawsOf(
      key | 0,
      keys.byteOffset,
      keys.length,
      this.table.byteOffset,
      this.cumulative.byteOffset,
      out.byteOffset
    );
  }
  f64(n) {
    return new Float64Array(this.memory.buffer, this.take(n * 8), n);
  }
  f32(n) {
    return new Float32Array(this.memory.buffer, this.take(n * 4), n);
  }
  u32(n) {
    return new Uint32Array(this.memory.buffer, this.take(n * 4), n);
  }
  u8(n) {
    return new Uint8Array(this.memory.buffer, this.take(n), n);
  }
  /** Bytes for `count` arrays of `bytes` each, with the padding take() may add. */
  static size(pieces) {
    return pieces.reduce((sum, bytes) => sum + bytes + 8, 0);
  }
};

// src/core/predictions/binary-resample.ts
var BINARY_RESAMPLED = [
  "accuracy",
  "balanced_accuracy",
  "precision",
  "recall",
  "f1",
  "roc_auc",
  "average_precision",
  "log_loss",
  "brier_score",
  "expected_calibration_error"
];
var NEW_GROUP = 1;
var BELOW_THRESHOLD = 2;
var NEW_BIN = 4;
var POSITIVE = 128;
function byCell(order, codes, values) {
  const starts = new Uint32Array(values + 1);
  for (let i = 0; i < codes.length; i++) starts[codes[i] + 1]++;
  for (let v = 0; v < values; v++) starts[v + 1] += starts[v];
  const out = new Uint32Array(order.length);
  for (const i of order) out[starts[codes[i]]++] = i;
  return out;
}
function examplesOf(input, scores, order) {
  const n = scores.length;
  const edges = innerEdges(input.bins);
  const rankOf = new Uint32Array(n);
  for (let k = 0; k < n; k++) rankOf[order[k]] = k;
  const loss = new Float64Array(n);
  const bin = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    loss[i] = clippedLogLoss(input.labels[i] === 1, scores[i]);
    bin[i] = binOf(scores[i], edges);
  }
  return { rankOf, scores, loss, bin };
}
function view(arena, input, examples, order, codes, firstCell) {
  const n = order.length;
  const { rankOf, scores, loss: lossOf, bin: binOf2 } = examples;
  const loss = arena.f32(n);
  const score = arena.f32(n);
  const weight = input.weights ? arena.f64(n) : void 0;
  const draw = arena.u32(n);
  const flags = arena.u8(n);
  const labels = input.labels;
  const threshold = input.threshold;
  const starts = [];
  const cells = [];
  let previousBin = -1;
  let previousCell = -1;
  let previousScore = NaN;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const s = scores[i];
    draw[k] = rankOf[i];
    if (weight) weight[k] = Number(input.weights[i]);
    loss[k] = lossOf[i];
    score[k] = s;
    const cell = codes ? codes[i] : 0;
    const newCell = k === 0 || cell !== previousCell;
    const bin = binOf2[i];
    let f = newCell || s !== previousScore ? NEW_GROUP : 0;
    if (newCell) {
      cells.push(cell);
      starts.push(k);
    } else if (bin !== previousBin) f |= NEW_BIN;
    if (s < threshold && (newCell || previousScore >= threshold)) f |= BELOW_THRESHOLD;
    previousBin = bin;
    previousCell = cell;
    previousScore = s;
    flags[k] = labels[i] === 1 ? f | POSITIVE : f;
  }
  return {
    firstCell,
    draw,
    flags,
    weight,
    loss,
    score,
    cellAt: Uint32Array.from(cells),
    cellStart: Uint32Array.from([...starts, n])
  };
}
var VIEW_BYTES = (n, weighted) => [4 * n, 4 * n, 4 * n, n, ...weighted ? [8 * n] : []];
function binaryResampler(input) {
  if (input.bins > 255) throw new RangeError("at most 255 calibration bins");
  const scores = Float64Array.from(input.scores, Number);
  const n = scores.length;
  const order = byScoreDescending(scores);
  const examples = examplesOf(input, scores, order);
  const viewCount = 1 + input.slices.length;
  const arena = new Arena(
    Arena.size([
      ...Array.from({ length: viewCount }, () => VIEW_BYTES(n, input.weights !== void 0)).flat(),
      4 * n,
      // the draws' keys
      n,
      // a resample's draws
      n,
      // every example once
      9 * 8
      // a cell's sums
    ])
  );
  const views = [view(arena, input, examples, order, void 0, 0)];
  let firstCell = 1;
  for (const slice of input.slices) {
    const codes = slice.codes;
    views.push(view(arena, input, examples, byCell(order, codes, slice.values), codes, firstCell));
    firstCell += slice.values;
  }
  const cells = firstCell;
  const stride = BINARY_RESAMPLED.length;
  const drawKey = arena.u32(n);
  for (let k = 0; k < n; k++) drawKey[k] = input.drawIndex ? input.drawIndex[order[k]] : order[k];
  const draws = arena.u8(n);
  const once = arena.u8(n).fill(1);
  const sums = arena.f64(9);
  function evaluate2(key, out) {
    out.fill(NaN);
    if (key !== void 0) arena.draws(key, drawKey, draws);
    const drawn = key === void 0 ? once : draws;
    for (const v of views)
      for (let run = 0; run < v.cellAt.length; run++) {
        (v.weight ? arena.cellWeighted : arena.cell)(
          v.cellStart[run],
          v.cellStart[run + 1],
          v.draw.byteOffset,
          drawn.byteOffset,
          v.flags.byteOffset,
          v.loss.byteOffset,
          v.score.byteOffset,
          v.weight?.byteOffset ?? 0,
          sums.byteOffset
        );
        const [tpBefore, fpBefore, tpAt, fpAt, area, precisionSum, lossSum, squaredSum, calibration] = sums;
        const o = (v.firstCell + v.cellAt[run]) * stride;
        emit(
          out,
          o,
          tpBefore,
          fpBefore,
          tpAt,
          fpAt,
          area,
          precisionSum,
          lossSum,
          squaredSum,
          calibration
        );
      }
  }
  return { metrics: BINARY_RESAMPLED, cells, evaluate: evaluate2 };
}
function emit(out, o, positives, negatives, tpAt, fpAt, area, precisionSum, lossSum, squaredSum, calibration) {
  const total = positives + negatives;
  const fn = positives - tpAt;
  const tn = negatives - fpAt;
  const recall = tpAt / positives;
  out[o] = (tpAt + tn) / total;
  out[o + 1] = (recall + tn / negatives) / 2;
  out[o + 2] = tpAt / (tpAt + fpAt);
  out[o + 3] = recall;
  out[o + 4] = 2 * tpAt / (2 * tpAt + fpAt + fn);
  out[o + 5] = positives > 0 && negatives > 0 ? area / (positives * negatives) : NaN;
  out[o + 6] = positives > 0 ? precisionSum / positives : NaN;
  out[o + 7] = lossSum / total;
  out[o + 8] = squaredSum / total;
  out[o + 9] = calibration / total;
}

// src/core/predictions/interval.ts
function quantile(sorted, q) {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function percentileInterval(values, confidence) {
  if (values.length === 0) return null;
  for (const v of values) if (!Number.isFinite(v)) return null;
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - confidence) / 2;
  return [quantile(sorted, tail), quantile(sorted, 1 - tail)];
}

// src/core/predictions/gather.ts
function gather(values, index) {
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]];
  return out;
}
function gatherCodes(values, index) {
  const out = new Uint32Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]];
  return out;
}
function identity(n) {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

// src/core/predictions/content.ts
import { createHash } from "node:crypto";
function update(hash, values) {
  if (!values) {
    hash.update("-");
    return;
  }
  hash.update(String(values.byteLength));
  hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}
function tableInto(hash, table) {
  hash.update(table.task);
  update(hash, table.labels);
  update(hash, table.scores);
  update(hash, table.classScores);
  update(hash, table.predictions);
  update(hash, table.weights);
  hash.update(String(table.ids?.length ?? -1));
  for (const id of table.ids ?? []) hash.update(`${id}\0`);
  for (const slice of table.slices) update(hash, slice.codes);
}
function contentKey(candidate, baseline) {
  const hash = createHash("sha256");
  tableInto(hash, candidate);
  if (baseline) tableInto(hash, baseline);
  return hash.digest().readUInt32LE(0);
}

// src/core/predictions/multiclass.ts
var weightOf3 = (p, i) => p.weights ? Number(p.weights[i]) : 1;
function check(p) {
  const k = p.classes;
  if (!Number.isInteger(k) || k < 3) throw new RangeError(`classes must be an integer \u2265 3, got ${k}`);
  if (p.scores.length !== p.labels.length) {
    throw new RangeError(`${p.labels.length} labels but ${p.scores.length} score rows`);
  }
  if (p.weights && p.weights.length !== p.labels.length) {
    throw new RangeError(`${p.labels.length} labels but ${p.weights.length} weights`);
  }
  for (let i = 0; i < p.labels.length; i++) {
    const label = Number(p.labels[i]);
    if (!Number.isInteger(label) || label < 0 || label >= k) {
      throw new RangeError(`label ${i} is ${label}, not a class in 0..${k - 1}`);
    }
    if (p.scores[i].length !== k)
      throw new RangeError(`score row ${i} has ${p.scores[i].length} values, not ${k}`);
  }
}
function predictedClasses(p) {
  const predicted = new Uint32Array(p.labels.length);
  for (let i = 0; i < predicted.length; i++) {
    const row = p.scores[i];
    let best = 0;
    for (let c = 1; c < row.length; c++) if (Number(row[c]) > Number(row[best])) best = c;
    predicted[i] = best;
  }
  return predicted;
}
function confusionMatrix(p, predicted = predictedClasses(p)) {
  const m = Array.from({ length: p.classes }, () => new Array(p.classes).fill(0));
  for (let i = 0; i < p.labels.length; i++) m[Number(p.labels[i])][predicted[i]] += weightOf3(p, i);
  return m;
}
var sumsToOne = (s) => Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s);
function rocAucOvrMacro(p) {
  const n = p.labels.length;
  for (let i = 0; i < n; i++) {
    const row = p.scores[i];
    let s = 0;
    for (let c = 0; c < row.length; c++) s += Number(row[c]);
    if (!sumsToOne(s)) return void 0;
  }
  let sum = 0;
  for (let c = 0; c < p.classes; c++) {
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = Number(p.labels[i]) === c ? 1 : 0;
      scores[i] = Number(p.scores[i][c]);
    }
    const auc = rocAuc({ labels, scores, ...p.weights ? { weights: p.weights } : {} });
    if (auc === void 0) return void 0;
    sum += auc;
  }
  return sum / p.classes;
}
var EPS = 2220446049250313e-31;
function multiclassLogLoss(p) {
  let loss = 0;
  let total = 0;
  for (let i = 0; i < p.labels.length; i++) {
    const w = weightOf3(p, i);
    const row = p.scores[i];
    let sum = 0;
    for (let c = 0; c < row.length; c++) sum += Math.min(Math.max(Number(row[c]), EPS), 1 - EPS);
    const chosen = Math.min(Math.max(Number(row[Number(p.labels[i])]), EPS), 1 - EPS) / sum;
    loss += -Math.log(chosen) * w;
    total += w;
  }
  return loss / total;
}
var mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
function weightedMean(xs, ws) {
  let sum = 0;
  let total = 0;
  for (let c = 0; c < xs.length; c++) {
    sum += xs[c] * ws[c];
    total += ws[c];
  }
  return sum / total;
}
var f1Of = (precision, recall) => {
  const denominator = precision + recall;
  return denominator === 0 ? 0 : 2 * precision * recall / denominator;
};
function multiclassMetrics(p) {
  check(p);
  const k = p.classes;
  const predicted = predictedClasses(p);
  const confusion2 = confusionMatrix(p, predicted);
  const tp = [];
  const predictedSum = new Array(k).fill(0);
  const trueSum = new Array(k).fill(0);
  const occurs = new Array(k).fill(false);
  for (let i = 0; i < p.labels.length; i++) {
    occurs[Number(p.labels[i])] = true;
    occurs[predicted[i]] = true;
  }
  for (let c = 0; c < k; c++) {
    tp.push(confusion2[c][c]);
    for (let d = 0; d < k; d++) {
      trueSum[c] += confusion2[c][d];
      predictedSum[c] += confusion2[d][c];
    }
  }
  const weight = trueSum.reduce((a, b) => a + b, 0);
  const tpTotal = tp.reduce((a, b) => a + b, 0);
  const precisionDefined = predictedSum.every((s) => s !== 0);
  const recallDefined = trueSum.every((s) => s !== 0);
  const f1Defined = predictedSum.every((s, c) => s !== 0 || trueSum[c] !== 0);
  const precision = tp.map((t, c) => predictedSum[c] === 0 ? 0 : t / predictedSum[c]);
  const recall = tp.map((t, c) => trueSum[c] === 0 ? 0 : t / trueSum[c]);
  const f1 = precision.map((x, c) => f1Of(x, recall[c]));
  const precisionMicro = predictedSum.reduce((a, b) => a + b, 0);
  const recallMicro = trueSum.reduce((a, b) => a + b, 0);
  const pMicro = precisionMicro > 0 ? tpTotal / precisionMicro : void 0;
  const rMicro = recallMicro > 0 ? tpTotal / recallMicro : void 0;
  const fMicro = pMicro !== void 0 && rMicro !== void 0 ? f1Of(pMicro, rMicro) : void 0;
  const occurring = [...occurs.keys()].filter((c) => occurs[c]);
  const balanced = occurring.every((c) => trueSum[c] !== 0) ? mean(occurring.map((c) => tp[c] / trueSum[c])) : void 0;
  const auc = rocAucOvrMacro(p);
  const defined = (ok, compute) => ok ? compute() : void 0;
  const optional = {
    balanced_accuracy: balanced,
    precision_macro: defined(precisionDefined, () => mean(precision)),
    recall_macro: defined(recallDefined, () => mean(recall)),
    f1_macro: defined(f1Defined, () => mean(f1)),
    precision_micro: pMicro,
    recall_micro: rMicro,
    f1_micro: fMicro,
    precision_weighted: defined(precisionDefined, () => weightedMean(precision, trueSum)),
    recall_weighted: defined(recallDefined, () => weightedMean(recall, trueSum)),
    f1_weighted: defined(f1Defined, () => weightedMean(f1, trueSum)),
    roc_auc_ovr_macro: auc
  };
  return {
    count: p.labels.length,
    weight,
    confusion: confusion2,
    accuracy: tpTotal / weight,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== void 0)),
    log_loss: multiclassLogLoss(p)
  };
}

// src/core/predictions/regression.ts
var EPS2 = 2220446049250313e-31;
function regressionMetrics(p) {
  const n = p.targets.length;
  const w = (i) => p.weights ? Number(p.weights[i]) : 1;
  let weight = 0;
  let absolute = 0;
  let squared = 0;
  let percentage = 0;
  let targetSum = 0;
  for (let i = 0; i < n; i++) {
    const y = Number(p.targets[i]);
    const e = Number(p.predictions[i]) - y;
    const wi = w(i);
    weight += wi;
    absolute += wi * Math.abs(e);
    squared += wi * e * e;
    percentage += wi * (Math.abs(e) / Math.max(Math.abs(y), EPS2));
    targetSum += wi * y;
  }
  const mean2 = targetSum / weight;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const d = Number(p.targets[i]) - mean2;
    spread += w(i) * d * d;
  }
  const r2 = n >= 2 && spread > 0 ? 1 - squared / spread : void 0;
  return {
    count: n,
    weight,
    mae: absolute / weight,
    rmse: Math.sqrt(squared / weight),
    ...r2 === void 0 ? {} : { r2 },
    mape: percentage / weight
  };
}

// src/core/predictions/resample.ts
var REGRESSION_RESAMPLED = ["mae", "rmse", "r2", "mape"];
var MULTICLASS_RESAMPLED = [
  "accuracy",
  "balanced_accuracy",
  "precision_macro",
  "recall_macro",
  "f1_macro",
  "precision_micro",
  "recall_micro",
  "f1_micro",
  "precision_weighted",
  "recall_weighted",
  "f1_weighted",
  "roc_auc_ovr_macro",
  "log_loss"
];
function cellMembers(table, codesOf) {
  const members = [identity(table.rows)];
  for (let j = 0; j < codesOf.length; j++) {
    const codes = codesOf[j];
    const values = table.slices[j].values.length;
    const counts = new Uint32Array(values);
    for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
    const lists = Array.from(counts, (count) => new Uint32Array(count));
    const filled = new Uint32Array(values);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i];
      lists[code][filled[code]++] = i;
    }
    members.push(...lists);
  }
  return members;
}
function computeOf(table) {
  if (table.task === "regression") {
    const targets = table.labels;
    const predictions = table.predictions;
    return {
      metrics: REGRESSION_RESAMPLED,
      compute: (rows, weights) => {
        const m = regressionMetrics({
          targets: gather(targets, rows),
          predictions: gather(predictions, rows),
          weights
        });
        return { ...m };
      }
    };
  }
  const k = table.classes.length;
  const scores = table.classScores;
  return {
    metrics: MULTICLASS_RESAMPLED,
    compute: (rows, weights) => {
      const m = multiclassMetrics({
        labels: gather(table.labels, rows),
        scores: Array.from(rows, (i) => scores.subarray(i * k, (i + 1) * k)),
        weights,
        classes: k
      });
      return { ...m };
    }
  };
}
function exactResampler(table, members, drawIndex) {
  const { metrics, compute } = computeOf(table);
  const stride = metrics.length;
  function evaluate2(key, out) {
    out.fill(NaN);
    members.forEach((rows, cell) => {
      const drawn = [];
      const weights = [];
      for (const i of rows) {
        const draw = key === void 0 ? 1 : poissonWeight(key, drawIndex ? drawIndex[i] : i);
        if (draw === 0) continue;
        drawn.push(i);
        weights.push((table.weights ? table.weights[i] : 1) * draw);
      }
      if (drawn.length === 0) return;
      const values = compute(Uint32Array.from(drawn), Float64Array.from(weights));
      metrics.forEach((name, m) => {
        const value = values[name];
        out[cell * stride + m] = typeof value === "number" ? value : NaN;
      });
    });
  }
  return { metrics, cells: members.length, evaluate: evaluate2 };
}

// src/core/predictions/evaluate.ts
var MAX_SLICE_VALUES = 250;
var MAX_CELLS = 1e3;
function effectiveCount(table, rows) {
  if (!table.weights) return rows.length;
  let sum = 0;
  let squares = 0;
  for (const i of rows) {
    const w = table.weights[i];
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? sum * sum / squares : 0;
}
function pointMetrics(table, spec, rows) {
  const weights = table.weights ? gather(table.weights, rows) : void 0;
  if (table.task !== "binary")
    return computeOf(table).compute(rows, weights ?? new Float64Array(rows.length).fill(1));
  const p = {
    labels: gather(table.labels, rows),
    scores: gather(table.scores, rows),
    ...weights ? { weights } : {}
  };
  return {
    ...binaryMetrics(p, spec.threshold),
    expected_calibration_error: expectedCalibrationError(p, spec.calibrationBins)
  };
}
function resamplerOf(table, spec, codes, members, drawIndex) {
  if (table.task !== "binary") return exactResampler(table, members, drawIndex);
  return binaryResampler({
    labels: table.labels,
    scores: table.scores,
    ...table.weights ? { weights: table.weights } : {},
    ...drawIndex ? { drawIndex } : {},
    slices: codes.map((c, j) => ({ codes: c, values: table.slices[j].values.length })),
    threshold: spec.threshold,
    bins: spec.calibrationBins
  });
}
function pair(candidate, baseline) {
  if (!candidate.ids || !baseline.ids)
    return { ok: false, error: "pairing a baseline's predictions needs an `id` column in both files" };
  const index = sameOrder(candidate.ids, baseline.ids) ?? byIds(candidate.ids, baseline.ids);
  if (!(index instanceof Uint32Array)) return describeMismatch(candidate, baseline, index.extra);
  for (let j = 0; j < baseline.rows; j++) {
    const i = index[j];
    if (baseline.labels[j] !== candidate.labels[i])
      return {
        ok: false,
        error: `${baseline.file} and ${candidate.file} disagree on the label of id '${baseline.ids[j]}': the baseline must be scored on the same labelled examples`
      };
  }
  if (candidate.weights === void 0 !== (baseline.weights === void 0))
    return {
      ok: false,
      error: `${candidate.weights ? candidate.file : baseline.file} weighs its examples and ${candidate.weights ? baseline.file : candidate.file} does not: both models must be judged on the same weighted examples`
    };
  if (candidate.weights && baseline.weights) {
    for (let j = 0; j < baseline.rows; j++)
      if (baseline.weights[j] !== candidate.weights[index[j]])
        return {
          ok: false,
          error: `${baseline.file} and ${candidate.file} disagree on the weight of id '${baseline.ids[j]}': both models must be judged on the same weighted examples`
        };
  }
  return { ok: true, index };
}
function sameOrder(candidate, baseline) {
  if (candidate.length !== baseline.length) return void 0;
  for (let i = 0; i < candidate.length; i++) if (candidate[i] !== baseline[i]) return void 0;
  return identity(candidate.length);
}
function byIds(candidate, baseline) {
  const byId = /* @__PURE__ */ new Map();
  candidate.forEach((id, i) => byId.set(id, i));
  const index = new Uint32Array(baseline.length);
  const extra = [];
  for (let j = 0; j < baseline.length; j++) {
    const i = byId.get(baseline[j]);
    if (i === void 0) extra.push(baseline[j]);
    else index[j] = i;
  }
  return extra.length > 0 || candidate.length !== baseline.length ? { extra } : index;
}
function describeMismatch(candidate, baseline, extra) {
  const missing = candidate.rows - (baseline.rows - extra.length);
  const example = extra.length > 0 ? `, e.g. id '${extra[0]}' is only in ${baseline.file}` : "";
  return {
    ok: false,
    error: `${baseline.file} and ${candidate.file} are predictions on different examples (${missing} ids only in the candidate's, ${extra.length} only in the baseline's${example}); a change check compares both models on the same examples`
  };
}
function byClass(matrix, classes) {
  return Object.fromEntries(
    classes.map((truth, t) => [
      truth,
      Object.fromEntries(classes.map((guess, g) => [guess, matrix[t][g]]))
    ])
  );
}
function resampled(resamplers, seed, content, from, to) {
  const runs = resamplers.map(() => []);
  for (let r = from; r < to; r++) {
    const key = resampleKey(seed, r, content);
    resamplers.forEach((resampler, m) => {
      const out = new Float64Array(resampler.cells * resampler.metrics.length);
      resampler.evaluate(key, out);
      runs[m].push(out);
    });
  }
  return runs;
}
function series(runs, at, map) {
  return Float64Array.from(runs, (out, r) => map ? map(out[at], r) : out[at]);
}
var finiteOrNull = (v) => typeof v === "number" && Number.isFinite(v) ? v : null;
function plan(table, baseline) {
  const wide = table.slices.find((s) => s.values.length > MAX_SLICE_VALUES);
  if (wide)
    return {
      ok: false,
      error: `${table.file}: slice column '${wide.column}' has ${wide.values.length} distinct values (at most ${MAX_SLICE_VALUES}); slice by a column that groups examples`
    };
  const cellCount = 1 + table.slices.reduce((n, s) => n + s.values.length, 0);
  if (cellCount > MAX_CELLS)
    return {
      ok: false,
      error: `${table.file}: the slice columns have ${cellCount - 1} values in all (at most ${MAX_CELLS - 1}); slice by fewer or coarser columns`
    };
  const codes = table.slices.map((s) => s.codes);
  const members = cellMembers(table, codes);
  if (!baseline) return { ok: true, plan: { content: contentKey(table), codes, members } };
  const pairing = pair(table, baseline);
  if (!pairing.ok) return pairing;
  const baselineCodes = codes.map((c) => gatherCodes(c, pairing.index));
  const sliced = {
    ...baseline,
    slices: table.slices.map((s, j) => ({ ...s, codes: baselineCodes[j] }))
  };
  const paired = {
    table: sliced,
    codes: baselineCodes,
    members: cellMembers(sliced, baselineCodes),
    index: pairing.index
  };
  return { ok: true, plan: { content: contentKey(table, baseline), codes, members, paired } };
}
function resampleByPlan(spec, table, { content, codes, members, paired }, from, to) {
  const resamplers = [resamplerOf(table, spec, codes, members)];
  if (paired) resamplers.push(resamplerOf(paired.table, spec, paired.codes, paired.members, paired.index));
  return resampled(resamplers, spec.bootstrap.seed, content, from, to);
}
function evaluatePredictions(spec, table, baseline, given) {
  const planned = plan(table, baseline);
  if (!planned.ok) return planned;
  const { members, paired } = planned.plan;
  const runs = given ?? resampleByPlan(spec, table, planned.plan, 0, spec.bootstrap.resamples);
  const names = table.task === "binary" ? BINARY_RESAMPLED : computeOf(table).metrics;
  const expectedLength = members.length * names.length;
  if (runs.length !== (paired ? 2 : 1) || runs.some((r) => r.length !== spec.bootstrap.resamples || r.some((o) => o.length !== expectedLength)))
    throw new RangeError("resample runs do not match the predictions and the bootstrap settings");
  const stride = names.length;
  const confidence = spec.bootstrap.confidence;
  const cellSlices = [
    void 0,
    ...table.slices.flatMap((s) => s.values.map((value) => ({ column: s.column, value })))
  ];
  const cells = members.map((rows, cell) => {
    const point = rows.length > 0 ? pointMetrics(table, spec, rows) : {};
    const metrics = {};
    const intervals = {};
    names.forEach((name, m) => {
      metrics[name] = finiteOrNull(point[name]);
      intervals[name] = percentileInterval(series(runs[0], cell * stride + m), confidence);
    });
    const result = {
      ...cellSlices[cell] ? { slice: cellSlices[cell] } : {},
      count: rows.length,
      weight: rows.length > 0 ? Number(point.weight ?? 0) : 0,
      judged: cell === 0 || rows.length >= spec.minSliceCount && effectiveCount(table, rows) >= spec.minSliceCount,
      metrics,
      intervals
    };
    if (paired) {
      const baseRows = paired.members[cell];
      const basePoint = baseRows.length > 0 ? pointMetrics(paired.table, spec, baseRows) : {};
      const comparison = { baseline: {}, difference: {}, ratio: {} };
      names.forEach((name, m) => {
        const at = cell * stride + m;
        comparison.baseline[name] = finiteOrNull(basePoint[name]);
        comparison.difference[name] = percentileInterval(
          series(runs[0], at, (v, r) => v - runs[1][r][at]),
          confidence
        );
        comparison.ratio[name] = percentileInterval(
          series(runs[0], at, (v, r) => {
            const b = runs[1][r][at];
            return b > 0 ? v / b : NaN;
          }),
          confidence
        );
      });
      result.comparison = comparison;
    }
    const confusion2 = point.confusion;
    if (table.task === "binary" && confusion2) result.confusion = confusion2;
    if (table.task === "multiclass" && Array.isArray(confusion2))
      result.confusion = byClass(confusion2, table.classes);
    return result;
  });
  return {
    ok: true,
    result: {
      task: table.task,
      rows: table.rows,
      ...table.task === "binary" ? { threshold: spec.threshold, calibrationBins: spec.calibrationBins } : {},
      ...table.classes ? { classes: table.classes } : {},
      bootstrap: { method: "poisson", ...spec.bootstrap },
      minSliceCount: spec.minSliceCount,
      cells,
      slices: table.slices.map((s) => ({ column: s.column, values: s.values })),
      ...baseline ? { paired: { file: baseline.file, examples: baseline.rows } } : {}
    }
  };
}

// src/node/predictions/read.ts
import { closeSync, fstatSync, openSync } from "node:fs";
import { extname } from "node:path";

// src/node/predictions/errors.ts
var PredictionsReadError = class extends Error {
  name = "PredictionsReadError";
};
function lineLocator(shown) {
  return { at: (line) => `${shown}:${line}`, name: (line) => `line ${line}` };
}
function rowLocator(shown) {
  return { at: (row) => `${shown}: row ${row}`, name: (row) => `row ${row}` };
}
var MAX_LISTED = 20;
function listNames(names) {
  const shown = names.slice(0, MAX_LISTED).join(", ");
  return names.length > MAX_LISTED ? `${shown}, \u2026 (${names.length - MAX_LISTED} more)` : shown;
}
function noColumn(where, column, columns) {
  return new PredictionsReadError(`${where}: no column '${column}' (columns: ${listNames(columns)})`);
}

// src/node/predictions/csv.ts
import { readSync } from "node:fs";

// src/node/predictions/numbers.ts
var POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
function fastDecimal(text, start, end) {
  let i = start;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
    } else if (c === 46 && point === -1) {
      point = i;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = point === -1 || point === end - 1 ? mantissa : mantissa / POW10[end - point - 1];
  return negative ? -value : value;
}
var NOT_FINITE_TEXT = /^[+-]?(nan|inf|infinity)$/i;
function slowNumber(raw, column) {
  const t = raw.trim();
  if (t === "") return `column '${column}' is empty`;
  const v = Number(t);
  const c1 = t.length > 1 && t.charCodeAt(0) === 48 ? t.charCodeAt(1) | 32 : 0;
  if (Number.isFinite(v) && c1 !== 120 && c1 !== 98 && c1 !== 111) return v;
  const notFinite = !Number.isNaN(v) && c1 === 0 || NOT_FINITE_TEXT.test(t);
  return `column '${column}': '${t}' is not a ${notFinite ? "finite number" : "number"}`;
}

// src/node/predictions/text-index.ts
function ownString(text) {
  return text.length < 13 ? text : (" " + text).slice(1);
}
function hashOf(text, start, end) {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h ^ h >>> 15 | 0;
}
var TextIndex = class {
  values = [];
  /** Whether the last `intern` added its value. */
  added = false;
  hashes = new Int32Array(64);
  /** An index + 1, or 0 for an empty slot. */
  slots = new Int32Array(256);
  probeHash = 0;
  /** The slot of `text[start, end)`, or of the empty slot where it would go (negated, minus 1). */
  probe(text, start, end) {
    const hash = hashOf(text, start, end);
    this.probeHash = hash;
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = at + 1 & mask) {
      const slot = slots[at];
      if (slot === 0) return -at - 1;
      const value = this.values[slot - 1];
      if (this.hashes[slot - 1] === hash && value.length === length && text.startsWith(value, start))
        return at;
    }
  }
  /** The index of `text[start, end)`, or -1. */
  find(text, start = 0, end = text.length) {
    const at = this.probe(text, start, end);
    return at < 0 ? -1 : this.slots[at] - 1;
  }
  /** The index of `text[start, end)`, added if new (`added` says which). */
  intern(text, start = 0, end = text.length) {
    const at = this.probe(text, start, end);
    this.added = at < 0;
    if (at >= 0) return this.slots[at] - 1;
    const index = this.values.length;
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.values.push(ownString(start === 0 && end === text.length ? text : text.slice(start, end)));
    this.hashes[index] = this.probeHash;
    this.slots[-at - 1] = index + 1;
    if ((index + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    return index;
  }
  rehash(size) {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.values.length; i++) {
      let at = this.hashes[i] & mask;
      while (slots[at] !== 0) at = at + 1 & mask;
      slots[at] = i + 1;
    }
    this.slots = slots;
  }
};

// src/node/predictions/ids.ts
function hashOf2(text, start, end) {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}
var IdColumn = class {
  ids = [];
  hashes = new Int32Array(1024);
  add(text, start, end) {
    const index = this.ids.length;
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hashOf2(text, start, end);
    this.ids.push(ownString(start === 0 && end === text.length ? text : text.slice(start, end)));
  }
  /**
   * The repeated id whose second row comes first, if any. The rows are split by the top byte of
   * their hash (one counting pass and one scatter, row order kept), then each part, a few
   * thousand ids, goes through a small hash table that stays in the processor's cache.
   */
  firstRepeat() {
    const n = this.ids.length;
    const hashes = this.hashes;
    const starts = new Uint32Array(257);
    for (let i = 0; i < n; i++) starts[(hashes[i] >>> 24) + 1]++;
    for (let b = 1; b < 257; b++) starts[b] += starts[b - 1];
    const order = new Uint32Array(n);
    const fill = starts.slice(0, 256);
    for (let i = 0; i < n; i++) order[fill[hashes[i] >>> 24]++] = i;
    let best;
    let table = new Int32Array(1024);
    for (let b = 0; b < 256; b++) {
      const lo = starts[b];
      const hi = starts[b + 1];
      let size = 1024;
      while (size < (hi - lo) * 2) size *= 2;
      if (size > table.length) table = new Int32Array(size);
      else table.fill(0, 0, size);
      const mask = size - 1;
      for (let k = lo; k < hi; k++) {
        const row = order[k];
        const hash = hashes[row];
        let at = hash & mask;
        for (let slot = table[at]; slot !== 0; slot = table[at]) {
          const other = slot - 1;
          if (hashes[other] === hash && this.ids[other] === this.ids[row]) {
            if (!best || row < best.second) best = { id: this.ids[row], first: other, second: row };
            break;
          }
          at = at + 1 & mask;
        }
        if (table[at] === 0) table[at] = row + 1;
      }
    }
    return best;
  }
};

// src/node/predictions/columns.ts
var MAX_ROWS = 5e6;
var MAX_ROW_BYTES = 16 * 1024 * 1024;
var MISSING_SLICE = "(missing)";
function show(value) {
  let out;
  if (typeof value === "string") out = JSON.stringify(value);
  else if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean")
    out = String(value);
  else if (value instanceof Date) out = value.toISOString();
  else if (value === void 0) out = "undefined";
  else out = JSON.stringify(value) ?? String(value);
  return clip(out);
}
function clip(text) {
  return text.length > 60 ? `${text.slice(0, 57)}\u2026` : text;
}
function typeName(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "object") return "an object";
  if (typeof value === "boolean") return "a boolean";
  return `a ${typeof value}`;
}
function typedNumber(value, column) {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : `column '${column}': ${String(value)} is not a finite number`;
  }
  if (typeof value === "bigint") return Number(value);
  if (value === null || value === void 0) return `column '${column}' is null`;
  if (typeof value === "string") {
    return `column '${column}': ${show(value)} is a string, not a number (write numbers unquoted)`;
  }
  return `column '${column}': ${show(value)} is ${typeName(value)}, not a number`;
}
function classNumber(text) {
  const t = text.trim();
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : void 0;
}
var Role = { Label: 0, Score: 1, Class: 2, Prediction: 3, Id: 4, Weight: 5, Slice: 6 };
function isSpace(code) {
  return code === 32 || code === 9 || code === 13 || code === 10;
}
var TableBuilder = class {
  constructor(spec, shown, where, maxRows = MAX_ROWS) {
    this.shown = shown;
    this.where = where;
    this.maxRows = maxRows;
    this.task = spec.task;
    this.idColumn = spec.id ?? "";
    const add = (role, column, what, index = 0) => {
      if (typeof column !== "string" || column === "") {
        throw new PredictionsReadError(`${shown}: the ${spec.task} predictions spec names no ${what}`);
      }
      let at = this.columns.indexOf(column);
      if (at === -1) at = this.columns.push(column) - 1;
      this.fields.push({ role, column, at, index });
    };
    add(Role.Label, spec.label, "label column");
    if (spec.task === "binary") {
      add(Role.Score, spec.score, "score column");
      this.scores = new Float64Array(0);
    } else if (spec.task === "multiclass") {
      const scores = spec.scores ?? [];
      if (scores.length === 0)
        throw new PredictionsReadError(`${shown}: the multiclass predictions spec names no scores`);
      for (const { cls, column } of scores) {
        const index = this.classes.intern(String(cls));
        if (!this.classes.added)
          throw new PredictionsReadError(`${shown}: class '${cls}' is listed twice in scores`);
        const n = classNumber(String(cls));
        if (n !== void 0 && !this.classByNumber.has(n)) this.classByNumber.set(n, index);
        add(Role.Class, column, `score column for class '${cls}'`, index);
      }
      this.classScores = new Float64Array(0);
    } else if (spec.task === "regression") {
      add(Role.Prediction, spec.prediction, "prediction column");
      this.predictions = new Float64Array(0);
    } else {
      throw new PredictionsReadError(`${shown}: unknown predictions task '${String(spec.task)}'`);
    }
    if (spec.id !== void 0) {
      add(Role.Id, spec.id, "id column");
      this.ids = new IdColumn();
      this.locs = new Float64Array(0);
    }
    if (spec.weight !== void 0) {
      add(Role.Weight, spec.weight, "weight column");
      this.weights = new Float64Array(0);
    }
    for (const column of spec.slices ?? []) {
      add(Role.Slice, column, "slice column", this.slices.length);
      this.slices.push({ column, values: new TextIndex(), codes: new Uint32Array(0) });
    }
    const named = new Set(this.fields.filter((f) => f.role !== Role.Slice).map((f) => f.column));
    this.sliceOnly = new Set(this.columns.filter((c) => !named.has(c)));
    this.positions = Int32Array.from(this.columns, (_, i) => i);
    this.grow(Math.min(1024, maxRows));
  }
  shown;
  where;
  maxRows;
  columns = [];
  /** The columns only slices name: absent from a JSON object, they are a missing value. */
  sliceOnly;
  fields = [];
  task;
  idColumn;
  positions;
  rows = 0;
  cap = 0;
  labels = new Float64Array(0);
  scores;
  classScores;
  predictions;
  weights;
  ids;
  /** With ids: each row's line or row number, to name the first of a repeated id. */
  locs;
  slices = [];
  classes = new TextIndex();
  classByNumber = /* @__PURE__ */ new Map();
  /** Where each of `columns` is among the cells of a row. */
  bind(positions) {
    this.positions = Int32Array.from(positions);
  }
  get count() {
    return this.rows;
  }
  grow(cap) {
    const k = this.classes.values.length;
    const copy = (a, size) => {
      const out = new Float64Array(size);
      out.set(a);
      return out;
    };
    this.labels = copy(this.labels, cap);
    if (this.scores) this.scores = copy(this.scores, cap);
    if (this.classScores) this.classScores = copy(this.classScores, cap * k);
    if (this.predictions) this.predictions = copy(this.predictions, cap);
    if (this.weights) this.weights = copy(this.weights, cap);
    if (this.locs) this.locs = copy(this.locs, cap);
    for (const s of this.slices) {
      const codes = new Uint32Array(cap);
      codes.set(s.codes);
      s.codes = codes;
    }
    this.cap = cap;
  }
  /** A column with more values than slices may have is refused as soon as it shows, not after the file. */
  checkSliceValues(slice, column, loc) {
    if (slice.values.values.length > MAX_SLICE_VALUES)
      this.fail(
        loc,
        `column '${column}' has more than ${MAX_SLICE_VALUES} distinct values, too many to slice by (it identifies examples rather than grouping them)`
      );
  }
  fail(loc, message2) {
    throw new PredictionsReadError(`${this.where.at(loc)}: ${message2}`);
  }
  /** The next row's index, the arrays grown to hold it. */
  begin(loc) {
    const row = this.rows;
    if (row === this.cap) {
      if (row >= this.maxRows) {
        this.fail(
          loc,
          `more than ${this.maxRows.toLocaleString("en-US")} rows; a predictions file is read whole`
        );
      }
      this.grow(Math.min(this.cap * 2, this.maxRows));
    }
    return row;
  }
  probability(v, column, loc, quoted) {
    if (v >= 0 && v <= 1) return v;
    return this.fail(loc, `column '${column}': ${quoted} is not a probability in [0, 1]`);
  }
  weight(v, column, loc, quoted) {
    if (v >= 0) return v;
    return this.fail(loc, `column '${column}': ${quoted} is negative; weights are \u2265 0`);
  }
  storeId(text, start, end, loc, row) {
    this.ids.add(text, start, end);
    this.locs[row] = loc;
  }
  /** A repeated id, found once every id is read. */
  checkIds() {
    const repeat = this.ids?.firstRepeat();
    if (!repeat) return;
    const locs = this.locs;
    this.fail(
      locs[repeat.second],
      `column '${this.idColumn}': id '${clip(repeat.id)}' is repeated (first on ${this.where.name(locs[repeat.first])})`
    );
  }
  classFromText(text, column, loc, quoted) {
    const n = text === "" ? void 0 : classNumber(text);
    const byNumber = n === void 0 ? void 0 : this.classByNumber.get(n);
    if (byNumber !== void 0) return byNumber;
    if (text.trim() === "") this.fail(loc, `column '${column}' is empty`);
    return this.fail(
      loc,
      `column '${column}': ${quoted} is not one of the classes (${listNames(this.classes.values)})`
    );
  }
  /** One CSV row: each cell a range of the file's text. */
  addText(cells, loc) {
    const row = this.begin(loc);
    const positions = this.positions;
    const fields = this.fields;
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      const p = positions[field.at];
      const escaped = cells.escaped[p];
      let text = cells.text;
      let start = cells.starts[p];
      let end = cells.ends[p];
      if (escaped !== void 0) {
        text = escaped;
        start = 0;
        end = escaped.length;
      }
      const column = field.column;
      const role = field.role;
      if (role === Role.Slice) {
        while (start < end && isSpace(text.charCodeAt(start))) start++;
        while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
        const slice = this.slices[field.index];
        slice.codes[row] = start === end ? slice.values.intern(MISSING_SLICE) : slice.values.intern(text, start, end);
        this.checkSliceValues(slice, column, loc);
        continue;
      }
      if (role === Role.Id) {
        while (start < end && isSpace(text.charCodeAt(start))) start++;
        while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
        if (start === end) this.fail(loc, `column '${column}' is empty`);
        this.storeId(text, start, end, loc, row);
        continue;
      }
      if (role === Role.Label && this.task !== "regression") {
        this.labels[row] = this.task === "binary" ? this.binaryLabelText(text, start, end, column, loc) : this.classLabelText(text, start, end, column, loc);
        continue;
      }
      let v = fastDecimal(text, start, end);
      if (v !== v) {
        const slow = slowNumber(text.slice(start, end), column);
        if (typeof slow === "string") this.fail(loc, slow);
        v = slow;
      }
      if (role === Role.Label || role === Role.Prediction) {
        (role === Role.Label ? this.labels : this.predictions)[row] = v;
      } else if (role === Role.Weight) {
        this.weights[row] = v >= 0 ? v : this.weight(v, column, loc, `'${text.slice(start, end).trim()}'`);
      } else {
        const p2 = v >= 0 && v <= 1 ? v : this.probability(v, column, loc, `'${text.slice(start, end).trim()}'`);
        if (role === Role.Score) this.scores[row] = p2;
        else this.classScores[row * this.classes.values.length + field.index] = p2;
      }
    }
    this.rows = row + 1;
  }
  binaryLabelText(text, start, end, column, loc) {
    if (end - start === 1) {
      const c = text.charCodeAt(start);
      if (c === 48) return 0;
      if (c === 49) return 1;
    }
    const t = text.slice(start, end).trim();
    const lower = t.toLowerCase();
    if (lower === "0" || lower === "0.0" || lower === "false") return 0;
    if (lower === "1" || lower === "1.0" || lower === "true") return 1;
    if (t === "") this.fail(loc, `column '${column}' is empty`);
    return this.fail(loc, `column '${column}': '${clip(t)}' is not a binary label (0, 1, true or false)`);
  }
  classLabelText(text, start, end, column, loc) {
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const at = this.classes.find(text, start, end);
    if (at !== -1) return at;
    const t = text.slice(start, end);
    return this.classFromText(t, column, loc, `'${clip(t)}'`);
  }
  number(value, column, loc) {
    const v = typedNumber(value, column);
    if (typeof v === "string") this.fail(loc, v);
    return v;
  }
  binaryLabel(value, column, loc) {
    if (value === 0 || value === false || value === 0n) return 0;
    if (value === 1 || value === true || value === 1n) return 1;
    if (value === null || value === void 0) this.fail(loc, `column '${column}' is null`);
    if (typeof value === "string") {
      this.fail(loc, `column '${column}': ${show(value)} is a string, not a label (0, 1, true or false)`);
    }
    return this.fail(loc, `column '${column}': ${show(value)} is not a binary label (0, 1, true or false)`);
  }
  classLabel(value, column, loc) {
    let text;
    if (typeof value === "string") text = value;
    else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
      text = String(value);
    else return this.fail(loc, `column '${column}' is ${typeName(value)}, not a class`);
    const at = this.classes.find(text);
    return at !== -1 ? at : this.classFromText(text, column, loc, show(value));
  }
  idText(value, column, loc) {
    if (typeof value === "string") {
      if (value.trim() === "") this.fail(loc, `column '${column}' is empty`);
      return value;
    }
    if (typeof value === "bigint") return value.toString();
    if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
    if (value === null || value === void 0) this.fail(loc, `column '${column}' is null`);
    return this.fail(loc, `column '${column}': ${show(value)} is not a string or an integer`);
  }
  sliceText(value) {
    if (typeof value === "string") return value === "" ? MISSING_SLICE : value;
    if (value === null || value === void 0) return MISSING_SLICE;
    if (typeof value === "number") return Number.isNaN(value) ? MISSING_SLICE : String(value);
    if (typeof value === "bigint" || typeof value === "boolean") return String(value);
    if (value instanceof Date) return value.toISOString();
    return JSON.stringify(value) ?? String(value);
  }
  /** One JSON or Parquet row: `cells[positions[i]]` is the value of `columns[i]`. */
  add(cells, loc) {
    const row = this.begin(loc);
    const positions = this.positions;
    for (const field of this.fields) {
      const value = cells[positions[field.at]];
      const column = field.column;
      switch (field.role) {
        case Role.Label:
          this.labels[row] = this.task === "binary" ? this.binaryLabel(value, column, loc) : this.task === "multiclass" ? this.classLabel(value, column, loc) : this.number(value, column, loc);
          break;
        case Role.Score:
        case Role.Class: {
          const v = this.number(value, column, loc);
          const p = v >= 0 && v <= 1 ? v : this.probability(v, column, loc, show(value));
          if (field.role === Role.Score) this.scores[row] = p;
          else this.classScores[row * this.classes.values.length + field.index] = p;
          break;
        }
        case Role.Prediction:
          this.predictions[row] = this.number(value, column, loc);
          break;
        case Role.Weight: {
          const v = this.number(value, column, loc);
          this.weights[row] = v >= 0 ? v : this.weight(v, column, loc, show(value));
          break;
        }
        case Role.Id: {
          const id = this.idText(value, column, loc);
          this.storeId(id, 0, id.length, loc, row);
          break;
        }
        case Role.Slice: {
          const slice = this.slices[field.index];
          slice.codes[row] = slice.values.intern(this.sliceText(value));
          this.checkSliceValues(slice, column, loc);
          break;
        }
      }
    }
    this.rows = row + 1;
  }
  /** The table, its arrays trimmed to the rows read. */
  finish() {
    const n = this.rows;
    if (n === 0) throw new PredictionsReadError(`${this.shown}: no rows`);
    this.checkIds();
    const slices = this.slices.map((s) => ({
      column: s.column,
      values: s.values.values,
      codes: s.codes.slice(0, n)
    }));
    const table = {
      file: this.shown,
      task: this.task,
      rows: n,
      labels: this.labels.slice(0, n),
      slices
    };
    if (this.scores) table.scores = this.scores.slice(0, n);
    if (this.classScores) {
      table.classScores = this.classScores.slice(0, n * this.classes.values.length);
      table.classes = [...this.classes.values];
    }
    if (this.predictions) table.predictions = this.predictions.slice(0, n);
    if (this.weights) table.weights = this.weights.slice(0, n);
    if (this.ids) table.ids = this.ids.ids;
    return table;
  }
};

// src/node/predictions/csv.ts
var COMMA = 44;
var QUOTE = 34;
var LF = 10;
var CR = 13;
var CHUNK_BYTES = 1024 * 1024;
function countNewlines(text, from, to) {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
function isBlank(text, start, end) {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== CR) return false;
  }
  return true;
}
var CsvParser = class {
  constructor(shown, sink) {
    this.shown = shown;
    this.sink = sink;
  }
  shown;
  sink;
  /** The line the next record starts on. */
  line = 1;
  sawHeader = false;
  width = -1;
  want;
  row = {
    text: "",
    starts: new Int32Array(64),
    ends: new Int32Array(64),
    escaped: []
  };
  /** The next comma and newline at or after where they were last looked for, in the current text. */
  comma = -1;
  lf = -1;
  text = "";
  error(line, message2) {
    return new PredictionsReadError(`${this.shown}:${line}: ${message2}`);
  }
  /** Starts parsing a new piece of text. */
  reset(text) {
    this.text = text;
    this.row.text = text;
    this.comma = -1;
    this.lf = -1;
  }
  nextComma(from) {
    if (this.comma < from) {
      const at = this.text.indexOf(",", from);
      this.comma = at === -1 ? this.text.length : at;
    }
    return this.comma;
  }
  nextLf(from) {
    if (this.lf < from) {
      const at = this.text.indexOf("\n", from);
      this.lf = at === -1 ? this.text.length : at;
    }
    return this.lf;
  }
  /**
   * Parses the record at `start` of the current text; returns the index after it, or -1 when the
   * text ends first and more is to come (the caller parses it again with more text).
   */
  record(start, final) {
    const text = this.text;
    const len = text.length;
    const want = this.want;
    const width = this.width;
    const row = this.row;
    let i = start;
    let col = 0;
    let newlines = 0;
    let firstQuoted = false;
    let firstEnd = start;
    for (; ; ) {
      const keep = want === void 0 || col < width && want[col] === 1;
      if (keep && col >= row.starts.length) this.widen(col + 1);
      let end;
      if (i < len && text.charCodeAt(i) === QUOTE) {
        if (col === 0) firstQuoted = true;
        const quoteLine = this.line + newlines;
        const open = i + 1;
        let seg = open;
        let unescaped;
        let close;
        for (; ; ) {
          const q = text.indexOf('"', seg);
          if (q === -1) {
            if (!final) return -1;
            throw this.error(quoteLine, "a quoted field is never closed");
          }
          if (q + 1 >= len && !final) return -1;
          if (text.charCodeAt(q + 1) === QUOTE) {
            if (keep) unescaped = (unescaped ?? "") + text.slice(seg, q + 1);
            seg = q + 2;
            continue;
          }
          close = q;
          break;
        }
        newlines += countNewlines(text, open, close);
        if (keep) {
          row.starts[col] = open;
          row.ends[col] = close;
          row.escaped[col] = unescaped === void 0 ? void 0 : unescaped + text.slice(seg, close);
        }
        i = close + 1;
        let c = i < len ? text.charCodeAt(i) : -1;
        if (c === CR) {
          if (i + 1 >= len && !final) return -1;
          if (i + 1 >= len) c = -1;
          else if (text.charCodeAt(i + 1) === LF) c = LF;
          i++;
        }
        if (c !== COMMA && c !== LF && c !== -1) {
          throw this.error(
            this.line + newlines,
            `a quoted field's closing quote is followed by '${text[i]}' (a quote inside a quoted field is written "")`
          );
        }
        end = c === -1 ? len : i;
      } else {
        const lf = this.nextLf(i);
        const comma = this.nextComma(i);
        end = comma < lf ? comma : lf;
        if (end >= len && !final) return -1;
        let stop = end;
        if (stop > i && text.charCodeAt(stop - 1) === CR && end === lf) stop--;
        if (keep) {
          row.starts[col] = i;
          row.ends[col] = stop;
          row.escaped[col] = void 0;
        }
        if (col === 0) firstEnd = stop;
      }
      col++;
      if (end < len && text.charCodeAt(end) === COMMA) {
        i = end + 1;
        continue;
      }
      const line = this.line;
      this.line += 1 + newlines;
      if (col === 1 && !firstQuoted && isBlank(text, start, firstEnd)) return end + 1;
      this.emit(col, line);
      return end + 1;
    }
  }
  widen(size) {
    const grow = (a) => {
      const out = new Int32Array(Math.max(size, a.length * 2));
      out.set(a);
      return out;
    };
    this.row.starts = grow(this.row.starts);
    this.row.ends = grow(this.row.ends);
  }
  emit(col, line) {
    const row = this.row;
    if (!this.sawHeader) {
      this.sawHeader = true;
      const cells = Array.from(
        { length: col },
        (_, i) => row.escaped[i] ?? this.text.slice(row.starts[i], row.ends[i])
      );
      this.width = col;
      this.want = this.sink.header(cells, line);
      return;
    }
    if (col !== this.width) {
      throw this.error(line, `${col} ${col === 1 ? "column" : "columns"} where the header has ${this.width}`);
    }
    this.sink.row(row, line);
  }
};
function fdReader(fd) {
  let position = 0;
  return (buffer, at, length) => {
    const got = readSync(fd, buffer, at, length, position);
    position += got;
    return got;
  };
}
function readCsv(read, shown, sink, chunkBytes = CHUNK_BYTES) {
  const parser = new CsvParser(shown, sink);
  let buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  let eof = false;
  let bomChecked = false;
  while (!eof) {
    if (filled === buffer.length) {
      if (buffer.length >= MAX_ROW_BYTES) {
        throw new PredictionsReadError(
          `${shown}:${parser.line}: a row longer than ${MAX_ROW_BYTES / (1024 * 1024)} MiB; is a quote left open?`
        );
      }
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    const got = read(buffer, filled, buffer.length - filled);
    if (got === 0) eof = true;
    filled += got;
    let start = 0;
    if (!bomChecked) {
      if (filled < 3 && !eof) continue;
      bomChecked = true;
      if (buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191) start = 3;
    }
    const end = eof ? filled : buffer.lastIndexOf(LF, filled - 1) + 1;
    if (end <= start) continue;
    const text = buffer.toString("utf8", start, end);
    parser.reset(text);
    let pos = 0;
    while (pos < text.length) {
      const next = parser.record(pos, eof);
      if (next < 0) break;
      pos = next;
    }
    const used = pos >= text.length ? end : end - Buffer.byteLength(text.slice(pos));
    buffer.copy(buffer, 0, used, filled);
    filled -= used;
  }
  return { header: parser.sawHeader };
}
function bindHeader(builder, shown, cells, line) {
  const names = cells.map((c) => c.trim());
  const want = new Uint8Array(names.length);
  const positions = builder.columns.map((column) => {
    const at = names.indexOf(column);
    if (at === -1) throw noColumn(shown, column, names);
    if (names.indexOf(column, at + 1) !== -1) {
      throw new PredictionsReadError(`${shown}:${line}: column '${column}' appears twice in the header`);
    }
    want[at] = 1;
    return at;
  });
  builder.bind(positions);
  return want;
}
function readCsvTable(read, shown, spec, chunkBytes = CHUNK_BYTES) {
  const builder = new TableBuilder(spec, shown, lineLocator(shown));
  const sink = {
    header: (cells, line) => bindHeader(builder, shown, cells, line),
    row: (cells, line) => builder.addText(cells, line)
  };
  const { header } = readCsv(read, shown, sink, chunkBytes);
  if (!header) throw new PredictionsReadError(`${shown}: the file is empty`);
  if (builder.count === 0) throw new PredictionsReadError(`${shown}: no rows below the header`);
  return builder.finish();
}

// src/node/predictions/jsonl.ts
function kindOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}
function readJsonlTable(next, shown, spec) {
  const builder = new TableBuilder(spec, shown, lineLocator(shown));
  const columns = builder.columns;
  const optional = columns.map((c) => builder.sliceOnly.has(c));
  const seen = new Uint8Array(columns.length);
  const cells = new Array(columns.length);
  let firstKeys;
  let line = 0;
  const handle = (raw) => {
    line++;
    const text = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (text.length === 0 || text.charCodeAt(0) <= 32 && text.trim() === "") return;
    let value;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new PredictionsReadError(`${shown}:${line}: invalid JSON: ${error.message}`);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new PredictionsReadError(`${shown}:${line}: expected a JSON object, got ${kindOf(value)}`);
    }
    const row = value;
    firstKeys ??= Object.keys(row);
    for (let i = 0; i < columns.length; i++) {
      const name = columns[i];
      if (Object.hasOwn(row, name)) {
        cells[i] = row[name];
        seen[i] = 1;
      } else if (optional[i]) {
        cells[i] = void 0;
      } else {
        throw noColumn(`${shown}:${line}`, name, Object.keys(row));
      }
    }
    builder.add(cells, line);
  };
  let parts = [];
  let pending = 0;
  let first = true;
  for (let chunk = next(); chunk !== void 0; chunk = next()) {
    if (first && chunk.length > 0) {
      if (chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
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
          `${shown}:${line + 1}: a line longer than ${MAX_ROW_BYTES / (1024 * 1024)} MiB`
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

// src/node/predictions/parquet.ts
import { readSync as readSync2 } from "node:fs";
import * as zlib from "node:zlib";
function compressors() {
  const out = {
    GZIP: (input) => new Uint8Array(zlib.unzipSync(input)),
    BROTLI: (input) => new Uint8Array(zlib.brotliDecompressSync(input))
  };
  const zstd = zlib.zstdDecompressSync;
  if (zstd) out.ZSTD = (input) => new Uint8Array(zstd(input));
  return out;
}
var BUILT_IN = ["UNCOMPRESSED", "SNAPPY"];
var FOOTER_GUESS = 16 * 1024;
function fileBuffer(fd, size) {
  return {
    byteLength: size,
    slice(start, end = size) {
      const length = Math.max(0, Math.min(end, size) - start);
      const bytes = new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const read = readSync2(fd, bytes, got, length - got, start + got);
        if (read === 0) break;
        got += read;
      }
      return bytes.buffer;
    }
  };
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}
function groupColumns(chunks, start, rows) {
  return chunks.map((parts) => {
    const only = parts.length === 1 ? parts[0] : void 0;
    if (only && only.rowStart === start && only.columnData.length === rows) return only.columnData;
    const values = new Array(rows);
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
async function readParquetTable(file, shown, spec) {
  const builder = new TableBuilder(spec, shown, rowLocator(shown));
  const hyparquet = await import("./node-2PCAAZRV.js");
  let metadata;
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
        `${shown}: column '${column}' is nested (a list, map or struct), not a value`
      );
    }
  }
  const total = Number(metadata.num_rows);
  if (total === 0) throw new PredictionsReadError(`${shown}: no rows`);
  if (total > MAX_ROWS) {
    throw new PredictionsReadError(
      `${shown}: ${total.toLocaleString("en-US")} rows, more than ${MAX_ROWS.toLocaleString("en-US")}; a predictions file is read whole`
    );
  }
  const decompress = compressors();
  const readable = /* @__PURE__ */ new Set([...BUILT_IN, ...Object.keys(decompress)]);
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      const name = meta?.path_in_schema[0];
      if (!meta || name === void 0 || !columns.includes(name) || readable.has(meta.codec)) continue;
      const zstd = meta.codec === "ZSTD" ? ` on Node ${process.version} (Node 22.15 or later can)` : "";
      throw new PredictionsReadError(
        `${shown}: column '${name}' is compressed with ${meta.codec}, which this reader cannot decompress${zstd}; write the file with snappy (pyarrow's default), gzip or no compression`
      );
    }
  }
  const cells = new Array(columns.length);
  let start = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    if (rows === 0) continue;
    const chunks = columns.map(() => []);
    try {
      await hyparquet.parquetRead({
        file,
        metadata,
        columns,
        rowStart: start,
        rowEnd: start + rows,
        compressors: decompress,
        onChunk: (chunk) => chunks[columns.indexOf(chunk.columnName)]?.push(chunk)
      });
    } catch (error) {
      throw new PredictionsReadError(
        `${shown}: cannot read rows ${start + 1}\u2013${start + rows}: ${message(error)}`
      );
    }
    const values = groupColumns(chunks, start, rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < values.length; c++) cells[c] = values[c][r];
      builder.add(cells, start + r + 1);
    }
    start += rows;
  }
  return builder.finish();
}

// src/node/predictions/read.ts
var EXTENSIONS = {
  ".csv": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet"
};
function predictionsFormat(path, spec) {
  return spec.file ?? EXTENSIONS[extname(path).toLowerCase()];
}
function describeFsError(shown, error) {
  const code = error.code;
  if (code === "ENOENT") return `${shown}: no such file or directory`;
  if (code === "EACCES" || code === "EPERM") return `${shown}: permission denied`;
  if (code === "EISDIR") return `${shown}: is a directory, not a predictions file`;
  return `${shown}: could not be read: ${error.message}`;
}
async function readOpen(fd, shown, spec, format) {
  const info = fstatSync(fd);
  if (info.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
  if (format === "parquet") return readParquetTable(fileBuffer(fd, info.size), shown, spec);
  if (format === "csv") return readCsvTable(fdReader(fd), shown, spec);
  return readJsonlTable(fileTextChunks(fd), shown, spec);
}
async function readPredictionsFile(full, shown, spec) {
  const format = predictionsFormat(full, spec);
  if (format === void 0) {
    return {
      ok: false,
      error: `${shown}: cannot tell the predictions file's format from its name; set file: csv | jsonl | parquet`
    };
  }
  let fd;
  try {
    fd = openSync(full, "r");
  } catch (error) {
    return { ok: false, error: describeFsError(shown, error) };
  }
  try {
    return { ok: true, table: await readOpen(fd, shown, spec, format) };
  } catch (error) {
    if (error instanceof PredictionsReadError) return { ok: false, error: error.message };
    if (typeof error.code === "string") {
      return { ok: false, error: describeFsError(shown, error) };
    }
    return { ok: false, error: `${shown}: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    closeSync(fd);
  }
}

// src/node/predictions/sources.ts
async function evaluate(spec, table, baseline) {
  const threads = threadsFor(spec, table.rows);
  if (threads <= 1) return evaluatePredictions(spec, table, baseline);
  const resampled2 = await resampleOnThreads(spec, table, baseline, threads);
  return resampled2.ok ? evaluatePredictions(spec, table, baseline, resampled2.runs) : resampled2;
}
function baselineSide(result) {
  return {
    ...result,
    cells: result.cells.map((cell) => ({
      ...cell,
      metrics: cell.comparison?.baseline ?? {},
      intervals: {},
      comparison: void 0,
      confusion: void 0
    }))
  };
}
async function computePredictionSources(metricSpecs, baselineSpecs, cwd) {
  const out = { metrics: [], baseline: [], metricErrors: {}, baselineErrors: {} };
  for (const spec of metricSpecs) {
    if (spec.format !== "predictions" || !spec.predictions) continue;
    const read = await readPredictionsFile(resolve(cwd, spec.path), spec.path, spec.predictions);
    if (!read.ok) {
      out.metricErrors[spec.name] = read.error;
      continue;
    }
    const baselineSpec = baselineSpecs.find((b) => b.name === spec.name && b.format === "predictions");
    let baseline = void 0;
    if (baselineSpec?.predictions) {
      const baseRead = await readPredictionsFile(
        resolve(cwd, baselineSpec.path),
        baselineSpec.path,
        baselineSpec.predictions
      );
      if (baseRead.ok) baseline = baseRead.table;
      else out.baselineErrors[spec.name] = baseRead.error;
    }
    let evaluated = await evaluate(spec.predictions, read.table, baseline);
    if (!evaluated.ok && baseline) {
      out.baselineErrors[spec.name] = evaluated.error;
      baseline = void 0;
      evaluated = await evaluate(spec.predictions, read.table);
    }
    if (!evaluated.ok) {
      out.metricErrors[spec.name] = evaluated.error;
      continue;
    }
    const result = evaluated.result;
    out.metrics.push({
      name: spec.name,
      file: spec.path,
      format: "predictions",
      values: predictionValues(result),
      predictions: result
    });
    if (baseline && baselineSpec) {
      const side = baselineSide(result);
      out.baseline.push({
        name: spec.name,
        file: baselineSpec.path,
        format: "predictions",
        values: predictionValues(side)
      });
    }
  }
  return out;
}
export {
  computePredictionSources
};
