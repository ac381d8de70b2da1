/**
 * TFRecord framing, the container of TensorBoard event files: each record is a little-endian
 * uint64 length, the masked CRC32C of those 8 bytes, the data, and the masked CRC32C of the data.
 * Both CRCs are checked: a gate must not judge numbers read from a damaged file.
 */
import { crc32c } from "@aws-crypto/crc32c";
import { MetricsFormatError } from "./error.js";

const HEADER_BYTES = 12;
const FOOTER_BYTES = 4;
const MASK_DELTA = 0xa282ead8;

export interface TfRecord {
  /** 0-based position in the file. */
  index: number;
  /** Byte offset of the record's length field. */
  offset: number;
  data: Uint8Array;
}

export interface TfRecords {
  records: TfRecord[];
  /** The file ends inside a record (a writer still running, or a copy cut short). */
  truncated?: { index: number; offset: number };
}

/** TensorFlow's masking: CRCs of data that itself holds CRCs would otherwise be degenerate. */
function maskedCrc32c(bytes: Uint8Array): number {
  const crc = crc32c(bytes);
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

export function readTfRecords(bytes: Uint8Array): TfRecords {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: TfRecord[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const index = records.length;
    if (bytes.length - offset < HEADER_BYTES) return { records, truncated: { index, offset } };
    const length = view.getBigUint64(offset, true);
    if (view.getUint32(offset + 8, true) !== maskedCrc32c(bytes.subarray(offset, offset + 8))) {
      throw new MetricsFormatError(
        `record ${index} at byte ${offset}: the length's CRC does not match; the file is damaged or not a TFRecord/event file`,
      );
    }
    const start = offset + HEADER_BYTES;
    if (length > BigInt(bytes.length - start - FOOTER_BYTES))
      return { records, truncated: { index, offset } };
    const end = start + Number(length);
    const data = bytes.subarray(start, end);
    if (view.getUint32(end, true) !== maskedCrc32c(data)) {
      throw new MetricsFormatError(
        `record ${index} at byte ${offset}: the data's CRC does not match; the file is damaged`,
      );
    }
    records.push({ index, offset, data });
    offset = end + FOOTER_BYTES;
  }
  return { records };
}
