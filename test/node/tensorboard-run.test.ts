// A TensorBoard run directory as a metric source: the event files directly in it, merged as
// TensorBoard merges a run, so a config can name `lightning_logs/version_0` or Keras'
// `validation/` instead of a file named by time, host and process id.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadMetricSources } from "../../src/node/metrics-files.js";

const REAL = "test/fixtures/metrics/real/tensorboard";
const STRICT = `${REAL}/events.out.tfevents.1622543341.janoshs-mbp.lan.86862.0`;
const DUPS = `${REAL}/events.out.tfevents.1622966509.janoshs-mbp.lan.86059.0`;

/** The first `count` whole TFRecords of a genuine event file (each record is self-contained). */
function firstRecords(path: string, count: number): Buffer {
  const bytes = readFileSync(path);
  let offset = 0;
  for (let i = 0; i < count; i++) offset += 12 + Number(bytes.readBigUInt64LE(offset)) + 4;
  return bytes.subarray(0, offset);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tb-run-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (path: string, extra: object = {}) =>
  loadMetricSources([{ name: "run", path, ...extra }], { cwd: dir, refs: [] });

describe("a TensorBoard run directory", () => {
  it("reads Keras' validation/ directory as its one event file", async () => {
    const { sources, errors } = await loadMetricSources(
      [{ name: "validation", path: `${REAL}/keras/validation` }],
      {
        cwd: ".",
        refs: [],
      },
    );
    expect(errors).toEqual({});
    expect(sources[0]).toMatchObject({
      format: "tensorboard",
      values: { epoch_loss: 50305.74609375, evaluation_loss_vs_iterations: 50305.74609375 },
      files: [`${REAL}/keras/validation/events.out.tfevents.1760758816.DESKTOP-GME31C0.20572.1.v2`],
    });
  });

  it("merges the files of a run: every tag, each at its highest step whichever file holds it", async () => {
    mkdirSync(join(dir, "version_0"));
    copyFileSync(STRICT, join(dir, "version_0/events.out.tfevents.1622543341.host.1.0"));
    copyFileSync(DUPS, join(dir, "version_0/events.out.tfevents.1622966509.host.2.0"));
    // Written later, by a resumed run that only got to its first records: lower steps do not win.
    writeFileSync(join(dir, "version_0/events.out.tfevents.1700000000.host.3.0"), firstRecords(STRICT, 5));
    writeFileSync(join(dir, "version_0/not-an-event-file.txt"), "ignored");
    mkdirSync(join(dir, "version_0/sub"));
    const { sources, errors } = await load("version_0");
    expect(errors).toEqual({});
    expect(sources[0]?.values).toEqual({
      "dup_steps/bar": 1.9624147415161133,
      "dup_steps/foo": 1.5478503704071045,
      "strict/foo": 1.212090253829956,
    });
    expect(sources[0]?.files).toHaveLength(3);
  });

  it("notes an empty or cut file beside others, and fails on a damaged one, naming it", async () => {
    mkdirSync(join(dir, "notes"));
    copyFileSync(STRICT, join(dir, "notes/events.out.tfevents.1.host.1.0"));
    writeFileSync(join(dir, "notes/events.out.tfevents.2.host.2.0"), "");
    const noted = await load("notes");
    expect(noted.sources[0]?.note).toBe("events.out.tfevents.2.host.2.0: the file is empty");
    const bytes = Buffer.from(readFileSync(STRICT));
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(join(dir, "notes/events.out.tfevents.3.host.3.0"), bytes);
    const damaged = await load("notes");
    expect(damaged.errors.run).toMatch(
      /^notes\/events\.out\.tfevents\.3\.host\.3\.0: record \d+ at byte \d+: the data's CRC does not match/,
    );
  });

  it("reads the step a config names across the files, and says what steps there are", async () => {
    const at = await load("version_0", { step: 50 });
    expect(at.sources[0]?.values).toMatchObject({ "dup_steps/bar": 1.8369089365005493 });
    const none = await load("version_0", { step: 1000 });
    expect(none.errors.run).toBe(
      "version_0: no scalars at step 1000; the files have steps 0 to 495 (change or remove 'step:')",
    );
  });

  it("refuses a directory with no event files when format: tensorboard says it is a run", async () => {
    mkdirSync(join(dir, "empty"));
    expect((await load("empty", { format: "tensorboard" })).errors).toEqual({
      run: "empty: no TensorBoard event files (events.out.tfevents.*) in it",
    });
  });
});
