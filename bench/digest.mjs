// The model digest (src/node/artifacts.ts) against sha256sum over the same files: a folder of
// 10,000 small files and one large file. The digest is timed inside a running process, as the
// Action pays it (Node is already up); sha256sum as the whole process it is. Ratios < 1 are
// faster than sha256sum. Run: node bench/digest.mjs [LARGE_MIB] (default 1024; writes it to $TMPDIR)
import { bundled } from "./support/bundle.mjs";
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const largeMiB = Number(process.argv[2] ?? 1024);
const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), "ma-bench-digest-"));
const { digestArtifacts } = await bundled("src/node/artifacts.ts", "artifacts");

// 10,000 files of 1-8 KiB in 100 folders, like a tokenizer or a sharded checkpoint's index.
const small = join(dir, "model");
const smallFiles = [];
for (let d = 0; d < 100; d++) {
  mkdirSync(join(small, `part-${d}`), { recursive: true });
  for (let f = 0; f < 100; f++) {
    const path = join(small, `part-${d}`, `shard-${f}.bin`);
    writeFileSync(path, Buffer.alloc(1024 * (1 + ((d * 100 + f) % 8)), d * 100 + f));
    smallFiles.push(path);
  }
}
const large = join(dir, "weights.bin");
const fd = openSync(large, "w");
const block = Buffer.alloc(16 * 1024 * 1024, 7);
for (let written = 0; written < largeMiB * 2 ** 20; written += block.length) writeSync(fd, block);
closeSync(fd);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function digestTime(path) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const identity = await digestArtifacts([path], { cwd: dir });
    times.push(performance.now() - start);
    if (!identity.digest) throw new Error(`no digest: ${JSON.stringify(identity.errors)}`);
  }
  return median(times);
}

function sha256sumTime(args) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const run = spawnSync("sha256sum", args, { stdio: ["ignore", "ignore", "inherit"] });
    times.push(performance.now() - start);
    if (run.status !== 0) throw new Error("sha256sum failed");
  }
  return median(times);
}

try {
  const rows = [
    ["10,000 small files (1-8 KiB)", await digestTime("model"), sha256sumTime(smallFiles)],
    [`one ${largeMiB} MiB file`, await digestTime("weights.bin"), sha256sumTime([large])],
  ];
  console.log(`model digest vs sha256sum, median of ${RUNS} (files warm in the page cache)`);
  for (const [name, ours, theirs] of rows)
    console.log(
      `  ${name.padEnd(30)} digest ${ours.toFixed(0).padStart(6)} ms  sha256sum ${theirs.toFixed(0).padStart(6)} ms  ×${(ours / theirs).toFixed(2)}`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
