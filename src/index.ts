// The library API: `lint` and `fix` a text in any input format, `loadRules` to choose the rules,
// and the report formatters. The CLI is built on these same functions.

import { loadRules, type LoadOptions, type Rule } from './engine/load.js';
import { fixText, type FixLevel, type FixResult } from './fix/loop.js';
import { detectFormat, type InputError, type InputFormat } from './io/formats/index.js';
import { lintSource, type SourceFinding } from './io/lint-source.js';
import { contextHash } from './report/fingerprint.js';
import { decode } from './io/source.js';

/** A finding; offsets are UTF-16 code units into the text given to `lint` (for Markdown, HTML, feeds and NDJSON: the source, markup included). */
export type LintFinding = SourceFinding;

export interface LintOptions {
  /** Rules to run (from `loadRules`); default: every built-in rule that is enabled. */
  rules?: readonly Rule[];
  /**
   * How to read the text: `text` (default unless `filename` is given), `markdown`, `html`,
   * `feed` (RSS or Atom), `ndjson`, or `auto` to decide by `filename` and the text's beginning.
   */
  format?: InputFormat | 'auto';
  /** The file name the text came from: picks the format when `format` is absent or `auto`, and names the file in errors. */
  filename?: string;
  /** Honour `<!-- mtlint-disable … -->` comments in Markdown and HTML (default true). */
  inlineConfig?: boolean;
  /** Rule ids that suppression comments may name; a comment naming anything else throws a UsageError (default: not checked). */
  knownRuleIds?: readonly string[];
  /** Drops findings before they are returned or fixed (a baseline, a changed-lines filter); gets the current text. */
  filter?: (findings: LintFinding[], text: string) => LintFinding[];
  /**
   * Told about each part of the text that cannot be read while the rest can (an NDJSON line that
   * is not a record), which is then skipped; without it, such a part throws a UsageError.
   */
  onError?: (error: InputError) => void;
  /** HTML: check only the page's main content — the article Mozilla's Readability finds, else its <main> or only <article> — not the site's navigation, footer and ads. */
  htmlMain?: boolean;
  /**
   * The original the text was translated from (plain text), aligned with it paragraph by paragraph
   * for the source-aware rules (`source/…`); a text, Markdown or HTML document only. Bilingual
   * formats (XLIFF, TMX, TSV, NDJSON with `source`) carry their own.
   */
  source?: string;
  /** The original's language (BCP 47, e.g. `ru`), where the input does not say; default: guessed from its text. */
  sourceLang?: string;
  /** TSV: the names of the source and target columns (default: source/src/original and target/tgt/translation/text/mt/hyp). */
  columns?: { source?: string; target?: string };
}

export interface FixOptions extends LintOptions {
  /** `safe` applies fixes only; `suggest` applies the first suggestion of each finding too. */
  level?: FixLevel;
}

export interface LintFixResult extends FixResult {
  fixed: LintFinding[];
  remaining: LintFinding[];
}

let builtin: Rule[] | undefined;
function defaultRules(): Rule[] {
  return (builtin ??= loadRules({ verify: false }));
}

/** The input format `lint` and `fix` use for these options and text. */
export function resolveFormat(text: string, options: Pick<LintOptions, 'format' | 'filename'> = {}): InputFormat {
  const f = options.format ?? (options.filename ? 'auto' : 'text');
  return f === 'auto' ? detectFormat(options.filename, text) : f;
}

function linter(text: string, options: LintOptions): (t: string) => LintFinding[] {
  const rules = options.rules ?? defaultRules();
  const format = resolveFormat(text, options);
  const base = {
    rules,
    format,
    path: options.filename,
    inlineConfig: options.inlineConfig,
    knownRuleIds: options.knownRuleIds,
    htmlMain: options.htmlMain,
    ...(options.source !== undefined ? { bilingual: { original: options.source } } : {}),
    sourceLang: options.sourceLang,
    columns: options.columns,
  };
  const filter = options.filter;
  // Errors are told once, from the first text: the fix loop reads the same unreadable parts again.
  let onError = options.onError;
  return (t) => {
    const found = lintSource(t, { ...base, onError });
    if (onError) onError = () => {};
    return filter ? filter(found, t) : found;
  };
}

/** Findings in `text`, sorted by position; offsets are UTF-16 code units into `text`. */
export function lint(text: string, options: LintOptions = {}): LintFinding[] {
  return linter(text, options)(text);
}

/** Applies fixes in non-overlapping passes and re-lints; returns the corrected text and what remains. */
export function fix(text: string, options: FixOptions = {}): LintFixResult {
  return fixText(text, linter(text, options), options.level ?? 'safe') as LintFixResult;
}

/**
 * Each finding's id, for choosing findings across calls (the review page, `POST /api/fix`): its
 * rule and a hash of the flagged text with a little context (as the baseline's), so an edit
 * elsewhere in `text` keeps it; the second finding with the same hash gets `-2`, and so on.
 */
export function findingIds(text: string, findings: readonly LintFinding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const h = contextHash(f.ruleId, text, f.start, f.end).slice(0, 16);
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}-${n}`;
  });
}

/**
 * Throws the UsageError the command line gives for a file it does not check (larger than the
 * limit, binary): for front ends that are handed text rather than bytes (the language server).
 */
export function assertCheckable(text: string, filename: string): void {
  decode(Buffer.from(text, 'utf8'), filename);
}

export { loadRules, detectFormat };
export { loadRuleSet, type RuleSet, type RuleSetOptions } from './config/rule-set.js';
export { VERSION } from './version.js';
export { applyEdits } from './fix/apply.js';
export { changes, type Change, type ChangeOp } from './fix/changes.js';
export { FORMATTERS, type FileResult, type FormatOptions, type Formatter } from './report/index.js';
export { locate, type Located } from './report/result.js';
export type { Rule, LoadOptions, FixLevel, FixResult, InputError, InputFormat };
export type { Edit, Finding, FixSafety, Severity } from './types.js';
export { RuleError, UsageError } from './engine/errors.js';
// Reading and writing the user's files as --fix does (encoding and BOM kept, atomic writes).
export { encode, maxFileBytes, readSource, writeAtomic, type SourceFile } from './io/source.js';
