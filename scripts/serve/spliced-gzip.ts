// A cached page differs between responses only by its nonce, so its parts are compressed once, when
// it is stored, and each response is assembled around a fresh nonce without compressing again: one
// gzip member whose deflate stream is the parts' own streams (each ended by a sync flush, so it ends
// on a byte boundary without ending the stream), the nonce between them as a stored block, an empty
// final block, and the CRC-32 and length of the whole text (RFC 1951 section 3.2.4, RFC 1952).
import { constants, crc32, deflateRawSync } from "node:zlib";

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty block with BFINAL set (fixed Huffman, end-of-block only), as zlib ends a stream after a sync flush. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
const MAX_STORED_BLOCK = 0xffff;

/**
 * Each part deflated on its own, ending on a byte boundary with no final block. The results are
 * views into one buffer of their exact total size: zlib hands back each one in a 16 KiB chunk of its
 * own, which a page with dozens of nonces (one per script tag) would otherwise hold per part.
 */
export function compressParts(parts: Buffer[]): Buffer[] {
  const deflated = parts.map((part) => deflateRawSync(part, { finishFlush: constants.Z_SYNC_FLUSH }));
  const packed = Buffer.concat(deflated);
  let offset = 0;
  return deflated.map((part) => packed.subarray(offset, (offset += part.length)));
}

/** The gzip of parts[0] + separator + parts[1] + separator + …, from compressParts(parts). */
export function spliceGzip(parts: Buffer[], compressed: Buffer[], separator: Buffer): Buffer {
  if (separator.length > MAX_STORED_BLOCK) throw new Error("separator too long for one stored block");
  const storedSeparator = Buffer.alloc(5 + separator.length);
  storedSeparator.writeUInt16LE(separator.length, 1); // byte 0: BFINAL 0, BTYPE 00 (stored), padding
  storedSeparator.writeUInt16LE(~separator.length & 0xffff, 3);
  separator.copy(storedSeparator, 5);

  const chunks: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  parts.forEach((part, index) => {
    if (index > 0) {
      chunks.push(storedSeparator);
      crc = extendCrc(crc, separator);
      length += separator.length;
    }
    chunks.push(compressed[index]!);
    crc = extendCrc(crc, part);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  chunks.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(chunks);
}

/** zlib.crc32 over one more buffer; an empty one leaves it as it is (Node 20's crc32 answered 0 there). */
function extendCrc(crc: number, buffer: Buffer): number {
  return buffer.length === 0 ? crc : crc32(buffer, crc);
}
