// Turns the raw bytes of an uploaded article into text. Only UTF-8 is accepted: guessing a legacy
// encoding silently would put wrong characters into the text that annotations quote, so instead we
// refuse and tell the person how to fix the file. Pure: uses only TextDecoder (browser and Node).
import type { ErrorMessageKey } from "@/lib/refusal";

/** A refusal names its catalogue message (`errors.messages`), worded in the person's language. */
export type DecodeArticleBytesResult = { ok: true; text: string } | { ok: false; refusal: ErrorMessageKey };

// Share of C0 control bytes (other than tab, LF, VT, FF, CR) and DEL above which the input is treated as binary.
// Real text has essentially none; 10% is far beyond any plausible stray character.
const MAX_CONTROL_BYTE_RATIO = 0.1;

// Bytes that are control characters, or unassigned, when read as Windows-1252. A non-UTF-8 file
// without any of them is most likely Windows-1252 / Latin-1 text.
const WINDOWS_1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function isControlByte(byte: number): boolean {
  const isWhitespaceControl = byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d;
  return (byte < 0x20 && !isWhitespaceControl) || byte === 0x7f;
}

function looksLikeWindows1252(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (isControlByte(byte) || WINDOWS_1252_UNDEFINED.has(byte)) return false;
  }
  return true;
}

export function decodeArticleBytes(bytes: Uint8Array): DecodeArticleBytesResult {
  if (bytes.length === 0) return { ok: false, refusal: { key: "fileEmpty" } };

  // UTF-16 text is full of NUL bytes, so name it before the binary check calls it binary.
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return { ok: false, refusal: { key: "fileUtf16" } };
  }

  let controlBytes = 0;
  for (const byte of bytes) {
    if (byte === 0x00) return { ok: false, refusal: { key: "fileBinary" } };
    if (isControlByte(byte)) controlBytes += 1;
  }
  if (controlBytes / bytes.length > MAX_CONTROL_BYTE_RATIO) {
    return { ok: false, refusal: { key: "fileBinary" } };
  }

  let text: string;
  try {
    // ignoreBOM: true keeps the BOM in the output so that stripping it below is explicit.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (looksLikeWindows1252(bytes)) {
      return { ok: false, refusal: { key: "fileWindows1252" } };
    }
    return { ok: false, refusal: { key: "fileNotUtf8" } };
  }

  return { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
}
