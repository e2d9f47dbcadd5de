// The JSON the review server's API takes and returns (documented in the README), shared by the
// server and the page. Offsets are UTF-16 code units into the text sent, 0-based, half-open.

export interface ApiEdit {
  start: number;
  end: number;
  text: string;
}

/** A finding as `--format json` prints it, with its id (see `findingIds`). */
export interface ApiFinding {
  id: string;
  ruleId: string;
  kind: string;
  severity: 'error' | 'warning' | 'info';
  confidence: number;
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  message: string;
  fix: ApiEdit | null;
  suggestions: ApiEdit[];
  article?: string;
  /** In a `/api/fix` answer: the id this finding had in the text sent (absent for one the fixes uncovered). */
  previousId?: string;
}

/** How to read a text: the options `/api/lint`, `/api/fix` and `/api/diff` share. */
export interface TextOptions {
  /** Names the text; its extension picks the format when `format` is absent. */
  filename?: string;
  /** `text`, `markdown`, `html`, `feed`, `ndjson` or `auto` (default: by `filename`, else the server's `--input-format`). */
  format?: string;
  /** House style (`ap`, `reuters`, `bbc`); default: the server's `--style` or configuration. */
  style?: string;
}

export interface LintRequest extends TextOptions {
  text: string;
}

/** The `--format json` document for one file, with the format the text was read in. */
export interface LintResponse {
  version: 1;
  files: [{ path: string; findings: ApiFinding[] }];
  format: string;
}

/** A finding to fix by id: its fix, else its first suggestion; or the suggestion chosen (0-based). */
export type FixChoice = string | { id: string; suggestion: number };

export interface FixRequest extends TextOptions {
  text: string;
  /** The findings whose fixes to apply, in one pass (edits that overlap an earlier one are skipped). */
  ids?: FixChoice[];
  /** Instead of `ids`: every fix of this level, in passes, as `--fix --fix-level LEVEL`. */
  level?: 'safe' | 'suggest';
}

export interface FixResponse extends LintResponse {
  /** The corrected text. */
  text: string;
  /** The change as a unified diff (`--format diff`), empty when nothing changed. */
  patch: string;
  /** Ids (in the text sent) of the findings whose edit was applied (with `level`: in the first pass). */
  applied: string[];
  /** Ids of chosen findings whose edit overlapped one applied before it: not applied. */
  skipped: string[];
  /** Where the applied edits' new text lies in the corrected text (insertions and replacements). */
  changed: { start: number; end: number }[];
}

export interface DiffRequest extends TextOptions {
  /** The text as it was. */
  original: string;
  /** The text as it is now. */
  text: string;
  /** The file starts with a byte-order mark (part of its first line on disk). */
  bom?: boolean;
}

export interface DiffResponse {
  patch: string;
}

export interface FilesResponse {
  /** The files named on the command line, as named. */
  files: { path: string; format: string }[];
  /** House styles to choose from, and the one in force by default (absent: none). */
  styles: string[];
  style?: string;
  /** The largest request body accepted, in bytes. */
  maxBytes: number;
}

export interface OpenRequest {
  path: string;
}

export interface OpenResponse extends LintResponse {
  path: string;
  text: string;
  /** The file's bytes as read (a hash): `/api/save` refuses to write if the file no longer has them. */
  revision: string;
  bom: boolean;
}

export interface SaveRequest {
  path: string;
  text: string;
  /** The revision `/api/open` (or the last save) gave. */
  revision: string;
}

export interface SaveResponse {
  revision: string;
}

export interface ApiError {
  error: string;
}
