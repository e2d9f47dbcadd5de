// The ndjson format: one JSON object per line — per NDJSON record (`{"path","line","id",
// "findings"}`, findings also giving `textStart`/`textEnd` into the record's `text`), per feed
// item (`{"path","id","findings"}`) or per other file (`{"path","findings"}`). Findings are as
// in the json format. A line that is not a record, or a file that cannot be read, is
// `{"path","line"?,"error"}`. The CLI streams it for NDJSON input, a line out per line in.

import { findingJson } from './json.js';
import { locate, type FileError, type FileResult, type Formatter, type Located } from './result.js';

export interface NdjsonRecord {
  path: string;
  /** 1-based line of the NDJSON record. */
  line?: number;
  id?: string;
  findings: Located[];
}

export function ndjsonLine(rec: NdjsonRecord): string {
  const findings = rec.findings.map((f) => ({
    ...findingJson(f),
    ...(rec.line !== undefined && f.textStart !== undefined ? { textStart: f.textStart, textEnd: f.textEnd } : {}),
  }));
  for (const f of findings) delete (f as { article?: string }).article;
  return (
    JSON.stringify({
      path: rec.path,
      ...(rec.line !== undefined ? { line: rec.line } : {}),
      ...(rec.id !== undefined ? { id: rec.id } : {}),
      findings,
    }) + '\n'
  );
}

/** The line for an error: `{"path","line","error"}` for a line of the file, `{"path","error"}` for the whole file. */
export function ndjsonError(path: string, e: FileError): string {
  return JSON.stringify({ path, ...(e.line !== undefined ? { line: e.line } : {}), error: e.message }) + '\n';
}

export const ndjson: Formatter = (results) => results.map(fileLines).join('');

function fileLines(r: FileResult): string {
  const errors = r.errors ?? [];
  const whole = errors.filter((e) => e.line === undefined).map((e) => ndjsonError(r.path, e)).join('');
  if (r.unread) return whole;
  const located = locate(r);
  if (!r.articles) return whole + ndjsonLine({ path: r.path, findings: located });
  // Records and the lines that are not records, in the order of the file's lines.
  const lines: { line: number; out: string }[] = errors.filter((e) => e.line !== undefined).map((e) => ({ line: e.line!, out: ndjsonError(r.path, e) }));
  const seen = new Set<string>();
  for (const a of r.articles) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    const out = ndjsonLine({ path: r.path, line: r.inputFormat === 'ndjson' ? a.line : undefined, id: a.id, findings: located.filter((f) => f.article === a.id) });
    lines.push({ line: a.line ?? 0, out });
  }
  return whole + lines.sort((x, y) => x.line - y.line).map((x) => x.out).join('');
}
