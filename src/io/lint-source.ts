// Linting a source in any input format: read it into articles, lint each article's checked
// text, carry findings and their edits back to source offsets, apply inline suppressions, sort.
// Plain text takes the direct path (the checked text is the source).

import { UsageError } from '../engine/errors.js';
import { lintText, sortFindings } from '../engine/lint.js';
import { attachBilingual, type Bilingual } from '../source/context.js';
import type { Rule } from '../engine/load.js';
import { checkDirectives, suppress } from '../engine/suppress.js';
import type { Edit, Finding } from '../types.js';
import { parseSource, type Article, type InputError, type InputFormat, type ParseOptions, type ParsedSource } from './formats/index.js';
import { mapEdit, mapRange, pointAt } from './mapping.js';
import { computeLineStarts, positionAt } from '../text/lines.js';
import { editView } from '../fix/view.js';
import { canonicalEncoding, declaredEncoding, representable, singleByte, withReferences, type SingleByte } from './charset.js';

/** A finding in source offsets; for an article inside a larger file, which one and where in its checked text. */
export interface SourceFinding extends Finding {
  /** The feed item's guid/id/link or the NDJSON record's id. */
  article?: string;
  /** Offsets into the article's checked text (for NDJSON: into the record's decoded `text`). */
  textStart?: number;
  textEnd?: number;
}

export interface LintSourceOptions {
  rules: readonly Rule[];
  format: InputFormat;
  /** Shown in error messages. */
  path?: string;
  /** Honour `<!-- mtlint-disable … -->` comments (default true). */
  inlineConfig?: boolean;
  /** Every rule id that exists (selected or not): a directive naming anything else is an error. */
  knownRuleIds?: readonly string[];
  /** Told what the adapter read (the articles, for formats that list them). */
  onParsed?: (parsed: ParsedSource) => void;
  /** Told about each part that cannot be read (an NDJSON line that is not a record), which is then skipped; without it, such a part throws. */
  onError?: (e: InputError) => void;
  /** HTML: check only the page's main content. */
  htmlMain?: boolean;
  /** The original of a one-article text (--source), aligned with it by paragraphs for the source-aware rules. */
  bilingual?: Bilingual;
  /** The source language of articles whose input does not say (--source-lang). */
  sourceLang?: string;
  /** TSV: the source and target columns. */
  columns?: ParseOptions['columns'];
}

export function lintSource(source: string, o: LintSourceOptions): SourceFinding[] {
  if (o.format === 'text') return lintText(source, o.rules, undefined, o.bilingual && attachBilingual({ ...o.bilingual, sourceLang: o.bilingual.sourceLang ?? o.sourceLang }));
  const path = o.path ?? '<text>';
  const parsed = parseSource(o.format, source, path, o.onError, { htmlMain: o.htmlMain, columns: o.columns });
  withSource(parsed, o, path);
  o.onParsed?.(parsed);
  if (o.knownRuleIds && o.inlineConfig !== false) checkDirectives(parsed.directives, o.knownRuleIds, source, path);
  return lintParsed(source, parsed, { ...o, charset: declaredCharset(source, o.format) });
}

/** Gives the articles the original the options name (--source, a one-article text) and the default source language. */
function withSource(parsed: ParsedSource, o: Pick<LintSourceOptions, 'bilingual' | 'sourceLang'>, path: string): void {
  if (o.bilingual) {
    if (parsed.articles.length !== 1 || parsed.articles[0].bilingual) throw new UsageError(`${path}: an original (--source) goes with one article, a text, Markdown or HTML file, not a feed, NDJSON or bilingual file`);
    parsed.articles[0].bilingual = o.bilingual;
  }
  if (o.sourceLang) for (const a of parsed.articles) if (a.bilingual && !a.bilingual.sourceLang) a.bilingual = { ...a.bilingual, sourceLang: o.sourceLang };
}

/** How edits must be written into a source that declares a single-byte encoding (markup only). */
export interface Charset {
  table: SingleByte;
  /** A character the encoding cannot hold may be written as a character reference (HTML); else such an edit is refused. */
  references: boolean;
}

/** The single-byte encoding an HTML page or a feed declares (its prolog or meta tag, still in the decoded text). */
function declaredCharset(source: string, format: InputFormat): Charset | undefined {
  if (format !== 'html' && format !== 'feed') return undefined;
  const label = declaredEncoding(source, format === 'html');
  const name = label === undefined ? undefined : canonicalEncoding(label);
  const table = name === undefined || name === 'utf-8' ? null : singleByte(name);
  // NOTE: in a feed, a reference inside CDATA of a plain-text field would be read literally: refused there too.
  return table ? { table, references: format === 'html' } : undefined;
}

/**
 * Findings of already parsed articles of `source`, in source offsets, suppressions applied,
 * sorted. A message that cites a line cites the source's (counted from `firstLine`: a streamed
 * NDJSON record is one line of its file).
 */
export function lintParsed(source: string, parsed: ParsedSource, o: Pick<LintSourceOptions, 'rules' | 'inlineConfig' | 'sourceLang'> & { firstLine?: number; charset?: Charset }): SourceFinding[] {
  const out: SourceFinding[] = [];
  let starts: number[] | undefined;
  const sourceLine = (at: number) => positionAt((starts ??= computeLineStarts(source)), at).line + (o.firstLine ?? 1) - 1;
  for (const a of parsed.articles) {
    const attach = a.bilingual && attachBilingual({ ...a.bilingual, sourceLang: a.bilingual.sourceLang ?? o.sourceLang });
    if (!a.map) {
      out.push(...lintText(source, o.rules, undefined, attach));
      continue;
    }
    const m = a.map;
    for (const f of lintText(m.text, o.rules, (k) => sourceLine(pointAt(m, k)), attach)) {
      const g = toSource(f, a, source, o.charset);
      if (g) out.push(g);
    }
  }
  return sortFindings(o.inlineConfig === false ? out : suppress(out, parsed.directives, source));
}

/** A checked-text finding in source offsets; null when it lies wholly on text mtlint inserted. Edits are made to fit a declared `charset`. */
export function toSource(f: Finding, a: Article, source: string, charset?: Charset): SourceFinding | null {
  const m = a.map!;
  const range = mapRange(m, f.start, f.end);
  if (!range) return null;
  // Each source edit carries how it reads in the checked text (an HTML block deletion: its words, not its markup).
  const edit = (e: Edit) => {
    let mapped = mapEdit(e, m, a.blocks, source);
    if (mapped && charset && !representable(charset.table, mapped.text)) {
      mapped = charset.references ? { ...mapped, text: withReferences(charset.table, mapped.text) } : null;
    }
    if (mapped) mapped.view = editView(m.text, e);
    return mapped;
  };
  const out: SourceFinding = {
    ...f,
    start: range[0],
    end: range[1],
    text: source.slice(range[0], range[1]),
    fix: f.fix ? edit(f.fix) : null,
    suggestions: f.suggestions.map(edit).filter((e): e is Edit => e !== null),
  };
  if (a.id !== undefined) out.article = a.id;
  out.textStart = f.start;
  out.textEnd = f.end;
  return out;
}
