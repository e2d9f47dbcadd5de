// The lines of a byte stream, decoded one at a time: the NDJSON reader of the CLI (--format
// ndjson in, a line at a time) and the audit's feed reader both read large exports through it.

import { UsageError } from '../engine/errors.js';

/**
 * The lines of `input`, each decoded on its own from the bytes between line breaks: no string
 * larger than a line is ever made (decoding whole chunks and cutting lines from them put two
 * strings of every 64 KB chunk in V8's large-object space, where only a full collection frees them).
 */
export async function* decodedLines(input: AsyncIterable<Buffer | string>, path: string): AsyncGenerator<{ text: string; eol: string; bom: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (bytes: Uint8Array) => {
    try {
      return decoder.decode(bytes);
    } catch {
      throw new UsageError(`${path}: not valid UTF-8 (convert it to UTF-8 first)`);
    }
  };
  const binary = () => new UsageError(`${path}: binary file (contains NUL bytes), not checked`);
  /** The bytes of the line not yet ended. */
  let rest: Buffer = Buffer.alloc(0);
  /** Whether the first bytes (a BOM?) have been looked at. */
  let started = false;
  let bom = false;
  /** The start of the input: UTF-16 refused, a UTF-8 BOM dropped (it may come in several chunks). */
  const start = (bytes: Buffer): Buffer => {
    started = true;
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
      throw new UsageError(`${path}: NDJSON must be UTF-8 (this is UTF-16)`);
    }
    bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return bom ? bytes.subarray(3) : bytes;
  };
  /** Lines ended in `bytes` (from `i` on: `rest` holds no line break but a CR at its end); keeps the rest. */
  function* ended(bytes: Buffer, i: number, final: boolean): Generator<{ text: string; eol: string; bom: boolean }> {
    let from = 0;
    // The next LF and CR from i on, found by indexOf (a native scan; most lines have no CR).
    let lf = bytes.indexOf(0x0a, i);
    let cr = bytes.indexOf(0x0d, i);
    while (lf >= 0 || cr >= 0) {
      i = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
      const b = bytes[i];
      // A CR at the end of what has come may be the first half of CRLF: wait for the next byte.
      if (b === 0x0d && i + 1 === bytes.length && !final) break;
      const eol = b === 0x0d && bytes[i + 1] === 0x0a ? '\r\n' : b === 0x0d ? '\r' : '\n';
      yield { text: decode(bytes.subarray(from, i)), eol, bom };
      from = i + eol.length;
      if (lf >= 0 && lf < from) lf = bytes.indexOf(0x0a, from);
      if (cr >= 0 && cr < from) cr = bytes.indexOf(0x0d, from);
    }
    // Copied: the stream may reuse its buffers.
    rest = Buffer.from(bytes.subarray(from));
  }
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    const bytes = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    if (!started && bytes.length < 3) {
      rest = Buffer.from(bytes);
      continue;
    }
    /** The bytes not yet looked at for NULs (after the test for UTF-16, whose text has them). */
    const fresh = started ? chunk : bytes;
    const from = started ? Math.max(0, rest.length - 1) : 0;
    const body = started ? bytes : start(bytes);
    if (fresh.includes(0)) throw binary();
    yield* ended(body, from, false);
  }
  if (!started) rest = start(rest);
  if (rest.includes(0)) throw binary();
  yield* ended(rest, 0, true);
  if (rest.length > 0) yield { text: decode(rest), eol: '', bom };
}
