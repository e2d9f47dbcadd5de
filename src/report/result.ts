// What the formatters receive: per file, its text, findings and (when fixes were computed) the
// corrected text. Formatters are pure functions of these.

import { computeLineStarts, positionAt, type Position } from '../text/lines.js';
import type { Finding } from '../types.js';

export interface FileResult {
  /** The path as given on the command line ('<stdin>' or --stdin-filename for standard input). */
  path: string;
  /** The decoded text (no BOM) that the findings' offsets refer to. */
  text: string;
  findings: Finding[];
  /** The text after applying fixes at the chosen level (for the diff format). */
  output?: string;
  /** The file starts with a byte-order mark (kept out of `text`, but part of the bytes on disk). */
  bom?: boolean;
}

export interface FormatOptions {
  color: boolean;
  /** Lines of context around each diff hunk. */
  diffContext: number;
}

export type Formatter = (results: FileResult[], options: FormatOptions) => string;

export interface Located extends Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Adds 1-based line/column (UTF-16 code units) to each finding: the only place they are computed. */
export function locate(result: FileResult): Located[] {
  const starts = computeLineStarts(result.text);
  return result.findings.map((f) => {
    const a: Position = positionAt(starts, f.start);
    const b: Position = positionAt(starts, f.end);
    return { ...f, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  });
}
