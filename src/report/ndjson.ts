// The ndjson format: one JSON object per line — per NDJSON record (`{"path","line","id",
// "findings"}`, findings also giving `textStart`/`textEnd` into the record's `text`), per feed
// item (`{"path","id","findings"}`) or per other file (`{"path","findings"}`). Findings are as
// in the json format. The CLI streams it for NDJSON input, a line out per line in.

import { findingJson } from './json.js';
import { locate, type FileResult, type Formatter, type Located } from './result.js';

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

export const ndjson: Formatter = (results) => results.map(fileLines).join('');

function fileLines(r: FileResult): string {
  const located = locate(r);
  if (!r.articles) return ndjsonLine({ path: r.path, findings: located });
  const seen = new Set<string>();
  return r.articles
    .filter((a) => !seen.has(a.id) && Boolean(seen.add(a.id)))
    .map((a) => ndjsonLine({ path: r.path, line: r.inputFormat === 'ndjson' ? a.line : undefined, id: a.id, findings: located.filter((f) => f.article === a.id) }))
    .join('');
}
