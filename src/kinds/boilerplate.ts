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

import type { TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind } from './kind.js';

export const boilerplate: Kind = {
  name: 'boilerplate',
  options: ['lines', 'inline', 'max_length'],
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const patterns = opts.stringList('lines');
    const inlinePatterns = opts.stringList('inline');
    if (patterns.length === 0 && inlinePatterns.length === 0) opts.fail('lines', 'needs at least one pattern (lines or inline)');
    patterns.forEach((p) => opts.regex('lines', p, 'iu'));
    inlinePatterns.forEach((p) => opts.regex('inline', p, 'u'));
    const re = patterns.length > 0 ? opts.regex('lines', `^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`, 'iu') : null;
    const inline = inlinePatterns.length > 0 ? opts.regex('inline', inlinePatterns.map((p) => `(?:${p})`).join('|'), 'gu') : null;
    const maxLength = opts.number('max_length', 200);
    return (doc) => {
      const out = re ? check(doc, re, maxLength) : [];
      if (inline) out.push(...checkInline(doc, inline, out));
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

function check(doc: TextDocument, re: RegExp, maxLength: number): Match[] {
  const out: Match[] = [];
  const { text } = doc;
  const lines = lineSpans(text);
  lines.forEach(([start, end], i) => {
    if (end - start > maxLength || end === start) return;
    const [s, e] = trimSpan(text, start, end);
    if (e === s || !re.test(text.slice(s, e))) return;
    out.push({ start: s, end: e, replacements: [deletion(text, lines, i)] });
  });
  return out;
}

/** [start, end) of every line, without its line break. */
function lineSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /\r\n|\r|\n/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    spans.push([from, m.index]);
    from = m.index + m[0].length;
  }
  spans.push([from, text.length]);
  return spans;
}

function trimSpan(text: string, s: number, e: number): [number, number] {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

const isBlank = (text: string, [s, e]: [number, number]) => text.slice(s, e).trim() === '';

/**
 * Deletes line i with the blank lines after it, so the paragraphs around it keep one blank line
 * between them. The last non-blank line goes with the blank lines before it instead, so the
 * file's final line break (or its absence) stays as it was.
 */
function deletion(text: string, lines: [number, number][], i: number) {
  let next = i + 1;
  while (next < lines.length && isBlank(text, lines[next])) next++;
  if (next < lines.length) return { start: lines[i][0], end: lines[next][0], text: '' };
  let prev = i - 1;
  while (prev >= 0 && isBlank(text, lines[prev])) prev--;
  const start = prev >= 0 ? lines[prev][1] : lines[i][0];
  return { start, end: lines[i][1], text: '' };
}
