/**
 * TensorBoard event files (events.out.tfevents.*), as PyTorch's SummaryWriter, Hugging Face
 * Trainer, Lightning and Keras' TensorBoard callback write them: TFRecords of Event protos.
 * A scalar is a Summary.Value with `simple_value` (PyTorch, TF1) or a one-element float/double
 * tensor (TF2's tf.summary.scalar, Keras). Each tag's value is the one at the highest step (a
 * tie goes to the later record, as a re-logged step supersedes), or at the step the config names.
 */
import { refuseLfsPointer } from "./lfs.js";
import type { MetricSource, MetricTree } from "../types.js";
import { MetricsFormatError, formatLocated } from "./error.js";
import {
  DT_DOUBLE,
  DT_FLOAT,
  type TfEvent,
  type TfTensor,
  decodeEvent,
  int64ToNumber,
} from "./tensorboard-proto.js";
import { readTfRecords } from "./tfrecord.js";
import { type ReadBytes, bytesReader } from "../stream/chunks.js";

const EVENT_FILE = /(^|[\\/])events\.out\.tfevents\.[^\\/]*$/;

export function isTensorboardEventFile(fileName: string): boolean {
  return EVENT_FILE.test(fileName);
}

interface Point {
  step: number;
  value: number;
}

function elementCount(tensor: TfTensor): number {
  return (tensor.tensorShape?.dim ?? []).reduce((n, d) => n * int64ToNumber(d.size), 1);
}

/** The number a one-element float/double tensor holds; undefined for anything else (images, text, histograms). */
function tensorScalar(tensor: TfTensor): number | undefined {
  if (elementCount(tensor) !== 1) return undefined;
  const content = tensor.tensorContent;
  const view = content && new DataView(content.buffer, content.byteOffset, content.byteLength);
  if (tensor.dtype === DT_FLOAT) {
    if (tensor.floatVal?.length) return tensor.floatVal[0];
    return view?.byteLength === 4 ? view.getFloat32(0, true) : undefined;
  }
  if (tensor.dtype === DT_DOUBLE) {
    if (tensor.doubleVal?.length) return tensor.doubleVal[0];
    return view?.byteLength === 8 ? view.getFloat64(0, true) : undefined;
  }
  return undefined;
}

function decode(data: Uint8Array, index: number, offset: number): TfEvent {
  try {
    return decodeEvent(data);
  } catch (error) {
    throw new MetricsFormatError(
      `record ${index} at byte ${offset} is not a TensorBoard Event (${(error as Error).message}); is this an event file?`,
    );
  }
}

function collect(read: ReadBytes, size: number, atStep: number | undefined) {
  const chosen = new Map<string, Point>();
  const steps = { min: Infinity, max: -Infinity };
  const tags = new Set<string>();
  const { count, truncated } = readTfRecords(read, size, ({ data, index, offset }) => {
    const event = decode(data, index, offset);
    const step = int64ToNumber(event.step);
    for (const v of event.summary?.value ?? []) {
      const value =
        v.value === "simpleValue"
          ? v.simpleValue
          : v.value === "tensor"
            ? tensorScalar(v.tensor!)
            : undefined;
      if (value === undefined || !v.tag) continue;
      tags.add(v.tag);
      steps.min = Math.min(steps.min, step);
      steps.max = Math.max(steps.max, step);
      if (atStep !== undefined && step !== atStep) continue;
      const best = chosen.get(v.tag);
      if (!best || step >= best.step) chosen.set(v.tag, { step, value });
    }
  });
  return { count, truncated, chosen, steps, tags };
}

function stepRange(steps: { min: number; max: number }): string {
  return steps.min === steps.max ? `only step ${steps.min}` : `steps ${steps.min} to ${steps.max}`;
}

function toSource(read: ReadBytes, size: number, opts: EventOptions): MetricSource {
  // Event files are the files most often kept in Git LFS.
  refuseLfsPointer(read(0, 64));
  const { count, truncated, chosen, steps, tags } = collect(read, size, opts.step);
  if (count === 0) {
    throw new MetricsFormatError(
      truncated ? "no whole record: the file ends inside its first record" : "the file is empty",
    );
  }
  if (tags.size === 0) {
    throw new MetricsFormatError(`no scalar summaries in its ${count} records`);
  }
  if (chosen.size === 0) {
    throw new MetricsFormatError(
      `no scalars at step ${opts.step}; the file has ${stepRange(steps)} (change or remove 'step:')`,
    );
  }
  const values: MetricTree = {};
  for (const [tag, point] of [...chosen].sort(([a], [b]) => a.localeCompare(b))) {
    // defineProperty: a tag is data, and must not reach Object.prototype as "__proto__" would.
    Object.defineProperty(values, tag, { value: point.value, enumerable: true, writable: true });
  }
  const notes: string[] = [];
  if (truncated) {
    notes.push(
      `the last record (record ${truncated.index} at byte ${truncated.offset}) is incomplete, as while a run is still writing; read the ${count} whole records before it`,
    );
  }
  const missing = [...tags].filter((t) => !chosen.has(t)).sort();
  if (missing.length > 0) notes.push(`no value at step ${opts.step} for ${missing.join(", ")}`);
  return {
    name: opts.name,
    file: opts.file,
    format: "tensorboard",
    values,
    ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
  };
}

interface EventOptions {
  name: string;
  file: string;
  step?: number;
}

type Parsed = { ok: true; source: MetricSource } | { ok: false; error: string };

/** An event file of `size` bytes, its records pulled through `read` one at a time. */
export function readTensorboardEvents(read: ReadBytes, size: number, opts: EventOptions): Parsed {
  try {
    return { ok: true, source: toSource(read, size, opts) };
  } catch (error) {
    if (error instanceof MetricsFormatError) return { ok: false, error: formatLocated(opts.file, error) };
    return {
      ok: false,
      error: `${opts.file}: could not read TensorBoard events: ${(error as Error).message}`,
    };
  }
}

/** An event file already in memory. */
export function parseTensorboardEvents(bytes: Uint8Array, opts: EventOptions): Parsed {
  return readTensorboardEvents(bytesReader(bytes), bytes.length, opts);
}
