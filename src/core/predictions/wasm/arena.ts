// The WebAssembly loops (cell.wat, draws.wat) and the memory their arrays live in: one instance
// per resampler, its memory grown once to the size the views need, then handed out in aligned
// pieces as typed arrays that JavaScript fills and the loops read.
import { BY_TOP_BITS, CUMULATIVE } from "../random.js";
import { RESAMPLE_WASM } from "./resample.generated.js";

// The little of the WebAssembly API used here (this project's TypeScript libraries do not declare it).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

const PAGE = 65536;
/** wasm32 addresses 4 GiB. */
const MAX_BYTES = 65536 * PAGE;

type DrawsFunction = (
  key: number,
  keys: number,
  n: number,
  table: number,
  cumulative: number,
  out: number,
) => void;

type CellFunction = (
  from: number,
  to: number,
  draw: number,
  draws: number,
  flags: number,
  loss: number,
  score: number,
  weight: number,
  out: number,
) => void;

let compiled: object | undefined;

function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export class Arena {
  /** cell.wat's loop, for examples of weight 1 and for weighted ones. */
  readonly cell: CellFunction;
  readonly cellWeighted: CellFunction;
  private readonly memory: WasmMemory;
  private readonly drawsOf: DrawsFunction;
  private readonly table: Uint8Array;
  private readonly cumulative: Uint32Array;
  private next = 0;

  /** Throws a RangeError when `bytes` (and the draws' tables) do not fit in WebAssembly's 4 GiB. */
  constructor(needed: number) {
    const bytes = needed + Arena.size([BY_TOP_BITS.length, CUMULATIVE.length * 4]);
    if (bytes > MAX_BYTES - PAGE)
      throw new RangeError(`${bytes} bytes of resampling data do not fit in WebAssembly's 4 GiB`);
    compiled ??= new WebAssembly.Module(bytesOf(RESAMPLE_WASM));
    const instance = new WebAssembly.Instance(compiled);
    const exports = instance.exports as {
      memory: WasmMemory;
      cell: CellFunction;
      cellWeighted: CellFunction;
      draws: DrawsFunction;
    };
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

  private take(bytes: number): number {
    const at = Math.ceil(this.next / 8) * 8;
    this.next = at + bytes;
    if (this.next > this.memory.buffer.byteLength) throw new RangeError("the resampling arena is full");
    return at;
  }

  /** A resample's draws (random.ts's poissonWeight of each key in `keys`) into `out`. */
  draws(key: number, keys: Uint32Array, out: Uint8Array): void {
    this.drawsOf(
      key | 0,
      keys.byteOffset,
      keys.length,
      this.table.byteOffset,
      this.cumulative.byteOffset,
      out.byteOffset,
    );
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.take(n * 8), n);
  }

  f32(n: number): Float32Array {
    return new Float32Array(this.memory.buffer, this.take(n * 4), n);
  }

  u32(n: number): Uint32Array {
    return new Uint32Array(this.memory.buffer, this.take(n * 4), n);
  }

  u8(n: number): Uint8Array {
    return new Uint8Array(this.memory.buffer, this.take(n), n);
  }

  /** Bytes for `count` arrays of `bytes` each, with the padding take() may add. */
  static size(pieces: readonly number[]): number {
    return pieces.reduce((sum, bytes) => sum + bytes + 8, 0);
  }
}
