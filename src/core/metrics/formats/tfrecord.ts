/**
 * TFRecord framing, the container of TensorBoard event files: each record is a little-endian
 * uint64 length, the masked CRC32C of those 8 bytes, the data, and the masked CRC32C of the data.
 * Both CRCs are checked: a gate must not judge numbers read from a damaged file.
 */
import { crc32c } from "@aws-crypto/crc32c";
import type { ReadBytes } from "../stream/chunks.js";
import { MetricsFormatError } from "./error.js";

const HEADER_BYTES = 12;
const FOOTER_BYTES = 4;
const MASK_DELTA = 0xa282ead8;

export interface TfRecord {
  /** 0-based position in the file. */
  index: number;
  /** Byte offset of the record's length field. */
  offset: number;
  /** Valid only during the callback: the bytes may be reused for the next record. */
  data: Uint8Array;
}

export interface TfRecords {
  /** Whole records read. */
  count: number;
  /** The file ends inside a record (a writer still running, or a copy cut short). */
  truncated?: { index: number; offset: number };
}

/** TensorFlow's masking: CRCs of data that itself holds CRCs would otherwise be degenerate. */
function maskedCrc32c(bytes: Uint8Array): number {
  const crc = crc32c(bytes);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads the records of a `size`-byte file one at a time, handing each to `onRecord`: memory
 * follows the largest record, not the file.
 */
export function readTfRecords(
  read: ReadBytes,
  size: number,
  onRecord: (record: TfRecord) => void,
): TfRecords {
  let offset = 0;
  let index = 0;
  while (offset < size) {
    if (size - offset < HEADER_BYTES) return { count: index, truncated: { index, offset } };
    const header = view(read(offset, HEADER_BYTES));
    const lengthBytes = new Uint8Array(header.buffer, header.byteOffset, 8);
    if (header.getUint32(8, true) !== maskedCrc32c(lengthBytes)) {
      throw new MetricsFormatError(
        `record ${index} at byte ${offset}: the length's CRC does not match; the file is damaged or not a TFRecord/event file`,
      );
    }
    const length = header.getBigUint64(0, true);
    const start = offset + HEADER_BYTES;
    if (length > BigInt(size - start - FOOTER_BYTES)) return { count: index, truncated: { index, offset } };
    const body = read(start, Number(length) + FOOTER_BYTES);
    const data = body.subarray(0, Number(length));
    if (view(body).getUint32(Number(length), true) !== maskedCrc32c(data)) {
      throw new MetricsFormatError(
        `record ${index} at byte ${offset}: the data's CRC does not match; the file is damaged`,
      );
    }
    onRecord({ index, offset, data });
    index++;
    offset = start + Number(length) + FOOTER_BYTES;
  }
  return { count: index };
}
