// The files the review server may read and write: exactly those named on its command line, by the
// name given there. Any other path (`../x`, an absolute path, a link beside a named file) is
// refused, and so is a named file that has since become another file (replaced by a symbolic
// link that leads elsewhere). Reading and writing go through the library as --fix does: encoding
// and BOM kept, the write atomic and refused if the file changed on disk since it was opened.

import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { encode, readSource, writeAtomic } from '../index.js';
import { ApiFailure } from './failure.js';

export interface OpenedFile {
  text: string;
  bom: boolean;
  /** A hash of the bytes read. */
  revision: string;
}

export class ServedFiles {
  /** Each named file and the file it resolved to when the server started. */
  readonly #real = new Map<string, string | null>();

  constructor(paths: readonly string[]) {
    for (const p of paths) this.#real.set(p, realOrNull(p));
  }

  read(path: string): OpenedFile {
    this.#check(path);
    const file = readSource(path);
    return { text: file.text, bom: file.bom, revision: hash(encode(file, file.text)) };
  }

  /** Writes `text` (in the file's own encoding) if the file still holds the bytes `revision` names; returns the new revision. */
  write(path: string, text: string, revision: string): string {
    this.#check(path);
    const now = readSource(path);
    const bytes = encode(now, now.text);
    if (hash(bytes) !== revision) {
      throw new ApiFailure(409, `${path} changed on disk since it was opened; not saved (download your text, or reopen the file to start again from what is on disk)`);
    }
    const out = encode(now, text);
    // The writer checks the bytes once more just before its rename.
    writeAtomic(path, out, bytes);
    return hash(out);
  }

  #check(path: string): void {
    if (!this.#real.has(path)) throw new ApiFailure(403, `${JSON.stringify(path)} is not one of the files this server was started with`);
    const then = this.#real.get(path);
    if (then !== null && realOrNull(path) !== then) throw new ApiFailure(403, `${path} is no longer the file the server was started with (it now leads to another file); not read or written`);
  }
}

function realOrNull(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

function hash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 32);
}
