// Writing a file in pieces without ever leaving it half-written: the pieces go to a temporary
// file in the same folder (same mode), which replaces the file on commit; abort removes it.

import { chmodSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../engine/errors.js';
import { describe } from './source.js';

export class AtomicWriter {
  readonly #tmp: string;
  readonly #mode: number;
  #fd: number | undefined;

  constructor(readonly path: string) {
    try {
      this.#mode = statSync(path).mode & 0o7777;
      this.#tmp = join(dirname(path), `.${basename(path)}.mtlint-${process.pid}-${Date.now().toString(36)}.tmp`);
      this.#fd = openSync(this.#tmp, 'wx', this.#mode);
    } catch (e) {
      throw new UsageError(`${path}: cannot write fix, file left unchanged: ${describe(e)}`);
    }
  }

  write(bytes: Uint8Array): void {
    try {
      let off = 0;
      while (off < bytes.length) off += writeSync(this.#fd!, bytes, off, bytes.length - off);
    } catch (e) {
      this.abort();
      throw new UsageError(`${this.path}: cannot write fix, file left unchanged: ${describe(e)}`);
    }
  }

  commit(): void {
    try {
      fsyncSync(this.#fd!);
      closeSync(this.#fd!);
      this.#fd = undefined;
      chmodSync(this.#tmp, this.#mode);
      renameSync(this.#tmp, this.path);
    } catch (e) {
      this.abort();
      throw new UsageError(`${this.path}: cannot write fix, file left unchanged: ${describe(e)}`);
    }
  }

  abort(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    try {
      unlinkSync(this.#tmp);
    } catch {
      // already gone
    }
  }
}
