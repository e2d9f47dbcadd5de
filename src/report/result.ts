// What the formatters receive: per file, its text, findings and (when fixes were computed) the
// corrected text. Formatters are pure functions of these.

import type { SourceFinding } from '../io/lint-source.js';
import type { InputFormat } from '../io/formats/types.js';
import { computeLineStarts, positionAt, type Position } from '../text/lines.js';
import type { RuleSpec } from '../types.js';

export interface FileResult {
  /** The path as given on the command line ('<stdin>' or --stdin-filename for standard input). */
  path: string;
  /** The decoded text (no BOM) that the findings' offsets refer to. */
  text: string;
  findings: SourceFinding[];
  /** The text after applying fixes at the chosen level (for the diff format). */
  output?: string;
  /** The file starts with a byte-order mark (kept out of `text`, but part of the bytes on disk). */
  bom?: boolean;
  /** How the file was read (plain text when absent). */
  inputFormat?: InputFormat;
  /** Every article of a feed or NDJSON file, in order (clean ones too), for formats that list them. */
  articles?: { id: string; line?: number }[];
}

export interface FormatOptions {
  color: boolean;
  /** Lines of context around each diff hunk. */
  diffContext: number;
  /** The rules that ran, for formats that describe them (SARIF). */
  rules?: readonly RuleSpec[];
  /** mtlint's version, for formats that name the tool. */
  version?: string;
  /** The folder paths are relative to (SARIF's %SRCROOT%); default the working folder. */
  cwd?: string;
}

export type Formatter = (results: FileResult[], options: FormatOptions) => string;

export interface Located extends SourceFinding {
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
