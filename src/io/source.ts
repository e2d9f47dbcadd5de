// Reading and writing the user's files without losing a byte: detect and keep the BOM and
// encoding (a single-byte encoding that a feed or page declares too: charset.ts), refuse binary
// or undecodable input, and write fixes atomically (temporary file in
// the same folder, same mode, then rename). A file larger than maxFileBytes() is refused before
// it is read: linting holds the whole text and its tokens in memory (tens of bytes per byte of
// text), and no article is that long; NDJSON exports of any size are streamed instead.

import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { describe, UsageError } from '../engine/errors.js';
import { AtomicWriter } from './atomic-writer.js';
import { canonicalEncoding, declaredEncoding, encodeSingleByte, isHtmlPath, singleByte } from './charset.js';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be' | 'single-byte';

export interface SourceFile {
  /** The path as the user gave it ('-' for standard input). */
  path: string;
  /** Decoded text without the BOM; every offset refers to this. */
  text: string;
  bom: boolean;
  encoding: Encoding;
  /** For `single-byte`: the encoding the file declares (its canonical name, e.g. windows-1252). */
  charset?: string;
}

/** The largest file read in one piece: 10 MiB, or MTLINT_MAX_FILE_MB megabytes (MiB). */
export function maxFileBytes(): number {
  const mb = Number(process.env.MTLINT_MAX_FILE_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 10) * 1024 * 1024;
}

function tooLarge(path: string, size: number): UsageError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return new UsageError(
    `${path}: too large to check (${mb(size)}; the limit is ${mb(maxFileBytes())}: split the file, stream NDJSON with --format ndjson, or raise MTLINT_MAX_FILE_MB)`,
  );
}

export function decode(bytes: Uint8Array, path: string): SourceFile {
  if (bytes.length > maxFileBytes()) throw tooLarge(path, bytes.length);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, path, 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, path, 'utf16be');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new UsageError(`${path}: binary file (contains NUL bytes), not checked`);
  if (!bom) {
    // A declared encoding (XML prolog, HTML meta) other than UTF-8; a byte-order mark wins over it.
    const label = declaredEncoding(Buffer.from(body.subarray(0, 1024)).toString('latin1'), isHtmlPath(path));
    const name = label === undefined ? undefined : canonicalEncoding(label);
    if (label !== undefined && name === undefined) throw new UsageError(`${path}: declares the encoding ${label}, which mtlint cannot read`);
    if (name !== undefined && name !== 'utf-8' && !name.startsWith('utf-16')) {
      const table = singleByte(name);
      if (!table) throw new UsageError(`${path}: declares the encoding ${label}; mtlint reads UTF-8, UTF-16 and single-byte encodings (convert it to UTF-8 first)`);
      let text = '';
      for (const b of body) text += table.decode[b];
      return { path, text, bom: false, encoding: 'single-byte', charset: name };
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UsageError(`${path}: not valid UTF-8 (convert it to UTF-8 first)`);
  }
  return { path, text, bom, encoding: 'utf8' };
}

function utf16(bytes: Uint8Array, path: string, encoding: 'utf16le' | 'utf16be'): SourceFile {
  if (bytes.length % 2 !== 0) throw new UsageError(`${path}: not valid UTF-16 (odd number of bytes)`);
  let text: string;
  try {
    text = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
  } catch {
    throw new UsageError(`${path}: not valid UTF-16`);
  }
  if (text.includes('\u0000')) throw new UsageError(`${path}: binary file (contains NUL characters), not checked`);
  return { path, text, bom: true, encoding };
}

/** The bytes of `text` in the file's own encoding, with its BOM if it had one. */
export function encode(file: Pick<SourceFile, 'bom' | 'encoding' | 'charset'> & { path?: string }, text: string): Buffer {
  if (file.encoding === 'utf8') return Buffer.from((file.bom ? '\ufeff' : '') + text, 'utf8');
  if (file.encoding === 'single-byte') {
    // (Fixes are made to fit the declared encoding; this guards the bytes.)
    const bytes = encodeSingleByte(singleByte(file.charset!)!, text);
    if (!bytes) throw new UsageError(`${file.path ?? 'output'}: cannot write fix, the text has characters ${file.charset} cannot hold (file left unchanged)`);
    return bytes;
  }
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return file.encoding === 'utf16le' ? le : le.swap16();
}

export function readSource(path: string): SourceFile {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.size > maxFileBytes()) throw tooLarge(path, st.size);
    bytes = st.isFile() ? readFileSync(path) : readBounded(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: ${describe(e)}`);
  }
  return decode(bytes, path);
}

/** A pipe or device (`<(cmd)`, /dev/stdin) read up to the size limit, so /dev/zero cannot fill memory. */
function readBounded(path: string): Buffer {
  const limit = maxFileBytes();
  const chunks: Buffer[] = [];
  let total = 0;
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = Buffer.alloc(1 << 16);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw tooLarge(path, total);
      chunks.push(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks);
}

/**
 * Replaces `path` with `bytes` atomically: never a half-written file, mode preserved; with
 * `expected` (the bytes read), refused if the file changed since (see AtomicWriter).
 */
export function writeAtomic(path: string, bytes: Uint8Array, expected?: Uint8Array): void {
  const w = new AtomicWriter(path, expected);
  w.write(bytes);
  w.commit();
}

export { describe };
