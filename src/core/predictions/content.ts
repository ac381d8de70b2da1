// The predictions' digest, which keys the bootstrap's draws (random.ts's resampleKey). Were the
// draws a function of the seed and each example's position alone, the code that writes the files
// could compute every position's weights in advance and put the examples on which the candidate
// wins where the draws are heavy, shifting every interval (an attacker's review did so, turning a
// clear regression into a pass). Keyed by a SHA-256 of everything the files say, in their order,
// any placement changes all the draws unpredictably: trying placements is then a blind search that
// only moves an interval by the bootstrap's own resampling noise.
import { createHash } from "node:crypto";
import type { PredictionTable } from "./table.js";

function update(hash: ReturnType<typeof createHash>, values: ArrayBufferView | undefined): void {
  if (!values) {
    hash.update("-");
    return;
  }
  hash.update(String(values.byteLength));
  hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

function tableInto(hash: ReturnType<typeof createHash>, table: PredictionTable): void {
  hash.update(table.task);
  update(hash, table.labels);
  update(hash, table.scores);
  update(hash, table.classScores);
  update(hash, table.predictions);
  update(hash, table.weights);
  hash.update(String(table.ids?.length ?? -1));
  for (const id of table.ids ?? []) hash.update(`${id}\u0000`);
  for (const slice of table.slices) update(hash, slice.codes);
}

/** 32 bits of the SHA-256 of the candidate's and (if any) the baseline's predictions. */
export function contentKey(candidate: PredictionTable, baseline?: PredictionTable): number {
  const hash = createHash("sha256");
  tableInto(hash, candidate);
  if (baseline) tableInto(hash, baseline);
  return hash.digest().readUInt32LE(0);
}
