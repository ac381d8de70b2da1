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
import { setOwnKey } from "../../own-key.js";

export { isTensorboardEventFile } from "./tensorboard-name.js";

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
  if (tensor.dtype !== DT_FLOAT && tensor.dtype !== DT_DOUBLE) return undefined;
  // protobufjs gives an absent bytes field as [] (Keras' "keras" tag is a string tensor without one).
  const content = tensor.tensorContent instanceof Uint8Array ? tensor.tensorContent : undefined;
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

function stepRange(steps: { min: number; max: number }): string {
  return steps.min === steps.max ? `only step ${steps.min}` : `steps ${steps.min} to ${steps.max}`;
}

/**
 * The scalars of one event file, or of a run directory's files added in the order they were
 * written (their names start with the writer's start time), as TensorBoard merges a run: each
 * tag's value at its highest step, a tie going to the later record. Memory follows the tags.
 */
export class TensorboardScalars {
  private readonly chosen = new Map<string, Point>();
  private readonly steps = { min: Infinity, max: -Infinity };
  private readonly tags = new Set<string>();
  private readonly notes: string[] = [];
  private records = 0;
  private files = 0;

  constructor(private readonly atStep?: number) {}

  /**
   * Reads one event file through `read`. Throws MetricsFormatError for a damaged file; an empty
   * one, or one cut inside its first record, is an error alone and a note beside others (`where`
   * names it then).
   */
  add(read: ReadBytes, size: number, where?: string): void {
    // Event files are the files most often kept in Git LFS.
    refuseLfsPointer(read(0, 64));
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
        this.tags.add(v.tag);
        this.steps.min = Math.min(this.steps.min, step);
        this.steps.max = Math.max(this.steps.max, step);
        if (this.atStep !== undefined && step !== this.atStep) continue;
        const best = this.chosen.get(v.tag);
        if (!best || step >= best.step) this.chosen.set(v.tag, { step, value });
      }
    });
    const prefix = where ? `${where}: ` : "";
    if (count === 0) {
      const why = truncated ? "no whole record: the file ends inside its first record" : "the file is empty";
      if (!where) throw new MetricsFormatError(why);
      this.notes.push(`${prefix}${why}`);
      return;
    }
    this.files++;
    this.records += count;
    if (truncated) {
      this.notes.push(
        `${prefix}the last record (record ${truncated.index} at byte ${truncated.offset}) is incomplete, as while a run is still writing; read the ${count} whole records before it`,
      );
    }
  }

  source(opts: EventOptions): MetricSource {
    const { chosen, tags } = this;
    if (this.records === 0) throw new MetricsFormatError("no event file in it has a whole record");
    if (tags.size === 0) {
      const where =
        this.files > 1
          ? `the ${this.records} records of its ${this.files} event files`
          : `its ${this.records} records`;
      throw new MetricsFormatError(`no scalar summaries in ${where}`);
    }
    if (chosen.size === 0) {
      throw new MetricsFormatError(
        `no scalars at step ${opts.step}; the ${this.files > 1 ? "files have" : "file has"} ${stepRange(this.steps)} (change or remove 'step:')`,
      );
    }
    const values: MetricTree = {};
    for (const [tag, point] of [...chosen].sort(([a], [b]) => a.localeCompare(b))) {
      // A tag is data: a "__proto__" tag must stay a key.
      setOwnKey(values, tag, point.value);
    }
    const notes = [...this.notes];
    const missing = [...tags].filter((t) => !chosen.has(t)).sort();
    if (missing.length > 0) notes.push(`no value at step ${opts.step} for ${missing.join(", ")}`);
    return {
      name: opts.name,
      file: opts.file,
      format: "tensorboard",
      values,
      ...(notes.length > 0 ? { note: notes.join("; ") } : {}),
      ...(opts.files ? { files: opts.files } : {}),
    };
  }
}

export interface EventOptions {
  name: string;
  /** The event file, or the run directory, as configured. */
  file: string;
  step?: number;
  /** A run directory's event files, for the report. */
  files?: string[];
}

type Parsed = { ok: true; source: MetricSource } | { ok: false; error: string };

/** An event file of `size` bytes, its records pulled through `read` one at a time. */
export function readTensorboardEvents(read: ReadBytes, size: number, opts: EventOptions): Parsed {
  try {
    const scalars = new TensorboardScalars(opts.step);
    scalars.add(read, size);
    return { ok: true, source: scalars.source(opts) };
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
