// Things a translation carries over unchanged: URLs, e-mail addresses, @handles, Latin-script
// #hashtags, and quotations. One present on one side only is reported: `missing` on the
// translation of its unit, `added` on the translation's own code. A quotation counts when the
// source quotes three words or more and the translation quotes nothing (speech turned into
// reported speech is sometimes right: a report, never a fix).
//
//   source  Подробности на https://kremlin.ru/events   target  Details on the website.
//                                                              ^^^^^^^^^^^^^^^^^^^^^^^ missing https://kremlin.ru/events

import type { TextDocument } from '../text/document.js';
import type { Match } from '../types.js';
import type { SourcePairs } from './pairs.js';

export type CodeReport = 'missing' | 'added' | 'quote';

interface Code {
  start: number;
  end: number;
  text: string;
  /** What two codes must share to be the same (a URL without its scheme and trailing slash, lower case). */
  key: string;
}

// (A URL ends at white space, quotation marks, or a Chinese or Japanese character: "www.12321.cn）等平台".)
const CODE = /\b(?:https?|ftp):\/\/[^\s<>"“”«»\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}（）、，。]+|\bwww\.[^\s<>"“”«»\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}（）、，。]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}@#])@[A-Za-z0-9_]{2,}|(?<![\p{L}\p{N}&#])#[A-Za-z][A-Za-z0-9_]+/gu;
/** A bare domain (kremlin.ru/events, cctv.com): a translation may write a URL so, but a bare domain is often a source's name ("央视网" is cctv.com) and is not required or reported itself. */
const BARE = /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|int|info|io|eu|ru|рф|ua|by|kz|de|at|ch|fr|es|it|pl|cz|sk|uk|us|cn|jp|kr|in)(?:\/[^\s<>"“”«»]*)?(?![\p{L}\p{N}@])/gu;

export function codesOf(text: string, bare = false): Code[] {
  const out: Code[] = [];
  for (const m of [...text.matchAll(CODE), ...(bare ? text.matchAll(BARE) : [])]) {
    const raw = m[0].replace(/[.,;:!?)\]]+$/, '');
    const key = raw
      .toLowerCase()
      .replace(/^(?:https?|ftp):\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
    out.push({ start: m.index, end: m.index + raw.length, text: raw, key });
  }
  return out;
}

/** Quotations: «…», „…“, "…", “…”, 「…」, ‹…›. */
const QUOTATION = /«([^»]+)»|„([^“”]+)[“”]|"([^"]+)"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‹([^›]+)›/g;

/**
 * Quotations of someone's words: five words or more (fifteen Han or kana characters) ending in a
 * sentence's or a clause's punctuation inside the marks — not a title, a ship's or a company's name.
 */
function quotations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(QUOTATION)) {
    const inner = (m.slice(1).find((g) => g !== undefined) ?? '').trim();
    const words = inner.match(/[\p{L}\p{N}]+/gu) ?? [];
    const han = (inner.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
    // Speech ends in punctuation inside the marks, or is followed by a comma and a dash (Russian: «…», — сказал он).
    const spoken = /[.!?…,。！？，]$/.test(inner) || /^[,.]?\s*[—–-]\s/.test(text.slice(m.index + m[0].length));
    if ((words.length >= 5 || han >= 15) && spoken) out.push(inner);
  }
  return out;
}

export function codeMatches(doc: TextDocument, sp: SourcePairs, report: CodeReport): Match[] {
  const out: Match[] = [];
  for (const p of sp.pairs) {
    if (p.end <= p.start || p.source.trim() === '') continue;
    const target = doc.text.slice(p.start, p.end);
    if (report === 'quote') {
      const src = quotations(p.source);
      // A translation quotes with straight, curly or single quotation marks.
      if (src.length > 0 && !/["“”«»„]|(?:^|\s)['‘][^'’]+['’](?=[\s.,;:!?]|$)/.test(target)) out.push({ start: p.start, end: p.end, data: { source: clip(src[0], 60), unit: p.id } });
      continue;
    }
    const src = codesOf(p.source);
    const tgt = codesOf(target);
    if (report === 'missing') {
      const written = codesOf(target, true);
      // One written differently (str@krd.ru as str@kd.ru) is the added rule's, on the translation's form.
      const kind = (c: Code) => (/^[@#]/.test(c.text) ? c.text[0] : c.text.includes('@') ? 'mail' : 'url');
      const changed = (c: Code) => tgt.some((t) => kind(t) === kind(c) && !siteName(t) && !src.some((s) => s.key === t.key));
      for (const c of src) if (!written.some((t) => t.key === c.key) && !changed(c)) out.push({ start: p.start, end: p.end, data: { code: c.text, unit: p.id } });
    } else {
      for (const c of tgt) if (!siteName(c) && !src.some((s) => s.key === c.key)) out.push({ start: p.start + c.start, end: p.start + c.end, data: { code: c.text, unit: p.id } });
    }
  }
  return out;
}

/** A site's name (www.chinanews.com, without a path) may be how a translation names the source's outlet: never added. */
const siteName = (c: Code) => !c.key.includes('/') && !/^[\p{L}\p{N}._%+-]+@|^[@#]/u.test(c.text);

function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= n ? flat : `${flat.slice(0, n - 1)}…`;
}
