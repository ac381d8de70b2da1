import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/node/predictions/resample-worker.ts
import { parentPort, workerData } from "node:worker_threads";

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
var EPS_FLOAT64 = 2220446049250313e-31;
function clippedLogLoss(isPositive, score) {
  const one = Math.min(Math.max(score, EPS_FLOAT64), 1 - EPS_FLOAT64);
  const zero = Math.min(Math.max(1 - score, EPS_FLOAT64), 1 - EPS_FLOAT64);
  return -Math.log((isPositive ? one : zero) / (one + zero));
}

// src/core/predictions/calibration.ts
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
  const table2 = new Uint8Array(65536);
  for (let top = 0; top < 65536; top++) {
    const low = weightOf2(top * 65536);
    table2[top] = low === weightOf2(top * 65536 + 65535) ? low : 255;
  }
  return table2;
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
  function evaluate(key, out) {
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
  return { metrics: BINARY_RESAMPLED, cells, evaluate };
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
function tableInto(hash, table2) {
  hash.update(table2.task);
  update(hash, table2.labels);
  update(hash, table2.scores);
  update(hash, table2.classScores);
  update(hash, table2.predictions);
  update(hash, table2.weights);
  hash.update(String(table2.ids?.length ?? -1));
  for (const id of table2.ids ?? []) hash.update(`${id}\0`);
  for (const slice of table2.slices) update(hash, slice.codes);
}
function contentKey(candidate, baseline2) {
  const hash = createHash("sha256");
  tableInto(hash, candidate);
  if (baseline2) tableInto(hash, baseline2);
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
  const confusion = confusionMatrix(p, predicted);
  const tp = [];
  const predictedSum = new Array(k).fill(0);
  const trueSum = new Array(k).fill(0);
  const occurs = new Array(k).fill(false);
  for (let i = 0; i < p.labels.length; i++) {
    occurs[Number(p.labels[i])] = true;
    occurs[predicted[i]] = true;
  }
  for (let c = 0; c < k; c++) {
    tp.push(confusion[c][c]);
    for (let d = 0; d < k; d++) {
      trueSum[c] += confusion[c][d];
      predictedSum[c] += confusion[d][c];
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
    confusion,
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
function cellMembers(table2, codesOf) {
  const members = [identity(table2.rows)];
  for (let j = 0; j < codesOf.length; j++) {
    const codes = codesOf[j];
    const values = table2.slices[j].values.length;
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
function computeOf(table2) {
  if (table2.task === "regression") {
    const targets = table2.labels;
    const predictions = table2.predictions;
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
  const k = table2.classes.length;
  const scores = table2.classScores;
  return {
    metrics: MULTICLASS_RESAMPLED,
    compute: (rows, weights) => {
      const m = multiclassMetrics({
        labels: gather(table2.labels, rows),
        scores: Array.from(rows, (i) => scores.subarray(i * k, (i + 1) * k)),
        weights,
        classes: k
      });
      return { ...m };
    }
  };
}
function exactResampler(table2, members, drawIndex) {
  const { metrics, compute } = computeOf(table2);
  const stride = metrics.length;
  function evaluate(key, out) {
    out.fill(NaN);
    members.forEach((rows, cell) => {
      const drawn = [];
      const weights = [];
      for (const i of rows) {
        const draw = key === void 0 ? 1 : poissonWeight(key, drawIndex ? drawIndex[i] : i);
        if (draw === 0) continue;
        drawn.push(i);
        weights.push((table2.weights ? table2.weights[i] : 1) * draw);
      }
      if (drawn.length === 0) return;
      const values = compute(Uint32Array.from(drawn), Float64Array.from(weights));
      metrics.forEach((name, m) => {
        const value = values[name];
        out[cell * stride + m] = typeof value === "number" ? value : NaN;
      });
    });
  }
  return { metrics, cells: members.length, evaluate };
}

// src/core/predictions/evaluate.ts
var MAX_SLICE_VALUES = 250;
var MAX_CELLS = 1e3;
function resamplerOf(table2, spec2, codes, members, drawIndex) {
  if (table2.task !== "binary") return exactResampler(table2, members, drawIndex);
  return binaryResampler({
    labels: table2.labels,
    scores: table2.scores,
    ...table2.weights ? { weights: table2.weights } : {},
    ...drawIndex ? { drawIndex } : {},
    slices: codes.map((c, j) => ({ codes: c, values: table2.slices[j].values.length })),
    threshold: spec2.threshold,
    bins: spec2.calibrationBins
  });
}
function pair(candidate, baseline2) {
  if (!candidate.ids || !baseline2.ids)
    return { ok: false, error: "pairing a baseline's predictions needs an `id` column in both files" };
  const index = sameOrder(candidate.ids, baseline2.ids) ?? byIds(candidate.ids, baseline2.ids);
  if (!(index instanceof Uint32Array)) return describeMismatch(candidate, baseline2, index.extra);
  for (let j = 0; j < baseline2.rows; j++) {
    const i = index[j];
    if (baseline2.labels[j] !== candidate.labels[i])
      return {
        ok: false,
        error: `${baseline2.file} and ${candidate.file} disagree on the label of id '${baseline2.ids[j]}': the baseline must be scored on the same labelled examples`
      };
  }
  if (candidate.weights === void 0 !== (baseline2.weights === void 0))
    return {
      ok: false,
      error: `${candidate.weights ? candidate.file : baseline2.file} weighs its examples and ${candidate.weights ? baseline2.file : candidate.file} does not: both models must be judged on the same weighted examples`
    };
  if (candidate.weights && baseline2.weights) {
    for (let j = 0; j < baseline2.rows; j++)
      if (baseline2.weights[j] !== candidate.weights[index[j]])
        return {
          ok: false,
          error: `${baseline2.file} and ${candidate.file} disagree on the weight of id '${baseline2.ids[j]}': both models must be judged on the same weighted examples`
        };
  }
  return { ok: true, index };
}
function sameOrder(candidate, baseline2) {
  if (candidate.length !== baseline2.length) return void 0;
  for (let i = 0; i < candidate.length; i++) if (candidate[i] !== baseline2[i]) return void 0;
  return identity(candidate.length);
}
function byIds(candidate, baseline2) {
  const byId = /* @__PURE__ */ new Map();
  candidate.forEach((id, i) => byId.set(id, i));
  const index = new Uint32Array(baseline2.length);
  const extra = [];
  for (let j = 0; j < baseline2.length; j++) {
    const i = byId.get(baseline2[j]);
    if (i === void 0) extra.push(baseline2[j]);
    else index[j] = i;
  }
  return extra.length > 0 || candidate.length !== baseline2.length ? { extra } : index;
}
function describeMismatch(candidate, baseline2, extra) {
  const missing = candidate.rows - (baseline2.rows - extra.length);
  const example = extra.length > 0 ? `, e.g. id '${extra[0]}' is only in ${baseline2.file}` : "";
  return {
    ok: false,
    error: `${baseline2.file} and ${candidate.file} are predictions on different examples (${missing} ids only in the candidate's, ${extra.length} only in the baseline's${example}); a change check compares both models on the same examples`
  };
}
function resampled(resamplers, seed, content, from2, to2) {
  const runs = resamplers.map(() => []);
  for (let r = from2; r < to2; r++) {
    const key = resampleKey(seed, r, content);
    resamplers.forEach((resampler, m) => {
      const out = new Float64Array(resampler.cells * resampler.metrics.length);
      resampler.evaluate(key, out);
      runs[m].push(out);
    });
  }
  return runs;
}
function plan(table2, baseline2) {
  const wide = table2.slices.find((s) => s.values.length > MAX_SLICE_VALUES);
  if (wide)
    return {
      ok: false,
      error: `${table2.file}: slice column '${wide.column}' has ${wide.values.length} distinct values (at most ${MAX_SLICE_VALUES}); slice by a column that groups examples`
    };
  const cellCount = 1 + table2.slices.reduce((n, s) => n + s.values.length, 0);
  if (cellCount > MAX_CELLS)
    return {
      ok: false,
      error: `${table2.file}: the slice columns have ${cellCount - 1} values in all (at most ${MAX_CELLS - 1}); slice by fewer or coarser columns`
    };
  const codes = table2.slices.map((s) => s.codes);
  const members = cellMembers(table2, codes);
  if (!baseline2) return { ok: true, plan: { content: contentKey(table2), codes, members } };
  const pairing = pair(table2, baseline2);
  if (!pairing.ok) return pairing;
  const baselineCodes = codes.map((c) => gatherCodes(c, pairing.index));
  const sliced = {
    ...baseline2,
    slices: table2.slices.map((s, j) => ({ ...s, codes: baselineCodes[j] }))
  };
  const paired = {
    table: sliced,
    codes: baselineCodes,
    members: cellMembers(sliced, baselineCodes),
    index: pairing.index
  };
  return { ok: true, plan: { content: contentKey(table2, baseline2), codes, members, paired } };
}
function resamplePredictions(spec2, table2, baseline2, from2, to2) {
  const planned = plan(table2, baseline2);
  return planned.ok ? { ok: true, runs: resampleByPlan(spec2, table2, planned.plan, from2, to2) } : planned;
}
function resampleByPlan(spec2, table2, { content, codes, members, paired }, from2, to2) {
  const resamplers = [resamplerOf(table2, spec2, codes, members)];
  if (paired) resamplers.push(resamplerOf(paired.table, spec2, paired.codes, paired.members, paired.index));
  return resampled(resamplers, spec2.bootstrap.seed, content, from2, to2);
}

// src/node/predictions/resample-worker.ts
var { spec, table, baseline, from, to } = workerData;
var answer = resamplePredictions(spec, table, baseline, from, to);
var buffers = answer.ok ? answer.runs.flatMap((run) => run.map((out) => out.buffer)) : [];
parentPort.postMessage(answer, buffers);
