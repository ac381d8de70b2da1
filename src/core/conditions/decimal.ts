// Exact decimal arithmetic for the bounds a condition computes (`baseline - 0.05`, `baseline * 1.02`,
// `90%`). Numbers in metrics files and configs are decimals people wrote; doing their arithmetic in
// binary floating point makes 0.52 - 0.05 = 0.47000000000000003, and a check that reads
// "0.47 fails: needs >= 0.47". Here each operand is taken as the decimal it was written as (the
// shortest decimal that reads back as the same double), the arithmetic is exact, and the result is
// read back as the nearest double: the one number that is both compared and shown.

/** units × 10^-scale, exactly. */
export interface Decimal {
  units: bigint;
  scale: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The decimal a finite double was written as: its shortest round-trip form. */
export function toDecimal(n: number): Decimal {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const match = DECIMAL.exec(String(n));
  if (!match) throw new RangeError(`unexpected number text: ${String(n)}`);
  const [, sign = "", whole = "0", fraction = "", exponent = "0"] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = fraction.length - Number(exponent);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

/** The double nearest to the decimal. */
export function fromDecimal(d: Decimal): number {
  return Number(`${d.units}e${-d.scale}`);
}

function aligned(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

export function add(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x + y, scale };
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = aligned(a, b);
  return { units: x - y, scale };
}

export function multiply(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** n × 10^-places, e.g. a percentage (places 2): 0.3% is 0.003, not 0.3 / 100 = 0.0029999999999999996. */
export function shift(n: number, places: number): number {
  const d = toDecimal(n);
  return fromDecimal({ units: d.units, scale: d.scale + places });
}

/** a op b in decimal, read back as the nearest double. */
export function decimalArithmetic(a: number, op: "+" | "-" | "*", b: number): number {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return fromDecimal(op === "+" ? add(x, y) : op === "-" ? subtract(x, y) : multiply(x, y));
}
