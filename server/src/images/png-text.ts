// PNG text chunks, written and read by hand: sharp cannot write arbitrary tEXt chunks, and ComfyUI puts
// the API prompt and the workflow into `prompt` and `workflow` text chunks that tools (and our tests) read.
import { inflateSync } from 'node:zlib';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zlib) define it; Node 20 has no zlib.crc32 yet. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = (crcTable[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}

export function isPng(buf: Buffer): boolean {
  return buf.length >= 8 && buf.subarray(0, 8).equals(pngSignature);
}

export function encodeChunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}

export interface PngChunk {
  type: string;
  body: Buffer;
  /** Byte offset of the chunk's length field. */
  offset: number;
}

/** Walks the chunks of a PNG, checking every CRC; throws on anything malformed. */
export function readPngChunks(buf: Buffer): PngChunk[] {
  if (!isPng(buf)) throw new Error('not a PNG');
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= buf.length) {
    const length = buf.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > buf.length) throw new Error('truncated PNG chunk');
    const type = buf.toString('latin1', offset + 4, offset + 8);
    if (crc32(buf.subarray(offset + 4, end - 4)) !== buf.readUInt32BE(end - 4)) {
      throw new Error(`bad CRC in PNG chunk ${type}`);
    }
    chunks.push({ type, body: buf.subarray(offset + 8, end - 4), offset });
    offset = end;
    if (type === 'IEND') return chunks;
  }
  throw new Error('PNG has no IEND chunk');
}

function assertKeyword(keyword: string): void {
  // PNG keywords: 1–79 Latin-1 printable characters, no leading or trailing space.
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || keyword.trim() !== keyword) {
    throw new Error(`invalid PNG text keyword '${keyword}'`);
  }
}

/**
 * tEXt (Latin-1) when the value fits, as PIL does for ComfyUI's ASCII JSON; otherwise uncompressed iTXt,
 * which carries UTF-8, so prompts in any script survive.
 */
function textChunk(keyword: string, value: string): Buffer {
  assertKeyword(keyword);
  if (value.includes('\0')) throw new Error(`PNG text '${keyword}' contains a NUL character`);
  const key = Buffer.from(keyword, 'latin1');
  if (!/[\u0100-\uffff]/.test(value)) {
    return encodeChunk('tEXt', Buffer.concat([key, Buffer.from([0]), Buffer.from(value, 'latin1')]));
  }
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL.
  const header = Buffer.from([0, 0, 0, 0, 0]);
  return encodeChunk('iTXt', Buffer.concat([key, header, Buffer.from(value, 'utf8')]));
}

/** Returns a copy of `png` with one text chunk per entry inserted right after IHDR. */
export function insertPngTextChunks(png: Buffer, entries: Record<string, string>): Buffer {
  const [ihdr] = readPngChunks(png);
  if (ihdr?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const cut = ihdr.offset + 12 + ihdr.body.length;
  const added = Object.entries(entries).map(([k, v]) => textChunk(k, v));
  return Buffer.concat([png.subarray(0, cut), ...added, png.subarray(cut)]);
}

function decodeTextChunk(chunk: PngChunk): [string, string] | undefined {
  const { type, body } = chunk;
  const nul = body.indexOf(0);
  if (nul < 1) return undefined;
  const keyword = body.toString('latin1', 0, nul);
  if (type === 'tEXt') return [keyword, body.toString('latin1', nul + 1)];
  if (type === 'zTXt') return [keyword, inflateSync(body.subarray(nul + 2)).toString('latin1')];
  if (type !== 'iTXt') return undefined;
  const compressed = body[nul + 1] === 1;
  const langEnd = body.indexOf(0, nul + 3);
  const transEnd = langEnd < 0 ? -1 : body.indexOf(0, langEnd + 1);
  if (transEnd < 0) return undefined;
  const text = body.subarray(transEnd + 1);
  return [keyword, (compressed ? inflateSync(text) : text).toString('utf8')];
}

/** All tEXt, zTXt and iTXt entries of a PNG; a later chunk with the same keyword wins. */
export function readPngTextChunks(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const chunk of readPngChunks(buf)) {
    const entry = decodeTextChunk(chunk);
    if (entry) out[entry[0]] = entry[1];
  }
  return out;
}
