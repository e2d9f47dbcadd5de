// Quotes: quotation marks that are opened and never closed, closed without being opened, or
// closed by the wrong mark, checked with a fresh stack per paragraph (after retext-quotes).
//
//   … a draft peace agreement consisting of “unacceptable by Kyiv. Not interested …
//                                           ^
//
// Apostrophes (Kyiv’s, the players’ union, ’90s, rock ’n’ roll, don't) are told from single
// quotes by their context. A quotation that runs over several paragraphs re-opens each paragraph
// with an opening quote and closes only at its end, as news style has it: that is not an error,
// nor when feeds and datasets ran those paragraphs together (a sentence re-opening a quotation
// still open). An excerpt may begin or end inside a quotation (it starts mid-sentence or ends in
// an ellipsis), and a lone guillemet between spaces is an arrow (Read more »).

import { DocumentCache, type TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind } from './kind.js';

type Family = 'double' | 'single';

/** One quotation mark read as an opener (or a closer) of a family. */
interface Mark {
  pos: number;
  ch: string;
  family: Family;
  /** A curly mark pointing the wrong way for its role (” used to open, “ used to close). */
  misdirected: boolean;
  /** The mark sits first on its line, after white space only. */
  lineStart: boolean;
  /**
   * The mark opens a new sentence after one that ended inside an open quotation (`… it. "Steve's`):
   * where paragraphs were run together, that is the next paragraph of the quotation re-opening it.
   */
  sentenceStart: boolean;
  /** A straight ' after a word and a space (Xi 'an, Dato 'Sri): a detached apostrophe as often as a quote. */
  detached: boolean;
  /** The mark follows a colon or comma and a space (`he said: “…`): it introduces speech. */
  speech: boolean;
  /** The same mark comes right before it (`""`, `””`). */
  twice: boolean;
}

/** What a paragraph leaves behind when its text ends. */
interface ParagraphResult {
  unclosed: Mark[];
  unmatchedClosers: Mark[];
  /** Quotation marks opening the paragraph (before any other character), in order. */
  leading: Mark[];
  /** The first mark of each family in the paragraph. */
  first: Partial<Record<Family, Mark>>;
  /** The first closer of each family that had nothing to close. */
  firstOrphan: Partial<Record<Family, Mark>>;
  mismatches: Match[];
  /** A straight mark doubled at the start of a quotation (`""stem cell"`): the second one. */
  doubled: Mark[];
  /** The paragraph starts mid-sentence (an ellipsis or a lower-case letter first): an excerpt cut from longer text. */
  cutStart: boolean;
  /** The paragraph ends in an ellipsis: cut off, possibly inside a quotation. */
  cutEnd: boolean;
  /** Where the paragraph's first opening mark is (Infinity without one). */
  firstOpener: number;
}

const CHECKS = ['unbalanced', 'mismatched'] as const;

export const quotes: Kind = {
  name: 'quotes',
  options: ['check', 'single_quotes'],
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const check = opts.oneOf('check', CHECKS);
    const singles = flag(opts, spec, 'single_quotes', true);
    return (doc) => {
      const results = scanDocument(doc);
      return check === 'mismatched' ? results.flatMap((r) => r.mismatches) : unbalanced(results, singles);
    };
  },
};

function flag(opts: Options, spec: RuleSpec, key: string, fallback: boolean): boolean {
  const v = spec.options[key] ?? fallback;
  return typeof v === 'boolean' ? v : opts.fail(key, 'expected true or false');
}

/** Quote-less paragraphs between a paragraph and the one that re-opens its quotation. */
const MAX_SKIP = 3;

/**
 * Unclosed openers and orphan closers, after excusing quotations that continue: the next
 * paragraph with a mark of the same family opens with it (news convention), or has a closer of
 * that family with no opener. NOTE: the second case, and quote-less paragraphs in between, are
 * there for copy split one sentence per paragraph, which cuts quotations in pieces.
 */
function unbalanced(results: ParagraphResult[], singles: boolean): Match[] {
  const excused = new Set<Mark>();
  results.forEach((r, i) => {
    for (const m of r.unclosed) {
      if (excused.has(m)) continue;
      let j = i + 1;
      while (j < results.length && !results[j].first[m.family]) j++;
      const next = results[j];
      if (!next) continue;
      const orphan = next.firstOrphan[m.family];
      const reopened = j - i - 1 <= MAX_SKIP && next.leading.some((l) => l.family === m.family && !excused.has(l));
      if (!reopened && (!orphan || excused.has(orphan))) continue;
      excused.add(m);
      if (!reopened && orphan) excused.add(orphan);
      // Single quotes opened inside a continued double quotation continue with it.
      if (m.family === 'double') for (const s of r.unclosed) if (s.family === 'single' && s.pos > m.pos) excused.add(s);
    }
  });
  const out: Match[] = [];
  for (const r of results) {
    for (const m of r.unclosed) {
      if (excused.has(m) || m.detached || (!singles && m.family === 'single')) continue;
      // An excerpt cut off with an ellipsis may end inside a quotation.
      if (r.cutEnd) continue;
      // Speech opened after `said:` and still open at the paragraph's end runs on into the next
      // paragraphs (copy split one sentence per paragraph drops the continuation marks).
      if (m.speech && m.family === 'double' && !r.unclosed.some((o) => o.family === 'double' && o.pos > m.pos)) continue;
      out.push({
        start: m.pos,
        end: m.pos + 1,
        message: `Opening quote \`${m.ch}\` is never closed in this paragraph: close the quotation or delete the mark.`,
      });
    }
    // A doubled mark is reported with its twin: the pair is the error.
    for (const m of r.doubled) {
      out.push({ start: m.pos - 1, end: m.pos + 1, message: 'Doubled quotation mark: delete one of the two.' });
    }
    for (const m of r.unmatchedClosers) {
      if (excused.has(m)) continue;
      // An excerpt that starts mid-sentence may start inside a quotation.
      if (r.cutStart && m.pos < r.firstOpener) continue;
      if (m.twice) {
        out.push({ start: m.pos - 1, end: m.pos + 1, message: 'Doubled quotation mark: delete one of the two.' });
        continue;
      }
      out.push({
        start: m.pos,
        end: m.pos + 1,
        message: `Closing quote \`${m.ch}\` has no opening quote in this paragraph: open the quotation or delete the mark.`,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

type Around = 'space' | 'open' | 'word' | 'close' | 'punct';

const OPENING_PUNCT = /[([{<\/\u2013\u2014\-“‘«„]/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
/** Words written with a leading apostrophe: 'em, 'tis, rock 'n' roll, 'cause … */
const ELISION = /^(?:n['’]|em|tis|twas|til|till|cause|cos|bout|round|nuff|kay|sup|ya)(?![\p{L}\p{N}])/iu;

function codePointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return text.slice(i - 2, i);
  return text[i - 1];
}

function codePointAt(text: string, i: number): string {
  if (i >= text.length) return '';
  return String.fromCodePoint(text.codePointAt(i)!);
}

function before(text: string, i: number, start: number): Around {
  if (i <= start) return 'space';
  const c = codePointBefore(text, i);
  if (/\s/u.test(c)) return 'space';
  if (WORD.test(c)) return 'word';
  if (OPENING_PUNCT.test(c)) return 'open';
  return 'punct';
}

function after(text: string, i: number, end: number): Around {
  if (i + 1 >= end) return 'space';
  const c = codePointAt(text, i + 1);
  if (/\s/u.test(c)) return 'space';
  if (WORD.test(c)) return 'word';
  if (/[.,;:!?…)\]}]/u.test(c)) return 'close';
  return 'punct';
}

/** Both quote rules read the same scan of a document: done once per document. */
const scans = new DocumentCache<ParagraphResult[]>();
function scanDocument(doc: TextDocument): ParagraphResult[] {
  let results = scans.get(doc);
  if (!results) {
    // Every quotation mark of the text, found in one pass; each paragraph reads its own.
    const marks: number[] = [];
    const text = doc.text;
    QUOTE_CHARS.lastIndex = 0;
    for (let m = QUOTE_CHARS.exec(text); m !== null; m = QUOTE_CHARS.exec(text)) marks.push(m.index);
    let k = 0;
    results = doc.paragraphs.map((p) => {
      while (k < marks.length && marks[k] < p.start) k++;
      // A paragraph without marks leaves nothing behind (the shared result is never changed).
      if (k === marks.length || marks[k] >= p.end) return NO_MARKS;
      return scanParagraph(doc, p.start, p.end, marks, k);
    });
    scans.set(doc, results);
  }
  return results;
}

const NO_MARKS: ParagraphResult = Object.freeze({ unclosed: [], unmatchedClosers: [], leading: [], first: {}, firstOrphan: {}, mismatches: [], doubled: [], cutStart: false, cutEnd: false, firstOpener: Infinity });

/** Any quotation mark. */
const QUOTE_CHARS = /["'“”‘’«»„]/g;
const SPACE = /\s/;
/** An excerpt's beginning: an ellipsis or a lower-case letter (perhaps after a bracket). */
const CUT_START = /^(?:…|\.\.\.|\(?\p{Ll})/u;
/** An excerpt's end: an ellipsis, perhaps in brackets (`…`, `...`, `[…]`). */
const CUT_END = /(?:…|\.\.\.)\]?$/u;
/** A sentence's end, perhaps a closing quote or bracket, and the space after it, just before a mark (`it. "`, `it?' "`). */
const SENTENCE_END = /[.?!…][)\]'’"”]?\s+$/u;

/** An ASCII letter or digit. */
const isAsciiWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** Reads one paragraph's quotation marks (marks[next] is its first) with a fresh stack. */
function scanParagraph(doc: TextDocument, start: number, end: number, marks: number[], next: number): ParagraphResult {
  const text = doc.text;
  const stack: Mark[] = [];
  const result: ParagraphResult = {
    unclosed: [],
    unmatchedClosers: [],
    leading: [],
    first: {},
    firstOrphan: {},
    mismatches: [],
    doubled: [],
    cutStart: CUT_START.test(text.slice(start, start + 3)),
    cutEnd: CUT_END.test(text.slice(Math.max(start, end - 6), end)),
    firstOpener: Infinity,
  };
  let leadingOpen = true;
  let lineStart = true;

  const open = (m: Mark) => {
    // A quotation continued on a new line (or in a new sentence, where the paragraphs were run
    // together) re-opens there: the earlier opener is not left open.
    if (m.lineStart || m.sentenceStart) {
      const k = findLast(stack, (s) => s.family === m.family);
      if (k >= 0) stack.splice(k, 1);
    }
    stack.push(m);
    result.firstOpener = Math.min(result.firstOpener, m.pos);
    result.first[m.family] ??= m;
    if (leadingOpen) result.leading.push(m);
  };

  /** A closer with nothing to close; single ones are apostrophes, so only noted, not reported. */
  const orphan = (m: Mark) => {
    result.first[m.family] ??= m;
    result.firstOrphan[m.family] ??= m;
    if (m.family === 'double') result.unmatchedClosers.push(m);
  };

  /** Closes the innermost open quotation of the closer's family; false when there is none. */
  const close = (m: Mark): boolean => {
    const k = findLast(stack, (s) => s.family === m.family);
    if (k < 0) return false;
    result.first[m.family] ??= m;
    const opener = stack[k];
    // Openers left inside the closed quotation: single ones are most likely apostrophes.
    for (const inner of stack.splice(k)) {
      if (inner !== opener && inner.family === 'double') result.unclosed.push(inner);
    }
    mismatch(opener, m, result.mismatches);
    return true;
  };

  let from = start;
  for (;;) {
    const i = next < marks.length && marks[next] < end ? marks[next++] : end;
    // What the characters skipped since the last mark do to leadingOpen and lineStart (as a
    // walk over each would: a line break sets lineStart, any other non-space clears both).
    if (i > from) {
      if (leadingOpen) {
        for (let k = from; k < i; k++) {
          const c = text[k];
          if (c !== '\n' && c !== '\r' && !SPACE.test(c)) {
            leadingOpen = false;
            break;
          }
        }
      }
      for (let k = i - 1; k >= from; k--) {
        const c = text[k];
        if (c === '\n' || c === '\r') {
          lineStart = true;
          break;
        }
        if (!SPACE.test(c)) {
          lineStart = false;
          break;
        }
      }
    }
    if (i >= end) break;
    from = i + 1;
    const ch = text[i];
    if (doc.isProtected(i, i + 1)) continue;
    // An apostrophe inside a word of ASCII letters (don't, Kyiv’s, O'Neill): the switch below
    // would pass over it too.
    if ((ch === "'" || ch === '’' || ch === '‘') && i > start && i + 1 < end && isAsciiWord(text.charCodeAt(i - 1)) && isAsciiWord(text.charCodeAt(i + 1))) {
      lineStart = false;
      continue;
    }
    const b = before(text, i, start);
    const a = after(text, i, end);
    const opening = (b === 'space' || b === 'open') && a !== 'space' && a !== 'close';
    const closing = (b === 'word' || b === 'punct') && a !== 'word';
    const detached = ch === "'" && b === 'space' && i - 2 >= start && WORD.test(codePointBefore(text, i - 1));
    const speech = i - 2 >= start && /[:,]\s/u.test(text.slice(i - 2, i));
    const sentenceStart = a === 'word' && i - 2 >= start && SENTENCE_END.test(text.slice(Math.max(start, i - 4), i)) && /[\p{Lu}\p{N}]/u.test(codePointAt(text, i + 1));
    const mark = (family: Family, misdirected = false): Mark => ({ pos: i, ch, family, misdirected, lineStart, sentenceStart, detached, speech, twice: text[i - 1] === ch });
    const hasOpen = (family: Family) => stack.some((s) => s.family === family);
    const prevDigit = /\p{N}/u.test(codePointBefore(text, i));
    // A guillemet standing alone between spaces is an arrow or an ornament (Read more », Home » World).
    if ((ch === '»' || ch === '«') && b === 'space' && a === 'space') {
      lineStart = false;
      continue;
    }

    switch (ch) {
      case '“':
      case '„':
      case '«':
        if (ch === '“' && closing && hasOpen('double')) close(mark('double', true));
        else open(mark('double'));
        break;
      case '”':
      case '»':
        if (ch === '”' && opening && !hasOpen('double')) open(mark('double', true));
        else if (!close(mark('double'))) orphan(mark('double'));
        break;
      case '"':
        // `""stem cell"`: an opener typed twice; the second mark is the stray one.
        if (b === 'punct' && a === 'word' && text[i - 1] === '"' && stack.at(-1)?.pos === i - 1) result.doubled.push(mark('double'));
        else if (opening) open(mark('double'));
        else if (hasOpen('double')) close(mark('double'));
        // With nothing open, a straight mark after a number is an inch sign (a 12" pipe), and
        // one between a plural and a lower-case word a mangled apostrophe (the players" union).
        else if (prevDigit || (closing && /s$/.test(codePointBefore(text, i)) && /^ \p{Ll}/u.test(text.slice(i + 1, i + 3)))) break;
        else if (closing || (b === 'space' && a === 'space' && /[.,;:!?…]\s*$/u.test(text.slice(Math.max(start, i - 3), i)))) {
          // A stray space before a closer (`us. "`) does not make it an opener.
          orphan(mark('double'));
        } else open(mark('double'));
        break;
      case '‘':
      case '’':
      case "'": {
        const rest = text.slice(i + 1, Math.min(end, i + 8));
        if (b === 'word' && a === 'word') break; // don't, Kyiv’s, O'Neill
        if (opening) {
          // ’90s, ’em, rock ’n’ roll: a leading apostrophe, not a quote.
          if (ch === '’' || /^\p{N}/u.test(rest) || ELISION.test(rest)) break;
          open(mark('single'));
        } else if (closing) {
          // the players’ union, 6'5": with no single quotation open it is an apostrophe or a prime.
          if (hasOpen('single')) close(mark('single', ch === '‘'));
          else orphan(mark('single'));
        }
        break;
      }
    }
    lineStart = false;
  }
  result.unclosed.push(...stack);
  result.unclosed.sort((x, y) => x.pos - y.pos);
  return result;
}

function findLast<T>(xs: T[], pred: (x: T) => boolean): number {
  for (let k = xs.length - 1; k >= 0; k--) if (pred(xs[k])) return k;
  return -1;
}

const CURLY: Record<Family, [string, string]> = { double: ['“', '”'], single: ['‘', '’'] };

/**
 * A pair whose marks do not belong together: curly opened and straight closed (or the reverse),
 * or a curly mark pointing the wrong way. The odd mark is reported with the curly one it should be.
 */
function mismatch(opener: Mark, closer: Mark, out: Match[]): void {
  const [left, right] = CURLY[opener.family];
  const straight = opener.family === 'double' ? '"' : "'";
  // Guillemets pair with each other; „ (low) is closed by “ or ” as in German. Other mixes are
  // reported without a fix: which mark the writer meant is not known.
  if (opener.ch === '«' || opener.ch === '„' || closer.ch === '»') {
    const ok = opener.ch === '«' ? closer.ch === '»' : opener.ch === '„' && closer.ch !== '»' && closer.ch !== '"';
    if (!ok) out.push(report(closer, null, opener));
    return;
  }
  const openerStraight = opener.ch === straight;
  const closerStraight = closer.ch === straight;
  if (opener.misdirected) out.push(report(opener, left, closer));
  else if (openerStraight && !closerStraight) out.push(report(opener, left, closer));
  if (closer.misdirected) out.push(report(closer, right, opener));
  else if (closerStraight && !openerStraight) out.push(report(closer, right, opener));
}

function report(m: Mark, fix: string | null, other: Mark): Match {
  const role = m.pos < other.pos ? 'opens' : 'closes';
  const partner = m.pos < other.pos ? 'closed' : 'opened';
  return {
    start: m.pos,
    end: m.pos + 1,
    replacements: fix ? [{ start: m.pos, end: m.pos + 1, text: fix }] : [],
    message: fix
      ? `\`${m.ch}\` ${role} a quotation ${partner} by \`${other.ch}\`: use \`${fix}\`.`
      : `\`${m.ch}\` ${role} a quotation ${partner} by \`${other.ch}\`: use a matching pair of quotation marks.`,
  };
}
