import { crc32 } from "node:zlib";
import { z } from "zod";
import { InputError } from "../../spec/common/input-error.ts";
import { corruptCheckpoint } from "./corrupt.ts";
import { SECTION_TYPES, SectionReader, sectionTypeName, type SectionArray, type Sections } from "./sections.ts";

/**
 * PNG's signature trick (RFC 2083 §12.12): a high-bit byte, "CCK", CR LF, ^Z, LF. A text-mode
 * transfer or a 7-bit channel mangles it visibly, and no text file starts with it.
 */
export const CHECKPOINT_MAGIC = Uint8Array.of(0x89, 0x43, 0x43, 0x4b, 0x0d, 0x0a, 0x1a, 0x0a);
/**
 * Bumped whenever the layout or the meaning of a field changes: an old checkpoint is refused,
 * never misread. 2: the checker keeps the `sometimes` discovered (a version-1 checkpoint never
 * checked them, so resuming one would report them unreached). 3: a random walk's four PRNG
 * words are pure-rand's xoroshiro128+ state (version 2's were xoshiro128**'s: read as
 * xoroshiro's, they would go on with numbers no uninterrupted run draws).
 */
export const CHECKPOINT_FORMAT_VERSION = 3;

export const PREAMBLE = 28;
export const ALIGN = 8;
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export const sectionListSchema = z.array(z.object({ name: z.string(), type: z.enum(["u8", "u16", "i32", "u32"]) }));

/**
 * The binary frame of a checkpoint (all integers little-endian):
 *
 *   0   8  magic (CHECKPOINT_MAGIC)
 *   8   4  format version
 *   12  4  CRC-32 (zlib's) of every byte from offset 16 to the end
 *   16  8  total length in bytes
 *   24  4  header length H
 *   28  H  header: UTF-8 JSON; its "sections" lists each section's name and element type, in order
 *          then, from the next multiple of 8, per section: its byte length (8 bytes), its
 *          bytes (the typed array as it sits in memory), zero padding to a multiple of 8
 *
 * Sections start 8-aligned so that reading can view them in place. The total length tells a
 * file cut short by a kill from one damaged on disk, which the CRC catches.
 */
export function writeContainer(header: Record<string, unknown>, sections: Sections): Uint8Array {
  requireLittleEndian();
  const entries = Object.entries(sections);
  const headerBytes = new TextEncoder().encode(JSON.stringify({ ...header, sections: entries.map(([name, array]) => ({ name, type: sectionTypeName(array) })) }));
  let total = align(PREAMBLE + headerBytes.length);
  for (const [, array] of entries) total += 8 + align(array.byteLength);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(CHECKPOINT_MAGIC, 0);
  view.setUint32(8, CHECKPOINT_FORMAT_VERSION, true);
  view.setBigUint64(16, BigInt(total), true);
  view.setUint32(24, headerBytes.length, true);
  out.set(headerBytes, PREAMBLE);
  let at = align(PREAMBLE + headerBytes.length);
  for (const [, array] of entries) {
    view.setBigUint64(at, BigInt(array.byteLength), true);
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at + 8);
    at += 8 + align(array.byteLength);
  }
  view.setUint32(12, crc32(out.subarray(16)), true);
  return out;
}

/** Reads a frame written by `writeContainer`; an InputError names what is wrong with it. */
export function readContainer(bytes: Uint8Array): { header: Record<string, unknown>; sections: SectionReader } {
  requireLittleEndian();
  for (let i = 0; i < Math.min(bytes.length, CHECKPOINT_MAGIC.length); i++) {
    if (bytes[i] !== CHECKPOINT_MAGIC[i]) throw new InputError("checkpoint: not a consensus-check checkpoint (wrong magic bytes)");
  }
  if (bytes.length < PREAMBLE) throw corruptCheckpoint(`${bytes.length} bytes, shorter than the ${PREAMBLE}-byte preamble`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== CHECKPOINT_FORMAT_VERSION) {
    throw new InputError(`checkpoint: written in format version ${version}, this code reads version ${CHECKPOINT_FORMAT_VERSION}; delete it or run without --resume`);
  }
  const total = Number(view.getBigUint64(16, true));
  if (total !== bytes.length) throw corruptCheckpoint(`${bytes.length} bytes where the checkpoint says ${total}`);
  if (crc32(bytes.subarray(16)) !== view.getUint32(12, true)) throw corruptCheckpoint("checksum mismatch");
  const headerLength = view.getUint32(24, true);
  if (PREAMBLE + headerLength > total) throw corruptCheckpoint("the header runs past the end");
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength)));
  } catch (error) {
    throw corruptCheckpoint(`header: ${(error as Error).message}`);
  }
  if (header === null || typeof header !== "object" || Array.isArray(header)) throw corruptCheckpoint("header: not a JSON object");
  const list = sectionListSchema.safeParse(header.sections);
  if (!list.success) throw corruptCheckpoint("header: no valid section list");
  const sections = new Map<string, SectionArray>();
  let at = align(PREAMBLE + headerLength);
  for (const { name, type } of list.data) {
    if (at + 8 > total) throw corruptCheckpoint(`section ${name} runs past the end`);
    const length = Number(view.getBigUint64(at, true));
    const Type = SECTION_TYPES[type];
    if (at + 8 + length > total) throw corruptCheckpoint(`section ${name} runs past the end`);
    if (length % Type.BYTES_PER_ELEMENT !== 0) throw corruptCheckpoint(`section ${name}: ${length} bytes are not whole ${type} elements`);
    sections.set(name, viewOrCopy(bytes, at + 8, length, Type));
    at += 8 + align(length);
  }
  if (at !== total) throw corruptCheckpoint(`${total - at} bytes after the last section`);
  const { sections: _list, ...rest } = header;
  return { header: rest, sections: new SectionReader(sections) };
}

/** A typed-array view of `bytes[offset, offset + length)`, copied when it is not aligned for `Type`. */
function viewOrCopy(bytes: Uint8Array, offset: number, length: number, Type: (typeof SECTION_TYPES)[keyof typeof SECTION_TYPES]): SectionArray {
  const start = bytes.byteOffset + offset;
  if (start % Type.BYTES_PER_ELEMENT === 0) return new Type(bytes.buffer as ArrayBuffer, start, length / Type.BYTES_PER_ELEMENT);
  return new Type(bytes.slice(offset, offset + length).buffer);
}

function align(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}

function requireLittleEndian(): void {
  // Sections are typed arrays as they sit in memory, so the file is in the machine's byte order.
  if (!LITTLE_ENDIAN) throw new Error("checkpoints are written in little-endian byte order; this machine is big-endian");
}
