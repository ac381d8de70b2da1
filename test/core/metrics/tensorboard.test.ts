import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { lookupMetric } from "../../../src/core/metrics/lookup.js";
import {
  isTensorboardEventFile,
  parseTensorboardEvents,
} from "../../../src/core/metrics/formats/tensorboard.js";
import { parseCondition } from "../../../src/core/conditions/parse.js";

const DIR = "test/fixtures/metrics/real/tensorboard";
// PyTorch SummaryWriter files (simple_value); expected values were read with TensorBoard's own
// event_pb2 (tensorboard 2.21 wheel), independently of this reader. See SOURCES.md.
const STRICT = `${DIR}/events.out.tfevents.1622543341.janoshs-mbp.lan.86862.0`;
const DUPS = `${DIR}/events.out.tfevents.1622966509.janoshs-mbp.lan.86059.0`;

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

function parse(bytes: Uint8Array, step?: number) {
  return parseTensorboardEvents(bytes, {
    name: "tb",
    file: "runs/x",
    ...(step === undefined ? {} : { step }),
  });
}

// Keras' TensorBoard callback (TF2): scalars as one-element float tensors, beside a string tensor
// (the model config) and histograms. Expected values from a separate wire-format decoder; SOURCES.md.
const KERAS = `${DIR}/keras`;
const KERAS_TRAIN = `${KERAS}/train/events.out.tfevents.1760758814.DESKTOP-GME31C0.20572.0.v2`;
const KERAS_VALIDATION = `${KERAS}/validation/events.out.tfevents.1760758816.DESKTOP-GME31C0.20572.1.v2`;

describe("a Keras (TF2) log directory's event files", () => {
  it("reads the tensor scalars of train/, passing over the string tensor and the histograms", () => {
    const result = parse(read(KERAS_TRAIN));
    expect(result).toMatchObject({
      ok: true,
      source: { values: { epoch_loss: 49426.52734375, epoch_mae: 49426.52734375 } },
    });
    expect(result.ok && Object.keys(result.source.values)).toEqual(["epoch_loss", "epoch_mae"]);
  });

  it("reads validation/, each tag at its own highest step", () => {
    expect(parse(read(KERAS_VALIDATION))).toMatchObject({
      ok: true,
      source: {
        values: {
          epoch_loss: 50305.74609375,
          epoch_mae: 50305.74609375,
          evaluation_loss_vs_iterations: 50305.74609375,
          evaluation_mae_vs_iterations: 50305.74609375,
        },
      },
    });
  });

  it("reads the epoch a config names", () => {
    const at0 = parse(read(KERAS_VALIDATION), 0);
    expect(at0.ok && at0.source.values).toEqual({ epoch_loss: 98501.7265625, epoch_mae: 98501.7265625 });
    expect(at0.ok && at0.source.note).toBe(
      "no value at step 0 for evaluation_loss_vs_iterations, evaluation_mae_vs_iterations",
    );
  });
});

describe("parseTensorboardEvents", () => {
  it("reads each tag's value at its highest step", () => {
    const result = parse(read(STRICT));
    expect(result).toEqual({
      ok: true,
      source: {
        name: "tb",
        file: "runs/x",
        format: "tensorboard",
        values: { "strict/foo": 1.212090253829956 },
      },
    });
  });

  it("reads the step the config names", () => {
    expect(parse(read(STRICT), 150)).toMatchObject({
      ok: true,
      source: { values: { "strict/foo": 1.3050999641418457 } },
    });
  });

  it("takes the later record when a step was logged twice", () => {
    const result = parse(read(DUPS), 95);
    expect(result).toMatchObject({
      ok: true,
      source: { values: { "dup_steps/foo": 1.4962780475616455, "dup_steps/bar": 1.4011592864990234 } },
    });
    expect(parse(read(DUPS))).toMatchObject({
      ok: true,
      source: { values: { "dup_steps/foo": 1.5478503704071045, "dup_steps/bar": 1.9624147415161133 } },
    });
  });

  it("names the steps there are when the named step has no scalars", () => {
    expect(parse(read(STRICT), 3)).toEqual({
      ok: false,
      error: "runs/x: no scalars at step 3; the file has steps 0 to 495 (change or remove 'step:')",
    });
  });

  it("reads the whole records of a file cut inside its last one, and says so", () => {
    const bytes = read(STRICT);
    const result = parse(bytes.subarray(0, bytes.length - 10));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The last whole record is step 490 (steps go 0, 5, …, 495).
    expect(result.source.values).toEqual({ "strict/foo": 1.1099579334259033 });
    expect(result.source.note).toMatch(
      /^the last record \(record 100 at byte \d+\) is incomplete, as while a run is still writing; read the 100 whole records before it$/,
    );
  });

  it("fails on a CRC mismatch in a middle record, naming its index and offset", () => {
    const bytes = Uint8Array.from(read(STRICT));
    // Record 0 is the file_version event; find record 3's offset by walking the lengths.
    let offset = 0;
    for (let i = 0; i < 3; i++) offset += 16 + Number(new DataView(bytes.buffer).getBigUint64(offset, true));
    bytes[offset + 14]! ^= 0xff;
    expect(parse(bytes)).toEqual({
      ok: false,
      error: `runs/x: record 3 at byte ${offset}: the data's CRC does not match; the file is damaged`,
    });
    bytes[offset + 14]! ^= 0xff;
    bytes[offset + 2]! ^= 0x01;
    expect(parse(bytes)).toEqual({
      ok: false,
      error: `runs/x: record 3 at byte ${offset}: the length's CRC does not match; the file is damaged or not a TFRecord/event file`,
    });
  });

  it("fails closed on an empty file, a first record cut short and a text file", () => {
    expect(parse(new Uint8Array())).toEqual({ ok: false, error: "runs/x: the file is empty" });
    expect(parse(read(STRICT).subarray(0, 20))).toEqual({
      ok: false,
      error: "runs/x: no whole record: the file ends inside its first record",
    });
    const text = new TextEncoder().encode('{"accuracy": 0.9, "loss": 0.1}\n');
    expect(parse(text)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^runs\/x: record 0 at byte 0: the length's CRC/),
    });
  });

  it("detects event files by name", () => {
    expect(isTensorboardEventFile("runs/Sep13/events.out.tfevents.1694637894.host.1899822.0")).toBe(true);
    expect(isTensorboardEventFile("logs/train/events.out.tfevents.1638408105.pedram.49764.15512.v2")).toBe(
      true,
    );
    expect(isTensorboardEventFile("events.out.tfevents.json")).toBe(true);
    expect(isTensorboardEventFile("metrics/eval.json")).toBe(false);
    expect(isTensorboardEventFile("my-events.out.tfevents.1")).toBe(false);
  });

  it("keeps slashes in tags, so conditions can name them as written", () => {
    const result = parse(read(DUPS));
    if (!result.ok) throw new Error(result.error);
    for (const text of ["dup_steps/foo >= 1.5", "tb.dup_steps/foo >= 1.5", "dup_steps.foo >= 1.5"]) {
      const condition = parseCondition(text);
      if (!condition.ok) throw new Error(condition.message);
      expect(lookupMetric(condition.condition.metric, [result.source])).toMatchObject({
        ok: true,
        value: 1.5478503704071045,
        key: "dup_steps/foo",
      });
    }
  });
});
