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
import { decodedLines } from '../io/decoded-lines.js';
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
