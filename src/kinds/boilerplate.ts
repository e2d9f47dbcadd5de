// Scraped page residue: whole lines that belong to the web page, not the article (comment
// forms, share and subscribe prompts, "live updates here" link stubs). All of a rule's line
// patterns are compiled into one regular expression; the fix deletes the line. `inline`
// patterns (case-sensitive) find residue inside a line, such as a photo credit left at the end
// of a paragraph; the fix deletes the match and the space before it.
//
//   Leave a Reply
//   ^^^^^^^^^^^^^
//   … what is recyclable garbage. (Photo by Cang Yan)
//                                 ^^^^^^^^^^^^^^^^^^^

import { derived } from '../engine/derived.js';
import { DocumentCache, type TextDocument } from '../text/document.js';
import { isSpaceAt } from '../text/lines.js';
import type { Match, RuleSpec } from '../types.js';
import { anyLiteral, headOf, literalPrefixes, prefixSelect, requiredLiterals, stripLeadingAssertions, type LineSelect } from '../match/line-prefilter.js';
import { Options, type Kind } from './kind.js';

export const boilerplate: Kind = {
  name: 'boilerplate',
  options: ['lines', 'inline', 'max_length'],
  // Scraped residue lines are deleted whole, links and handles in them included.
  coversProtected: true,
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const patterns = opts.stringList('lines');
    const inlinePatterns = opts.stringList('inline');
    if (patterns.length === 0 && inlinePatterns.length === 0) opts.fail('lines', 'needs at least one pattern (lines or inline)');
    patterns.forEach((p) => opts.checkRegex('lines', p, 'iu'));
    inlinePatterns.forEach((p) => opts.checkRegex('inline', p, 'u'));
    // V8 compiles a case-insensitive `u` pattern to machine code on its first runs (≈ 2–9 ms for a
    // rule's alternation), so patterns are compiled on first use: those with a literal start one
    // by one, each tried only on a line that starts like it (`prefixCandidates`), and the others
    // as one alternation (it needs no second safety check: each alternative passed it, and the
    // alternation is not repeated), tried on a line that contains one of the literal texts each of
    // them requires somewhere (`requiredGate`; all lines when one has none). A whole-line match
    // of the rule's alternation is a whole-line match of one of its patterns (unless a pattern
    // refers to a group by number or name, which would then point elsewhere: such rules keep the
    // one alternation).
    const split = !patterns.some((p) => /\\(?:[1-9]|k<)/.test(p));
    const starts = split ? patterns.map((p) => derived('literalPrefixes', p, literalPrefixes)) : [];
    const usable = (i: number) => starts[i] != null && !starts[i]!.includes('');
    const literal = patterns.filter((_, i) => split && usable(i));
    const rest = patterns.filter((_, i) => !(split && usable(i)));
    const lineChecks: LineCheck[] = [];
    if (literal.length > 0) {
      const compiled: RegExp[] = [];
      const select = prefixSelect(starts.filter((_, i) => usable(i)) as string[][]);
      lineChecks.push({ select, gate: null, re: (i) => (compiled[i] ??= lineRegex([literal[i]])) });
    }
    if (rest.length > 0) {
      let compiled: RegExp | undefined;
      lineChecks.push({ select: () => ONLY, gate: requiredGate(rest), re: () => (compiled ??= lineRegex(rest)) });
    }
    const inline = inlinePatterns.length > 0 ? new RegExp(inlinePatterns.map((p) => `(?:${p})`).join('|'), 'gu') : null;
    const gate = inline ? inlineGate(inlinePatterns) : null;
    const maxLength = opts.number('max_length', 200);
    return (doc) => {
      const out = lineChecks.length > 0 ? check(doc, lineChecks, maxLength) : [];
      if (inline && (!gate || gate.test(doc.text))) out.push(...checkInline(doc, inline, out));
      return out.sort((a, b) => a.start - b.start);
    };
  },
};

/** Inline residue: each match outside a whole-line finding; the fix removes it with the space before it. */
function checkInline(doc: TextDocument, re: RegExp, lines: Match[]): Match[] {
  const out: Match[] = [];
  const { text } = doc;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const [s, e] = trimSpan(text, m.index, m.index + m[0].length);
    if (e === s || lines.some((l) => l.start < e && s < l.end)) continue;
    let from = s;
    while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
    // At the start of a line, take the spaces after the match instead.
    let to = e;
    if (from === 0 || text[from - 1] === '\n' || text[from - 1] === '\r') {
      from = s;
      while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
    }
    out.push({ start: s, end: e, replacements: [{ start: from, end: to, text: '' }] });
  }
  return out;
}

/**
 * A cheap necessary condition for some inline pattern to match anywhere in a text: one of their
 * literal prefixes (after a leading look-behind, look-ahead or ^) occurs, in the same case (inline
 * patterns are case-sensitive). Null when a pattern has no usable prefix. Most articles contain
 * none of them, so the full patterns (which V8 must try at every position, look-behind first)
 * are not run at all.
 */
export function inlineGate(patterns: string[]): RegExp | null {
  return anyLiteral(patterns.map((p) => derived('inlinePrefixes', p, (x) => literalPrefixes(stripLeadingAssertions(x), true))), 'u');
}

/**
 * A cheap necessary condition for a line to match one of `patterns` (case-insensitive, whole
 * line): it contains, with the patterns' own flags, one of the literal texts they require.
 * Null when some pattern requires no literal text that `requiredLiterals` can see.
 */
export function requiredGate(patterns: string[]): RegExp | null {
  return anyLiteral(patterns.map((p) => derived('requiredLiterals', p, requiredLiterals)), 'iu');
}

/** Patterns tried on a line: `select` and `gate` are cheap necessary conditions. */
interface LineCheck {
  /** The patterns (indexes for `re`) the trimmed line may match, or null for none. */
  select: LineSelect;
  /** Tested on the line before any pattern, when not null. */
  gate: RegExp | null;
  /** Pattern i as a whole-line regular expression, compiled on first use. */
  re: (i: number) => RegExp;
}

const ONLY: readonly number[] = [0];

/** A line as the line checks see it: [start, end) without its line break, trimmed [s, e), and the head of that. */
interface Line {
  start: number;
  end: number;
  s: number;
  e: number;
  head: number;
}

/** Each document's lines, computed once for all the boilerplate rules. */
const documentLines = new DocumentCache<Line[]>();

function linesOf(doc: TextDocument): Line[] {
  let lines = documentLines.get(doc);
  if (!lines) {
    const { text } = doc;
    lines = [];
    for (const [start, end] of lineSpans(text)) {
      const [s, e] = trimSpan(text, start, end);
      lines.push({ start, end, s, e, head: e > s ? headOf(text, s, e) : 0 });
    }
    documentLines.set(doc, lines);
  }
  return lines;
}

function lineRegex(patterns: string[]): RegExp {
  return new RegExp(`^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`, 'iu');
}

function check(doc: TextDocument, checks: LineCheck[], maxLength: number): Match[] {
  const out: Match[] = [];
  const { text } = doc;
  const lines = linesOf(doc);
  for (let i = 0; i < lines.length; i++) {
    const { start, end, s, e, head } = lines[i];
    if (end - start > maxLength || end === start || e === s) continue;
    let line: string | undefined;
    checks: for (const c of checks) {
      const candidates = c.select(text, s, e, head);
      if (candidates === null) continue;
      line ??= text.slice(s, e);
      if (c.gate !== null && !c.gate.test(line)) continue;
      for (const k of candidates) {
        if (c.re(k).test(line)) {
          out.push({ start: s, end: e, replacements: [deletion(text, lines, i)] });
          break checks;
        }
      }
    }
  }
  return out;
}

/** [start, end) of every line, without its line break. */
function lineSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  if (text.indexOf('\r') < 0) {
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      spans.push([from, nl]);
      from = nl + 1;
    }
  } else {
    const re = /\r\n|\r|\n/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      spans.push([from, m.index]);
      from = m.index + m[0].length;
    }
  }
  spans.push([from, text.length]);
  return spans;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return [s, e];
}

const isBlank = (line: Line) => line.s === line.e;

/**
 * Deletes line i with its line break. A line that starts a paragraph (a blank line or the text's
 * start before it) goes with the blank lines after it, so the paragraphs around keep one blank
 * line between them; a line inside a paragraph keeps them, so that paragraph and the next are
 * never joined. The last non-blank line goes with the line breaks before it instead, so the
 * file's final line break (or its absence) stays as it was.
 */
function deletion(text: string, lines: Line[], i: number) {
  let next = i + 1;
  while (next < lines.length && isBlank(lines[next])) next++;
  if (next < lines.length) {
    const startsParagraph = i === 0 || isBlank(lines[i - 1]);
    return { start: lines[i].start, end: lines[startsParagraph ? next : i + 1].start, text: '' };
  }
  let prev = i - 1;
  while (prev >= 0 && isBlank(lines[prev])) prev--;
  const start = prev >= 0 ? lines[prev].end : lines[i].start;
  return { start, end: lines[i].end, text: '' };
}
