// Shared data types: edits, findings, rule specs. Offsets are UTF-16 code units into the decoded
// text (BOM excluded), 0-based, half-open; line/column exist only in printed output.

import type { EditView } from './fix/view.js';

export type Severity = 'error' | 'warning' | 'info';
export type FixSafety = 'safe' | 'suggest' | 'none';

/** A replacement of text[start, end) by `text`. A deletion has text ''; an insertion start === end. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** How the edit reads in the checked text, when that is not the text the offsets refer to (Markdown, HTML, feeds, NDJSON): what reports show. */
  view?: EditView;
}

/** What a kind reports: a span and zero or more replacements for it. */
export interface Match {
  start: number;
  end: number;
  /** Candidate replacements, best first. Several candidates make the finding a suggestion only. */
  replacements?: Edit[];
  /** Lowers the rule's fix safety for this match (e.g. a guess with weak evidence). */
  safety?: FixSafety;
  /** Overrides the rule's confidence for this match. */
  confidence?: number;
  /** Overrides the rule's message for this match (placeholders still apply). */
  message?: string;
  /** Extra values for message placeholders, e.g. {count}. */
  data?: Record<string, string | number>;
}

export interface Finding {
  ruleId: string;
  kind: string;
  severity: Severity;
  confidence: number;
  start: number;
  end: number;
  /** The flagged text, text.slice(start, end). */
  text: string;
  message: string;
  /** Applied by --fix (rule safety `safe` with one candidate). */
  fix: Edit | null;
  /** Offered, applied only with --fix-level suggest (the first one). */
  suggestions: Edit[];
}

export interface RuleExamples {
  /** Texts that must be flagged; `output` is the exact text after fixing (absent for report-only rules). */
  flag: { text: string; output?: string; source?: ExampleSource }[];
  /** Texts that must not be flagged. */
  pass: string[];
  /** For a source-aware rule: the original of each `pass` text, by position. */
  passSources?: (ExampleSource | undefined)[];
}

/** The original a translation example was made from (for source-aware rules), aligned with it by paragraphs. */
export interface ExampleSource {
  text: string;
  /** Its language, when the example should not rely on the guess. */
  lang?: string;
}

/** A rule as read from rules/<pack>/<name>.yaml, before its kind compiles it. */
export interface RuleSpec {
  id: string;
  kind: string;
  severity: Severity;
  confidence: number;
  message: string;
  description: string;
  source: string;
  fix: FixSafety;
  enabled: boolean;
  /**
   * Rules whose findings on a span this rule reports are the same problem told with less evidence
   * (names/misspelled-name beside source/misspelled-name): dropped when both run.
   */
  supersedes?: string[];
  examples: RuleExamples;
  /** Every other key of the YAML file: the kind's own settings. */
  options: Record<string, unknown>;
  /** Where the rule came from, for error messages. */
  file: string;
  /** 1-based line of each top-level key in the file, for error messages. */
  lines: Record<string, number>;
}
