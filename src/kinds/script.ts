// Script: characters from the wrong writing system or the wrong encoding in English copy —
// untranslated foreign-script fragments, Latin words spelled with Cyrillic or Greek look-alike
// letters, mojibake (UTF-8 read as Windows-1252), CJK full-width punctuation, and invisible
// format characters. One rule per `mode`.
//
//   the paper Новая газета said   talks in Кyiv   Kyivâ€™s negotiator
//             ^^^^^^^^^^^^                 ^^^^       ^^^

import { DocumentCache, type TextDocument } from '../text/document.js';
import type { Edit, Match, RuleSpec } from '../types.js';
import { Options, type Kind } from './kind.js';

const MODES = ['foreign', 'homoglyph', 'mojibake', 'fullwidth', 'invisible'] as const;

const LATIN = /\p{Script=Latin}/u;
const LETTERS = /[\p{L}\p{M}]+/gu;

export const script: Kind = {
  name: 'script',
  options: ['mode', 'scripts', 'min_letters', 'characters'],
  compile(spec: RuleSpec) {
    const opts = new Options(spec);
    const mode = opts.oneOf('mode', MODES);
    if (mode === 'foreign') {
      const scripts = opts.stringList('scripts').map((name) => ({
        name,
        re: opts.regex('scripts', `\\p{Script=${name}}`, 'u'),
      }));
      if (scripts.length === 0) opts.fail('scripts', 'list at least one Unicode script name');
      const minLetters = opts.number('min_letters', 2);
      return (doc) => foreignRuns(doc, scripts, minLetters);
    }
    for (const key of ['scripts', 'min_letters']) if (opts.has(key)) opts.fail(key, `only for mode: foreign`);
    if (mode === 'invisible') {
      const chars = opts.stringList('characters', INVISIBLE_CHARS);
      const bad = chars.find((c) => !INVISIBLE_CHARS.includes(c));
      if (bad !== undefined || chars.length === 0) opts.fail('characters', `expected code points among ${INVISIBLE_CHARS.join(', ')}`);
      const re = invisibleRegex(chars);
      return (doc) => invisible(doc, re);
    }
    if (opts.has('characters')) opts.fail('characters', 'only for mode: invisible');
    const check = { homoglyph: homoglyphs, mojibake, fullwidth }[mode];
    return check;
  },
};

/**
 * Printable ASCII, line breaks, tabs and the typographic marks of English copy: no mode can find
 * anything in a line made only of these (every one looks for some other character, and what it
 * finds lies within one line). Most news text is this, so each mode walks only the other lines,
 * found with one search per document: none in most articles, a few lines of a long text.
 */
const IMPURE = /[^\t\n\r\x20-\x7e‘’“”–—…]/g;
const impureCache = new DocumentCache<[number, number][]>();

/** [start, end) of each line (without its line break) that holds a character other than those, in text order. */
function impureLines(doc: TextDocument): [number, number][] {
  let out = impureCache.get(doc);
  if (out) return out;
  out = [];
  const { text } = doc;
  IMPURE.lastIndex = 0;
  for (let m = IMPURE.exec(text); m !== null; m = IMPURE.exec(text)) {
    const start = Math.max(text.lastIndexOf('\n', m.index), text.lastIndexOf('\r', m.index)) + 1;
    let end = m.index;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    out.push([start, end]);
    IMPURE.lastIndex = end;
  }
  impureCache.set(doc, out);
  return out;
}

/** The matches of a global regular expression that start within those lines (none runs across a line break). */
function* matchesIn(doc: TextDocument, re: RegExp): Generator<RegExpExecArray> {
  const { text } = doc;
  for (const [start, end] of impureLines(doc)) {
    re.lastIndex = start;
    for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) yield m;
  }
}

// ---------------------------------------------------------------------------------------------
// foreign: runs of words in another script, one word of two letters at least (π and Ω in a formula pass).

interface NamedScript {
  name: string;
  re: RegExp;
}

function foreignRuns(doc: TextDocument, scripts: NamedScript[], minLetters: number): Match[] {
  const { text } = doc;
  const out: Match[] = [];
  let run: { start: number; end: number; longest: number; script: string } | null = null;
  const flush = () => {
    if (run && run.longest >= minLetters && !inDomainName(text, run.start, run.end)) {
      out.push({ start: run.start, end: run.end, data: { script: run.script } });
    }
    run = null;
  };
  for (const m of matchesIn(doc, LETTERS)) {
    const start = m.index;
    const end = start + m[0].length;
    let latin = 0;
    let foreign = 0;
    let name = '';
    for (const ch of m[0]) {
      if (LATIN.test(ch)) latin++;
      else {
        const s = scripts.find((x) => x.re.test(ch));
        if (s) {
          foreign++;
          name ||= s.name;
        }
      }
    }
    if (foreign <= latin) {
      flush();
      continue;
    }
    // Words of one fragment are joined when only spaces and punctuation lie between them.
    if (run && /^[^\p{L}\p{N}\r\n]{0,3}$/u.test(text.slice(run.end, start))) {
      run.end = end;
      run.longest = Math.max(run.longest, foreign);
    } else {
      flush();
      run = { start, end, longest: foreign, script: name };
    }
  }
  flush();
  return out;
}

/** A Cyrillic (or other) domain name such as стопкоронавирус.рф is a name, not untranslated text. */
function inDomainName(text: string, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s > 0 && !/\s/.test(text[s - 1])) s--;
  while (e < text.length && !/\s/.test(text[e])) e++;
  return /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}[.,;:)]?$/u.test(text.slice(s, e).replace(/^\(/, ''));
}

// ---------------------------------------------------------------------------------------------
// homoglyph: a Latin word with Cyrillic or Greek letters that look the same (Кyiv, Mоscow).

/** Cyrillic and Greek letters drawn like a Latin letter, and that letter. */
const LOOKALIKE: Record<string, string> = {
  // Cyrillic
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
  Ѕ: 'S', І: 'I', Ј: 'J', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q',
  ԝ: 'w', һ: 'h', ӏ: 'l',
  // Greek
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T',
  Υ: 'Y', Χ: 'X', ο: 'o', ν: 'v',
};

function homoglyphs(doc: TextDocument): Match[] {
  const { text } = doc;
  const out: Match[] = [];
  for (const m of matchesIn(doc, LETTERS)) {
    const word = m[0];
    let latin = 0;
    let fakes = 0;
    let other = 0;
    for (const ch of word) {
      if (LATIN.test(ch)) latin++;
      else if (LOOKALIKE[ch]) fakes++;
      else if (/\p{L}/u.test(ch)) other++;
    }
    // Only words that are mostly Latin. NOTE: a lone Cyrillic С in 22°С is also wrong, but it is
    // common in professional translations from Russian and invisible to readers: left alone.
    if (fakes === 0 || other > 0 || latin === 0 || fakes > latin) continue;
    const fixed = [...word].map((ch) => LOOKALIKE[ch] ?? ch).join('');
    const scriptNames = new Set([...word].filter((ch) => LOOKALIKE[ch]).map((ch) => (/\p{Script=Greek}/u.test(ch) ? 'Greek' : 'Cyrillic')));
    out.push({
      start: m.index,
      end: m.index + word.length,
      replacements: [{ start: m.index, end: m.index + word.length, text: fixed }],
      data: { script: [...scriptNames].join(' and ') },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// mojibake: UTF-8 bytes shown as Windows-1252 (Kyivâ€™s, cafÃ©, Ð¼Ð¾ for мо …).

/** Windows-1252 bytes 0x80–0x9F and the characters they show as (the rest are Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const BYTE = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE.set(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b), b);
// NOTE: some decoders (Latin-1, or browsers for cp1252's five unused bytes) show 0x80–0x9F as C1 controls.
for (let b = 0x80; b < 0xa0; b++) if (!BYTE.has(String.fromCharCode(b))) BYTE.set(String.fromCharCode(b), b);

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes `s` as Windows-1252 bytes of UTF-8 text, or null when it is not that. */
function redecode(s: string): string | null {
  const bytes: number[] = [];
  for (const ch of s) {
    const b = BYTE.get(ch);
    if (b === undefined) return null;
    bytes.push(b);
  }
  try {
    return UTF8.decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** Length in characters of the UTF-8 sequence whose lead byte is shown as text[i], if valid. */
function sequenceAt(text: string, i: number): number {
  const lead = BYTE.get(text[i]);
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return 0;
  const n = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  for (let k = 1; k < n; k++) {
    const b = BYTE.get(text[i + k] ?? '');
    if (b === undefined || b < 0x80 || b > 0xbf) return 0;
  }
  return redecode(text.slice(i, i + n)) === null ? 0 : n;
}

/** Characters a Windows-1252 misreading typically hides: accented Latin, typographic punctuation, symbols. */
const COMMON = /^[\u00a0-\u017f\u01cd-\u01dc\u0218-\u021b\u02bb\u02bc\u1e00-\u1eff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f\u2190-\u21ff\u2600-\u27bf\u3000-\u303f\uff00-\uffef\ufeff\u{1f000}-\u{1faff}]$/u;
const ODD = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}\ufffd]/u;

/** A stretch of consecutive valid sequences; `strong` when its decoding is certainly mojibake. */
interface Run {
  start: number;
  end: number;
  fixed: string;
  strong: boolean;
}

function mojibake(doc: TextDocument): Match[] {
  const { text } = doc;
  const runs: Run[] = [];
  const lost: Match[] = [];
  for (const [from, to] of impureLines(doc)) {
    for (let i = from; i < to; ) {
      let end = i;
      while (end < text.length) {
        const n = sequenceAt(text, end);
        if (n === 0) break;
        end += n;
      }
      if (end === i) {
        // ” is E2 80 9D, and 9D has no Windows-1252 character: decoders drop it or write �.
        if (text.startsWith('â€', i) && /^(?:\ufffd|\s|[.,;:!?)]|$)/u.test(text.slice(i + 2, i + 3))) {
          const stop = i + (text[i + 2] === '\ufffd' ? 3 : 2);
          lost.push({ start: i, end: stop, replacements: [{ start: i, end: stop, text: '”' }], safety: 'suggest' });
        }
        i++;
        continue;
      }
      let fixed = redecode(text.slice(i, end))!;
      // Twice-encoded text (Ã¢â‚¬â„¢) decodes to mojibake again.
      for (let k = 0; k < 2; k++) {
        const again = redecode(fixed);
        if (again === null || again.length >= fixed.length || !plausible(again)) break;
        fixed = again;
      }
      if (plausible(fixed)) runs.push({ start: i, end, fixed, strong: [...fixed].length > 1 || COMMON.test(fixed) });
      i = end;
    }
  }
  // One letter of another script (Ð¸ for и) is taken when it stands as a word or lies within 30
  // characters of certain mojibake; inside a word it is more likely real text: NIÑ’S, CAFÉ…”.
  const strongEndBefore: number[] = [];
  const strongStartAfter: number[] = [];
  runs.forEach((r, k) => (strongEndBefore[k] = r.strong ? r.end : (strongEndBefore[k - 1] ?? -Infinity)));
  for (let k = runs.length - 1; k >= 0; k--) strongStartAfter[k] = runs[k].strong ? runs[k].start : (strongStartAfter[k + 1] ?? Infinity);
  const near = (r: Run, k: number) => r.start - strongEndBefore[k] <= 30 || strongStartAfter[k] - r.end <= 30;
  const alone = (r: Run) => !/[\p{L}\p{M}]/u.test(text[r.start - 1] ?? '') && !/[\p{L}\p{M}]/u.test(text[r.end] ?? '');
  const found: Match[] = [];
  let last: Run | null = null;
  for (const [k, r] of runs.entries()) {
    if (!(r.strong || alone(r) || near(r, k))) continue;
    const fixed = r.fixed.replace(/\ufeff/g, '');
    const gap = last ? text.slice(last.end, r.start) : '';
    // Whole words a space or a comma apart are one mangled phrase (Ð¼Ð¾Ñ€Ðµ Ð¸ …): one finding.
    if (last && alone(last) && alone(r) && fixed !== '' && /^[^\p{L}\p{N}\r\n]{1,3}$/u.test(gap)) {
      const m = found[found.length - 1];
      const edit = m.replacements![0];
      m.end = edit.end = r.end;
      edit.text += gap + fixed;
    } else {
      const m: Match = { start: r.start, end: r.end, replacements: [{ start: r.start, end: r.end, text: fixed }] };
      if (fixed === '') m.message = 'Delete `{match}`: a byte-order mark (U+FEFF) read as Windows-1252 text.';
      found.push(m);
    }
    last = r;
  }
  return [...found, ...lost].sort((a, b) => a.start - b.start);
}

function plausible(s: string): boolean {
  return !ODD.test(s) && !/^\p{M}/u.test(s) && s.length > 0;
}

// ---------------------------------------------------------------------------------------------
// fullwidth: CJK punctuation and full-width forms between English words (repairing，management).

const FULLWIDTH: Record<string, string> = {
  '，': ',', '、': ',', '。': '.', '：': ':', '；': ';', '！': '!', '？': '?', '（': '(', '）': ')',
  '％': '%', '【': '[', '】': ']', '《': '“', '》': '”', '「': '“', '」': '”', '『': '‘', '』': '’', '\u3000': ' ',
};
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function fullwidth(doc: TextDocument): Match[] {
  const { text } = doc;
  const out: Match[] = [];
  for (const [from, to] of impureLines(doc)) {
    for (let i = from; i < to; i++) {
      const ch = text[i];
      const code = ch.charCodeAt(0);
      let ascii = FULLWIDTH[ch] ?? (code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : null);
      if (ascii === null) continue;
      // Inside a Chinese or Japanese fragment the mark belongs to that text (the foreign rule reports it).
      const prev = /\S(?=\s*$)/u.exec(text.slice(Math.max(0, i - 4), i))?.[0] ?? '';
      const next = /^\s*(\S)/u.exec(text.slice(i + 1, i + 5))?.[1] ?? '';
      if (CJK.test(prev) || CJK.test(next)) continue;
      const before = text[i - 1] ?? '';
      const after = text[i + 1] ?? '';
      // Full-width marks carry their own spacing; English needs a space after , . : ; ! ? ) % and before (.
      if (/^[,.:;!?)%\]”’]$/.test(ascii) && /[\p{L}\p{N}]/u.test(after)) ascii += ' ';
      if (/^[(\[“‘]$/.test(ascii) && /[\p{L}\p{N}]/u.test(before)) ascii = ' ' + ascii;
      out.push({ start: i, end: i + 1, replacements: [{ start: i, end: i + 1, text: ascii }] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// invisible: zero-width spaces, soft hyphens, direction marks and stray byte-order marks.

// A rule may list the `characters` it handles (default: all of them).
const INVISIBLE_CHARS = ['U+00AD', 'U+200B', 'U+200E', 'U+200F', 'U+2060', 'U+FEFF', 'U+200C', 'U+200D'];
const JOINERS = ['U+200C', 'U+200D'];

function invisibleRegex(chars: string[]): RegExp {
  const cls = (cs: string[]) => `[${cs.map((c) => `\\u${c.slice(2).toLowerCase()}`).join('')}]+`;
  const other = chars.filter((c) => !JOINERS.includes(c));
  const joiners = chars.filter((c) => JOINERS.includes(c));
  return new RegExp([other, joiners].filter((cs) => cs.length > 0).map(cls).join('|'), 'gu');
}

function invisible(doc: TextDocument, re: RegExp): Match[] {
  const { text } = doc;
  const out: Match[] = [];
  for (const m of matchesIn(doc, re)) {
    const start = m.index;
    const end = start + m[0].length;
    // Joiners shape emoji and Indic or Arabic words: only removed between Latin letters.
    if (/[\u200c\u200d]/.test(m[0]) && !(LATIN.test(text[start - 1] ?? '') && LATIN.test(text[end] ?? ''))) continue;
    // Direction marks belong to right-to-left text.
    if (/[\u200e\u200f]/.test(m[0]) && /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text.slice(Math.max(0, start - 2), end + 2))) continue;
    if (start === 0 && m[0] === '\ufeff') continue;
    const edit: Edit = { start, end, text: '' };
    out.push({ start, end, replacements: [edit], data: { codes: codes(m[0]) } });
  }
  return out;
}

function codes(s: string): string {
  return [...new Set([...s].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))].join(', ');
}
