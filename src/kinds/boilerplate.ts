// Scraped page residue: whole lines that belong to the web page, not the article (comment
// forms, share and subscribe prompts, "live updates here" link stubs). All of a rule's line
// patterns are compiled into one regular expression; the fix deletes the line.
//
//   Leave a Reply
//   ^^^^^^^^^^^^^

import type { TextDocument } from '../text/document.js';
import type { Match, RuleSpec } from '../types.js';
import { Options, type Kind } from './kind.js';

export const boilerplate: Kind = {
  name: 'boilerplate',
  options: ['lines', 'max_length'],
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const patterns = opts.stringList('lines');
    if (patterns.length === 0) opts.fail('lines', 'needs at least one pattern');
    patterns.forEach((p) => opts.regex('lines', p, 'iu'));
    const re = opts.regex('lines', `^(?:${patterns.map((p) => `(?:${p})`).join('|')})$`, 'iu');
    const maxLength = opts.number('max_length', 200);
    return (doc) => check(doc, re, maxLength);
  },
};

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
