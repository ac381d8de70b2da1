// Seeded candidate and baseline predictions for bench/predictions.mjs: the same labelled examples
// scored by two models, the candidate's scores a little less noisy than the baseline's.
import { closeSync, openSync, writeSync } from "node:fs";

const COUNTRIES = ["US", "DE", "FR", "GB", "JP", "BR", "IN", "CA", "ES", "IT"];
// Skewed like real traffic: the smallest country still has well over min_slice_count examples.
const COUNTRY_SHARE = [0.3, 0.12, 0.1, 0.1, 0.08, 0.08, 0.07, 0.06, 0.05, 0.04];
const DEVICES = ["desktop", "mobile", "tablet", "tv"];
const DEVICE_SHARE = [0.4, 0.45, 0.1, 0.05];
const SEGMENTS = ["new", "returning", "vip"];
const SEGMENT_SHARE = [0.5, 0.4, 0.1];

/** mulberry32: a small seeded generator, so that every run writes the same files. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(u, shares) {
  let k = 0;
  for (let acc = shares[0]; u >= acc && k < shares.length - 1; acc += shares[++k]);
  return k;
}

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

/** Writes `rows` examples to candidatePath and baselinePath (id,y,p,country,device,segment). */
export function writePredictions(rows, candidatePath, baselinePath, seed = 1) {
  const random = generator(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const files = [openSync(candidatePath, "w"), openSync(baselinePath, "w")];
  const header = "id,y,p,country,device,segment\n";
  let candidate = header;
  let baseline = header;
  for (let i = 0; i < rows; i++) {
    const country = pick(random(), COUNTRY_SHARE);
    const device = pick(random(), DEVICE_SHARE);
    const segment = pick(random(), SEGMENT_SHARE);
    // About 20% positives, more in some slices; the true log-odds are what both models estimate.
    const logit = -2.0 + 0.1 * (country % 4) - 0.2 * device + 0.6 * segment + 1.4 * normal();
    const y = random() < sigmoid(logit) ? 1 : 0;
    const tail = `,${COUNTRIES[country]},${DEVICES[device]},${SEGMENTS[segment]}\n`;
    candidate += `${i},${y},${sigmoid(logit + 0.8 * normal()).toFixed(6)}${tail}`;
    baseline += `${i},${y},${sigmoid(0.9 * logit + 1.1 * normal() + 0.1).toFixed(6)}${tail}`;
    if (candidate.length > 1 << 20) {
      writeSync(files[0], candidate);
      writeSync(files[1], baseline);
      candidate = baseline = "";
    }
  }
  writeSync(files[0], candidate);
  writeSync(files[1], baseline);
  files.forEach(closeSync);
}
