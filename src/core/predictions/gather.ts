// `values` at `index`, as a new typed array. A plain loop: TypedArray.from with a mapping function
// costs tens of times more per element in V8, and these run over every example of every cell.

export function gather(values: ArrayLike<number>, index: ArrayLike<number>): Float64Array {
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]!]!;
  return out;
}

export function gatherCodes(values: Uint32Array, index: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]!]!;
  return out;
}

/** 0, 1, …, n − 1. */
export function identity(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}
