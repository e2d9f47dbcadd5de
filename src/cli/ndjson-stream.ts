// NDJSON in, NDJSON out, a line at a time: each record is read, linted (and with --fix
// corrected), and its result written before the next line is read, so an export of any size
// runs in memory bounded by its longest line. Corrected records go to a temporary file that
// replaces the input only when every line was read (or to stdout).

import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { UsageError } from '../engine/errors.js';
import type { Rule } from '../engine/load.js';
import { fixText, type FixLevel } from '../fix/loop.js';
import { AtomicWriter } from '../io/atomic-writer.js';
import { parseRecord } from '../io/formats/ndjson.js';
import { lintParsed, type SourceFinding } from '../io/lint-source.js';
import { ndjsonLine } from '../report/ndjson.js';
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
}

async function* decodedLines(input: AsyncIterable<Buffer | string>, path: string): AsyncGenerator<{ text: string; eol: string; bom: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending = '';
  let first = true;
  let bom = false;
  const decode = (chunk: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new UsageError(`${path}: not valid UTF-8 (convert it to UTF-8 first)`);
    }
  };
  for await (const raw of input) {
    let chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (first) {
      first = false;
      if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        throw new UsageError(`${path}: NDJSON must be UTF-8 (this is UTF-16)`);
      }
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
        bom = true;
        chunk = chunk.subarray(3);
      }
    }
    if (chunk.includes(0)) throw new UsageError(`${path}: binary file (contains NUL bytes), not checked`);
    pending += decode(chunk, true);
    const re = /\r\n|\n|\r(?=[^])/g;
    let from = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(pending)) !== null) {
      yield { text: pending.slice(from, m.index), eol: m[0], bom };
      from = m.index + m[0].length;
    }
    pending = pending.slice(from);
  }
  pending += decode(new Uint8Array(), false);
  if (pending.endsWith('\r')) {
    yield { text: pending.slice(0, -1), eol: '\r', bom };
  } else if (pending !== '' || first) {
    if (pending !== '') yield { text: pending, eol: '', bom };
  }
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
  const lint = (line: string, no: number) => (t: string) => {
    const rec = parseRecord(t, 0, o.display, no);
    if (!rec) return [];
    return o.filter(lintParsed(t, { articles: [{ id: rec.id, map: rec.map, blocks: [] }], directives: [] }, o), t, no);
  };
  try {
    for await (const { text, eol, bom } of decodedLines(input as AsyncIterable<Buffer>, o.display)) {
      lineNo++;
      if (o.fix && bom && !wroteBom) {
        await out('\ufeff');
        wroteBom = true;
      }
      const rec = parseRecord(text, 0, o.display, lineNo);
      if (!rec) {
        if (o.fix) await out(text + eol);
        offset += text.length + eol.length;
        continue;
      }
      let line = text;
      let findings: SourceFinding[];
      if (o.fix) {
        const fixed = fixText(text, lint(text, lineNo), o.fixLevel);
        line = fixed.output;
        findings = fixed.remaining as SourceFinding[];
        await out(line + eol);
      } else {
        findings = lint(text, lineNo)(text);
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
