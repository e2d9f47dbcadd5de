// NDJSON in, NDJSON out, a line at a time: each record is read, linted (and with --fix
// corrected), and its result written before the next line is read, so an export of any size
// runs in memory bounded by its longest line. Corrected records go to a temporary file that
// replaces the input only when every line was read (or to stdout). A line that is not a record
// becomes an error line naming it (copied through unchanged by --fix), and the stream goes on.

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { UsageError } from '../engine/errors.js';
import type { Rule } from '../engine/load.js';
import { fixText, type FixLevel } from '../fix/loop.js';
import { AtomicWriter } from '../io/atomic-writer.js';
import { parseRecord, type NdjsonRecord } from '../io/formats/ndjson.js';
import type { InputError } from '../io/formats/types.js';
import { lintParsed, type SourceFinding } from '../io/lint-source.js';
import { ndjsonError, ndjsonLine } from '../report/ndjson.js';
import type { Located } from '../report/result.js';
import type { Edit } from '../types.js';

export interface StreamOptions {
  /** The path to read ('-': standard input) and the name to show. */
  path: string;
  display: string;
  rules: readonly Rule[];
  /** Drops findings (baseline, changed lines); offsets are into `line`, which is line `lineNo` of the file. */
  filter: (findings: SourceFinding[], line: string, lineNo: number) => SourceFinding[];
  fix: boolean;
  fixLevel: FixLevel;
  /** With --fix: print the corrected records instead of replacing the file. */
  stdout: boolean;
  /** Receives each result line (unless null: no report, e.g. --fix --stdout); a returned promise is awaited (backpressure). */
  report: ((line: string) => void | Promise<void>) | null;
  /** Receives every finding that is reported (for the exit code and --write-baseline). */
  onFindings: (findings: SourceFinding[], line: string) => void;
  /** Told about each line that is not a record (reported as an error line, copied through by --fix; the stream goes on). */
  onError: (e: InputError) => void;
  /** The originals' language where a record does not say (--source-lang). */
  sourceLang?: string;
}

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

/** Runs the stream; returns when every line is done (the file replaced, with --fix). */
export async function streamNdjson(o: StreamOptions): Promise<void> {
  const input = o.path === '-' ? process.stdin : createReadStream(o.path);
  const writer = o.fix && !o.stdout && o.path !== '-' ? new AtomicWriter(o.path) : undefined;
  const out = async (s: string) => {
    if (writer) writer.write(Buffer.from(s, 'utf8'));
    else await writeOut(s);
  };
  let offset = 0;
  let lineNo = 0;
  let wroteBom = false;
  /** Findings in the record `rec` read from `t` (line `no`). */
  const lintRecord = (t: string, rec: NdjsonRecord, no: number) =>
    o.filter(lintParsed(t, { articles: [{ id: rec.id, map: rec.map, blocks: [], bilingual: rec.bilingual }], directives: [] }, { ...o, firstLine: no }), t, no);
  /** The same for each text the fix loop makes of the line (read again: the fixes change it). */
  const lint = (no: number) => (t: string) => {
    const rec = parseRecord(t, 0, o.display, no);
    return rec ? lintRecord(t, rec, no) : [];
  };
  try {
    for await (const { text, eol, bom } of decodedLines(input as AsyncIterable<Buffer>, o.display)) {
      lineNo++;
      if (o.fix && bom && !wroteBom) {
        await out('\ufeff');
        wroteBom = true;
      }
      let rec: NdjsonRecord | null;
      try {
        rec = parseRecord(text, 0, o.display, lineNo);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        // Not a record: said, copied through unchanged, and the stream goes on.
        const error: InputError = { line: lineNo, message: e.message.slice(`${o.display}:${lineNo}: `.length) };
        o.onError(error);
        if (o.report) await o.report(ndjsonError(o.display, error));
        if (o.fix) await out(text + eol);
        offset += text.length + eol.length;
        continue;
      }
      if (!rec) {
        if (o.fix) await out(text + eol);
        offset += text.length + eol.length;
        continue;
      }
      let line = text;
      let findings: SourceFinding[];
      if (o.fix) {
        const fixed = fixText(text, lint(lineNo), o.fixLevel);
        line = fixed.output;
        findings = fixed.remaining as SourceFinding[];
        await out(line + eol);
      } else {
        findings = lintRecord(text, rec, lineNo);
      }
      o.onFindings(findings, line);
      if (o.report) {
        const shift = (e: Edit) => ({ start: e.start + offset, end: e.end + offset, text: e.text });
        const located: Located[] = findings.map((f) => ({
          ...f,
          start: f.start + offset,
          end: f.end + offset,
          fix: f.fix ? shift(f.fix) : null,
          suggestions: f.suggestions.map(shift),
          line: lineNo,
          column: f.start + 1,
          endLine: lineNo,
          endColumn: f.end + 1,
        }));
        await o.report(ndjsonLine({ path: o.display, line: lineNo, id: rec.id, findings: located }));
      }
      offset += line.length + eol.length;
    }
  } catch (e) {
    writer?.abort();
    throw e;
  }
  writer?.commit();
}

/** Writes to standard output, waiting when its buffer is full, so memory stays bounded when the reader is slower. */
export async function writeOut(s: string): Promise<void> {
  if (!process.stdout.write(s)) await once(process.stdout, 'drain');
}
