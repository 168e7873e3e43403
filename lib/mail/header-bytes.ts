/**
 * Raw 8-bit header bytes. RFC 5322 headers are ASCII and RFC 6532 allows UTF-8, but old
 * mailers wrote Latin-1/Windows-1252 bytes straight into Subject and From. mailparser
 * reads every header as UTF-8, so such bytes became U+FFFD and were lost; here each header
 * line that is not valid UTF-8 is re-encoded from Windows-1252 first (a superset of
 * Latin-1 that maps every byte), and lines already in UTF-8 are left alone.
 */
import { isUtf8 } from 'node:buffer';

const LF = 0x0a;
const CR = 0x0d;

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is Latin-1), from the WHATWG Encoding standard.
 * Spelled out because Node 20's TextDecoder decodes `windows-1252` as plain Latin-1.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeCp1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) {
    text += String.fromCharCode(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b);
  }
  return text;
}

/** Offset where the header block ends: just after the first empty line, or the end. */
function headerEnd(bytes: Buffer): number {
  for (let nl = bytes.indexOf(LF); nl !== -1; nl = bytes.indexOf(LF, nl + 1)) {
    if (bytes[nl + 1] === LF) return nl + 2;
    if (bytes[nl + 1] === CR && bytes[nl + 2] === LF) return nl + 3;
  }
  return bytes.length;
}

/**
 * The message with non-UTF-8 header lines re-encoded from Windows-1252 to UTF-8, or null
 * when every header line already is UTF-8 (the common case: no copy is made).
 */
export function repairHeaderBytes(bytes: Buffer): Buffer | null {
  const end = headerEnd(bytes);
  if (isUtf8(bytes.subarray(0, end))) return null;
  const parts: Buffer[] = [];
  for (let pos = 0; pos < end;) {
    const nl = bytes.indexOf(LF, pos);
    const stop = nl === -1 || nl >= end ? end : nl + 1;
    const line = bytes.subarray(pos, stop);
    parts.push(isUtf8(line) ? line : Buffer.from(decodeCp1252(line), 'utf8'));
    pos = stop;
  }
  parts.push(bytes.subarray(end));
  return Buffer.concat(parts);
}

/** mailparser hands raw header lines over as binary strings (one char per byte). */
export function binaryToUtf8(line: string): string {
  return Buffer.from(line, 'latin1').toString('utf8');
}
