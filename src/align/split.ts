// Paragraphs and sentences of a source text in any language: paragraphs at blank lines;
// sentences after . ! ? … (with closing quotes or brackets) before a capital, digit or opening
// quote, and after the Chinese and Japanese full stops 。！？ — not after an initial or a short
// abbreviation (Cyrillic "г.", "им.", German "z. B.", Czech "tzv.").
//
//   Лавров прибыл в Анкару. «Мы готовы», — сказал он.   →   [Лавров прибыл в Анкару.] [«Мы готовы», — сказал он.]

export type Range = [number, number];

/** Trimmed [start, end) of each paragraph (runs of non-blank lines). */
export function paragraphs(text: string): Range[] {
  const out: Range[] = [];
  const re = /(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)\s*/g;
  let from = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const to = m ? m.index : text.length;
    const r = trim(text, from, to);
    if (r[1] > r[0]) out.push(r);
    if (!m) break;
    from = m.index + m[0].length;
  }
  return out;
}

// A line break before a capital also ends one: a headline or a caption has no full stop.
const END = /[.!?…]+["'”’»)\]]*(?=\s+["'“‘«„(\[—–-]?\s?[\p{Lu}\p{N}])|[。！？]+[」』”’）)]*|(?<=\S)[ \t]*(?=\r?\n[ \t]*["'“‘«„(\[]?[\p{Lu}\p{N}\p{Lo}])/gu;
/** A word before a full stop that does not end a sentence: one letter (an initial) or a common abbreviation. */
const ABBREVIATION = /(?:^|[\s(«"„])(?:\p{L}|г|гг|им|ул|д|т|т\.е|т\.к|т\.д|т\.п|см|стр|млн|млрд|тыс|руб|долл|просп|пер|обл|р-н|св|проф|акад|ген|мин|z\.\s?B|bzw|ca|Dr|Nr|St|Prof|Hr|Fr|tzv|tj|např|resp|atd|Mr|Mrs|Ms|Sr|Sra|Dña|Mme|Mlle|M|n°|No|Jr|vs|etc|cf)$/iu;

/** A day written as an ordinal before its month (German "am 20. Juli", "(6. August)"): not a sentence's end. */
const ORDINAL_DATE = /(?:^|[^\d.])\d{1,2}\.\s+(?:Januar|Jänner|Februar|Feber|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/u;

/** The same without the line-break rule: sentences as their punctuation ends them (for counting them). */
const END_PUNCTUATED = new RegExp(END.source.slice(0, END.source.lastIndexOf('|(?<=')), 'gu');

/**
 * Trimmed [start, end) of each sentence of text[start, end). With `lines: false`, a line break
 * alone does not end one (a headline runs into the next sentence, as it does in a translation
 * that puts both on one line).
 */
export function sentences(text: string, start = 0, end = text.length, options: { lines?: boolean } = {}): Range[] {
  const out: Range[] = [];
  const slice = text.slice(0, end);
  let from = start;
  const re = options.lines === false ? END_PUNCTUATED : END;
  re.lastIndex = start;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    if (m[0] === '') re.lastIndex++;
    const stop = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && ABBREVIATION.test(text.slice(Math.max(from, m.index - 12), m.index))) continue;
    if (m[0] === '.' && ORDINAL_DATE.test(text.slice(Math.max(from, m.index - 3), m.index + 16))) continue;
    push(out, text, trim(text, from, stop));
    from = stop;
  }
  push(out, text, trim(text, from, end));
  return out;
}

/** Adds a sentence; one with no letter or digit (a closing quote on a line of its own) goes with the sentence before it. */
function push(out: Range[], text: string, r: Range): void {
  if (r[1] <= r[0]) return;
  if (out.length > 0 && !/[\p{L}\p{N}]/u.test(text.slice(r[0], r[1]))) out[out.length - 1][1] = r[1];
  else out.push(r);
}

function trim(text: string, s: number, e: number): Range {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}
