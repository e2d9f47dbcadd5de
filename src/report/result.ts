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
  /**
   * What could not be done with the file: it could not be read or decoded (then `text` is empty
   * and there are no findings), a line of it is not a record, or its fix could not be written.
   */
  errors?: FileError[];
  /** The file could not be read at all (`errors` says why; `text` is empty, there are no findings). */
  unread?: boolean;
}

/** A file-level error: the run goes on with the other files and ends with exit code 2. */
export interface FileError {
  /** Why, without the path (`not valid UTF-8 (convert it to UTF-8 first)`). */
  message: string;
  /** 1-based line (and column) when the error is at a place in the file. */
  line?: number;
  column?: number;
}

/** `path`, `path:line` or `path:line:column`: where a file error is. */
export function errorPlace(path: string, e: FileError): string {
  return e.line === undefined ? path : e.column === undefined ? `${path}:${e.line}` : `${path}:${e.line}:${e.column}`;
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
