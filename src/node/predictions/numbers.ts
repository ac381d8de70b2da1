/**
 * Numbers from CSV text. Most cells of a predictions file are plain decimals (`0.513870`, `-3`,
 * `12.5`); those of at most 15 digits are read here straight from the file's text, exactly as
 * Number() reads them (the digits are an exact integer and 10^k an exact double, so the one
 * division rounds correctly), without making a string. Anything else (an exponent, more digits,
 * spaces, text) is NaN here, for the caller to read the slow way.
 */

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** The plain decimal `text[start, end)`, or NaN. */
export function fastDecimal(text: string, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 0x2d || c === 0x2b) {
    negative = c === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && point === -1) {
      point = i;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = point === -1 || point === end - 1 ? mantissa : mantissa / POW10[end - point - 1]!;
  return negative ? -value : value;
}

const NOT_FINITE_TEXT = /^[+-]?(nan|inf|infinity)$/i;

/** A number from a CSV cell the fast way could not read, or why not (a message). */
export function slowNumber(raw: string, column: string): number | string {
  const t = raw.trim();
  if (t === "") return `column '${column}' is empty`;
  const v = Number(t);
  // Number() also reads 0x1f, 0b1 and 0o7; a predictions file's numbers are decimal.
  const c1 = t.length > 1 && t.charCodeAt(0) === 0x30 ? t.charCodeAt(1) | 0x20 : 0;
  if (Number.isFinite(v) && c1 !== 0x78 && c1 !== 0x62 && c1 !== 0x6f) return v;
  const notFinite = (!Number.isNaN(v) && c1 === 0) || NOT_FINITE_TEXT.test(t);
  return `column '${column}': '${t}' is not a ${notFinite ? "finite number" : "number"}`;
}
