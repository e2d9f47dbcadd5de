// Replacing a file without ever leaving it half-written: the new bytes go to a temporary file in
// the same folder (so the final rename stays on one file system), created exclusively with the
// file's mode (and owner, when allowed), flushed to disk, then renamed over the file; the folder
// is flushed too so the rename survives a crash. Until the rename, the original is untouched; on
// any failure the temporary file is removed and the original stays as it was.
//
// With the bytes the file held when it was read, a file changed meanwhile (an editor saved it) is
// not replaced: the fix is refused rather than the editor's change lost.
//
// Refused before anything is written: a file that no longer exists (or whose folder vanished),
// a file without write permission (even for root, who could otherwise replace it: read-only
// means "do not change"). A symbolic link is followed: its target is replaced, the link kept.

import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fchownSync,
  fsyncSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, UsageError } from '../engine/errors.js';

export class AtomicWriter {
  /** The file actually replaced (the target of `path` when it is a symbolic link). */
  readonly target: string;
  readonly #tmp: string;
  readonly #mode: number;
  #fd: number | undefined;

  /**
   * `expected`: the bytes the file held when it was read; if it holds anything else at commit
   * time (an editor saved it meanwhile), the fix is not written, so that change is not lost.
   */
  constructor(
    readonly path: string,
    readonly expected?: Uint8Array,
  ) {
    const fail = (e: unknown) => new UsageError(`${path}: cannot write fix, file left unchanged: ${describe(e)}`);
    let st;
    try {
      this.target = realpathSync(path);
      st = statSync(this.target);
    } catch (e) {
      throw fail(e);
    }
    if (!st.isFile()) throw new UsageError(`${path}: cannot write fix, not a regular file`);
    this.#mode = st.mode & 0o7777;
    if ((this.#mode & 0o222) === 0) throw new UsageError(`${path}: cannot write fix, the file is read-only (file left unchanged)`);
    try {
      accessSync(this.target, constants.W_OK);
    } catch (e) {
      throw fail(e);
    }
    this.#tmp = join(dirname(this.target), `.${basename(this.target)}.mtlint-${process.pid}-${Date.now().toString(36)}.tmp`);
    try {
      this.#fd = openSync(this.#tmp, 'wx', this.#mode);
    } catch (e) {
      throw fail(e);
    }
    try {
      fchownSync(this.#fd, st.uid, st.gid);
    } catch {
      // not allowed to give the file away: it keeps the writer's owner
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
    if (this.expected && !this.#unchanged()) {
      this.abort();
      throw new UsageError(`${this.path}: changed on disk since mtlint read it; fix not written (run again)`);
    }
    try {
      fsyncSync(this.#fd!);
      closeSync(this.#fd!);
      this.#fd = undefined;
      chmodSync(this.#tmp, this.#mode);
      renameSync(this.#tmp, this.target);
    } catch (e) {
      this.abort();
      throw new UsageError(`${this.path}: cannot write fix, file left unchanged: ${describe(e)}`);
    }
    syncDir(dirname(this.target));
  }

  #current(): Buffer | null {
    try {
      return readFileSync(this.target);
    } catch {
      return null;
    }
  }

  #unchanged(): boolean {
    const now = this.#current();
    return now !== null && Buffer.from(this.expected!.buffer, this.expected!.byteOffset, this.expected!.byteLength).equals(now);
  }

  abort(): void {
    if (this.#fd !== undefined) {
      try {
        closeSync(this.#fd);
      } catch {
        // already closed
      }
    }
    this.#fd = undefined;
    try {
      unlinkSync(this.#tmp);
    } catch {
      // already gone
    }
  }
}

/** Flushes a folder's entries (the rename) to disk; not every system allows it, and that is no error. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
