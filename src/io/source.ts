// Reading and writing the user's files without losing a byte: detect and keep the BOM and
// encoding, refuse binary or undecodable input, and write fixes atomically (temporary file in
// the same folder, same mode, then rename).

import { chmodSync, closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../engine/errors.js';

export type Encoding = 'utf8' | 'utf16le' | 'utf16be';

export interface SourceFile {
  /** The path as the user gave it ('-' for standard input). */
  path: string;
  /** Decoded text without the BOM; every offset refers to this. */
  text: string;
  bom: boolean;
  encoding: Encoding;
}

export function decode(bytes: Uint8Array, path: string): SourceFile {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, path, 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, path, 'utf16be');
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new UsageError(`${path}: binary file (contains NUL bytes), not checked`);
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
export function encode(file: Pick<SourceFile, 'bom' | 'encoding'>, text: string): Buffer {
  if (file.encoding === 'utf8') return Buffer.from((file.bom ? '\ufeff' : '') + text, 'utf8');
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return file.encoding === 'utf16le' ? le : le.swap16();
}

export function readSource(path: string): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`${path}: ${describe(e)}`);
  }
  return decode(bytes, path);
}

/** Replaces `path` with `bytes` atomically: never a half-written file, mode preserved. */
export function writeAtomic(path: string, bytes: Uint8Array): void {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch (e) {
    throw new UsageError(`${path}: cannot write: ${describe(e)}`);
  }
  const tmp = join(dirname(path), `.${basename(path)}.mtlint-${process.pid}-${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw new UsageError(`${path}: cannot write fix, file left unchanged: ${describe(e)}`);
  }
}

export function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EROFS':
      return 'read-only file system';
    default:
      return err.message ?? String(e);
  }
}
