// Numbers, amounts, percentages and dates as a source language writes them and as English does,
// read into comparable keys: "1,5 млн" and "1.5 million" are both 1500000, "12 марта" and
// "March 12" are both {12, month 3}, "3万" is 30000. A quantity written in digits must have a
// counterpart on the other side; spelled-out numbers ("пять", "five") and month names count as
// counterparts but are never required.
//
//   source   По последним данным, выявлены 15,5 миллиона случаев, 12 марта …
//                                          ^^^^^^^^^^^^^^ 15500000  ^^ ^^^^^ 12, month 3
//   target   By the latest figures, 15.5 million cases were found on March 12 …
//                                   ^^^^^^^^^^^^ 15500000                ^^^^^ ^^

/** A language's way with numbers, compiled from rules/lists/numerals.yaml. */
export interface Numerals {
  lang: string;
  decimal: ',' | '.';
  /** Multiplier words after a number (one or two words). */
  scales: { re: RegExp; times: number }[];
  /** Twelve month patterns. */
  months: RegExp[];
  /** Spelled-out numbers: one alternation of them all (a quick test), then each with its value. */
  words: { any: RegExp; each: { re: RegExp; value: number }[] } | null;
  /** "… and a half" after a spelled-out number ("двух с половиной", "zweieinhalb"). */
  half: RegExp | null;
  /** Stems of numbers inside words (compounds: "pětačtyřicetiletý" has 5 and 40), by value. */
  stems: Map<number, RegExp>;
  /** Chinese and Japanese: scales, months and days follow the digits directly. */
  cjk: boolean;
  /** A week, alone or inside a word ("týd" in "dvoutýdenní"): the span may be counted in days. */
  weeks: RegExp | null;
  /** The word after an ordinal century ("20. století"): the number is not required. */
  century: RegExp | null;
  /** Numbers that are part of a name (the Dow's 30 stocks), matched anywhere: not required. */
  named: RegExp | null;
  /** Chinese and Japanese: spelled numbers that are not numeral characters (全天候 24 hours, アラフィフ around fifty), searched anywhere. */
  phrases: { re: RegExp; value: number }[];
}

interface NumeralsEntry {
  lang: string;
  decimal: string;
  scales?: { match: string; times: number }[];
  months?: string[];
  words?: Record<string, string>;
  half?: string;
  stems?: Record<string, string>;
  weeks?: string;
  century?: string;
  named?: string[];
}

/** Compiles the entries of the `numerals` list. Throws on a malformed entry (a broken list is a broken rule). */
export function compileNumerals(entries: unknown[]): Map<string, Numerals> {
  const out = new Map<string, Numerals>();
  for (const raw of entries) {
    const e = raw as NumeralsEntry;
    if (typeof e?.lang !== 'string' || (e.decimal !== ',' && e.decimal !== '.')) throw new Error(`numerals: bad entry ${JSON.stringify(raw).slice(0, 60)}`);
    const cjk = e.lang === 'zh' || e.lang === 'ja';
    // NOTE: \w in a JavaScript regular expression is ASCII only; in these lists it means any letter.
    const letters = (p: string) => p.replace(/\\w/g, '[\\p{L}\\p{M}]');
    const anchor = (p: string) => new RegExp(cjk ? `^(?:${letters(p)})` : `^(?:${letters(p)})$`, 'iu');
    const wordEntries = Object.entries(e.words ?? {});
    out.set(e.lang, {
      lang: e.lang,
      decimal: e.decimal,
      scales: (e.scales ?? []).map((s) => ({ re: anchor(s.match), times: Number(s.times) })),
      months: (e.months ?? []).map(anchor),
      words:
        wordEntries.length === 0
          ? null
          : { any: anchor(wordEntries.map(([, p]) => p).join('|')), each: wordEntries.map(([v, p]) => ({ re: anchor(p), value: Number(v) })) },
      half: e.half ? new RegExp(`^\\s*(?:${letters(e.half)})`, 'iu') : null,
      stems: new Map(Object.entries(e.stems ?? {}).map(([v, p]) => [Number(v), new RegExp(letters(p), 'iu')])),
      cjk,
      weeks: e.weeks ? new RegExp(letters(e.weeks), 'iu') : null,
      century: e.century ? anchor(e.century) : null,
      named: e.named?.length ? new RegExp(e.named.join('|'), 'gu') : null,
      phrases: cjk
        ? wordEntries.flatMap(([v, p]) =>
            p
              .split('|')
              .filter((alt) => [...alt].length >= 2 && /[^零〇一二三四五六七八九十百千万萬亿億两兩半双雙首第廿]/u.test(alt))
              .map((alt) => ({ re: new RegExp(alt, 'gu'), value: Number(v) })),
          )
        : [],
    });
  }
  return out;
}

/** A quantity read from a text: where it is, what it may mean, and whether it is written in digits. */
export interface Quantity {
  start: number;
  end: number;
  /** The values it may stand for, as keys: a number ("1500000") or a month ("month:3"). */
  keys: string[];
  /** Written in digits (or a month beside a day or year): the other side must have it. */
  required: boolean;
  /**
   * Not required, but a number all the same: a day of the month alone (the dateline's "26日"),
   * digits in a code (COVID-19, Т-90М). It is not missing when left out, but a number of the
   * other side that differs from it was changed from it.
   */
  weak?: boolean;
  /**
   * What a weak quantity is, so that it is changed only into its like: a code's or a name's digits
   * (COVID-19, TSV 1860), a day of the month alone, a year, a single CJK digit.
   */
  kind?: 'code' | 'day' | 'year' | 'digit';
  /** The number as read (the first reading), for messages and suggestions; undefined for a month. */
  value?: number;
  /** The scale word after the digits ("million"), if any, and the digits' own value (16 in "16 million"). */
  scaleWord?: string;
  mantissa?: number;
  /** The target wrote a decimal comma ("1,5 million"): the English form, for a fix. */
  decimalComma?: boolean;
}

/** A currency's ISO code right before an amount. */
const CURRENCY_BEFORE = /(?:USD|EUR|GBP|JPY|CNY|RMB|RUB|UAH|CZK|PLN|CHF|HKD|SEK|NOK|DKK|HUF|RON|BGN|TRY|INR|KRW|AUD|CAD|NZD|SGD|BRL|MXN|ZAR|ILS|AED|SAR|KZT|BYN|TWD|MOP)\s?$/;

/** Japanese eras: year 1 of each (平成18年 is 2006). */
const ERAS: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, 大正: 1911 };

/** The key a number is compared by (12 significant digits: 0.1 + 0.2 is 0.3). */
export const numberKey = (v: number): string => String(Number(v.toPrecision(12)));
const key = numberKey;
export const monthKey = (m: number): string => `month:${m}`;

/**
 * Fullwidth digits (Chinese, Japanese) read as ASCII; same length, so offsets hold. A fullwidth
 * comma groups thousands in Japanese (１，０００円) but separates the items of a list in Chinese
 * (211，985大学).
 */
function asciiDigits(text: string, lang: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0C/g, lang === 'zh' ? '\uFF0C' : ',')
    .replace(/\uFF0E|(?<=\d)・(?=\d)/g, '.');
}

/** URLs, e-mail addresses, @handles and #hashtags blanked out (same length): their digits are not quantities. */
export function maskCodes(text: string): string {
  return text.replace(/\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}|(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_]+/gu, (m) => ' '.repeat(m.length));
}

// A run of digits with the separators that may join digit groups: . , ' ’ and the spaces used
// between thousands (a plain space only before exactly three digits).
const NUMBER = /\d+(?:(?:[.,'’\u00A0\u202F\u2009]|\u0020(?=\d{3}(?!\d)))\d+)*/g;
// English groups thousands with a space only in a number that has no comma or point: "2,000 737
// aircraft" is two numbers.
const NUMBER_EN = /\d{1,3}(?:\u0020\d{3})+(?![\d.,'’]|\u0020\d)|\d+(?:[.,'’\u00A0\u202F\u2009]\d+)*/g;
// Chinese and Japanese write a comma between the numbers of a list ("25:19，25:16", "211，985"):
// a comma joins digits only before a group of three.
const NUMBER_CJK = /\d+(?:(?:[.'’\u00A0\u202F\u2009]|,(?=\d{3}(?!\d))|\u0020(?=\d{3}(?!\d)))\d+)*/g;
const WORD = /[\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+)*\.?/uy;
const SPACE = /[\s\u00A0\u202F\u2009]*/y;

function wordAt(text: string, at: number): { word: string; end: number } | null {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  WORD.lastIndex = SPACE.lastIndex;
  const m = WORD.exec(text);
  return m ? { word: m[0], end: WORD.lastIndex } : null;
}

/** The scale after a number (at `at`): two words ("mil millones") before one; a one-letter scale ("$3m", "10k") must touch the digits. */
function scaleAt(text: string, at: number, n: Numerals): { times: number; end: number; word: string } | null {
  if (n.cjk) {
    // "9000多万", "250余万": an approximation before the unit.
    const skip = /^[多余几來来]/.test(text[at] ?? '') ? 1 : 0;
    const rest = text.slice(at + skip, at + skip + 3);
    for (const s of n.scales) {
      const m = s.re.exec(rest);
      if (m) return { times: s.times, end: at + skip + m[0].length, word: m[0] };
    }
    return null;
  }
  // English joins a scale with a hyphen too: "a 200-billion-dollar trade".
  const hyphen = n.lang === 'en' && /^-\p{L}/u.test(text.slice(at, at + 2)) ? 1 : 0;
  const w1 = wordAt(text, at + hyphen);
  if (!w1) return null;
  // English joins a scale to its unit too: "1.6 million-mu".
  if (n.lang === 'en' && !hyphen && /^\p{L}{4,}-\p{L}/u.test(w1.word)) {
    const head = w1.word.split('-')[0];
    const s = n.scales.find((sc) => sc.re.test(head.toLowerCase()));
    if (s) return { times: s.times, end: w1.end - w1.word.length + head.length, word: head };
  }
  const w2 = wordAt(text, w1.end);
  const one = (hyphen ? w1.word.split('-')[0] : w1.word).toLowerCase();
  if (w2) {
    const two = `${one} ${w2.word.toLowerCase()}`;
    for (const s of n.scales) if (s.re.test(two)) return { times: s.times, end: w2.end, word: text.slice(at, w2.end).trim() };
  }
  // A one-letter scale ("$3m", "£2bn") touches the digits of an amount of money.
  const money = w1.end - w1.word.length === at && /[$£€¥₽]\s?[\d.,]*$/.test(text.slice(Math.max(0, at - 16), at));
  for (const s of n.scales) {
    if (!s.re.test(one) && !s.re.test(one.replace(/\.$/, ''))) continue;
    const bare = one.replace(/\.$/, '');
    if (bare.length <= 2 && /^[a-z]+$/.test(bare) && n.lang === 'en' && !money && !/^(?:mn|bn|tn)$/.test(bare) && !(bare === 'k' && w1.end - 1 === at)) return null;
    return { times: s.times, end: w1.end, word: w1.word };
  }
  return null;
}

function monthOf(word: string, n: Numerals): number {
  const w = word.toLowerCase();
  for (let i = 0; i < n.months.length; i++) if (n.months[i].test(w)) return i + 1;
  return 0;
}

/** Every value a spelled-out word may have ("четырнадцать" is 14, not the 4 of "четыр…"). */
function wordValues(word: string, n: Numerals): number[] {
  if (!n.words || !n.words.any.test(word)) return [];
  return n.words.each.filter((w) => w.re.test(word)).map((w) => w.value);
}

/** The readings of a digit run by a language's separators: each a value (several when ambiguous). */
export function readDigits(raw: string, decimal: ',' | '.'): { values: number[]; decimalComma: boolean } {
  const parts = raw.split(/([.,'’\u00A0\u202F\u2009 ])/);
  const groups = parts.filter((_, i) => i % 2 === 0);
  const seps = parts.filter((_, i) => i % 2 === 1);
  if (seps.length === 0) return { values: [Number(raw)], decimalComma: false };
  const thousands = (gs: string[]) => Number(gs.join(''));
  const allThree = (gs: string[]) => gs.slice(1).every((g) => g.length === 3) && gs[0].length <= 3;
  const last = seps[seps.length - 1];
  const lastGroup = groups[groups.length - 1];
  const head = groups.slice(0, -1);
  const values = new Set<number>();
  let decimalComma = false;
  // One separator: a decimal or a thousands separator.
  if (seps.length === 1) {
    const [a, b] = groups;
    const asDecimal = Number(`${a}.${b}`);
    const asThousands = Number(a + b);
    if (last === ',' || last === '.') {
      const isDecimalSep = last === decimal;
      if (b.length === 3 && a.length <= 3) {
        // 1,500 / 1.500: the language's reading first, the other one too.
        values.add(isDecimalSep ? asDecimal : asThousands);
        values.add(isDecimalSep ? asThousands : asDecimal);
      } else {
        values.add(asDecimal);
        if (last === ',' && decimal === '.') decimalComma = true;
      }
    } else {
      values.add(b.length === 3 ? asThousands : NaN);
    }
    return { values: [...values].filter((v) => !Number.isNaN(v)), decimalComma };
  }
  // Several: thousands groups, perhaps a decimal part at the end.
  const sameSep = seps.every((s) => s === seps[0]);
  if (sameSep && allThree(groups)) {
    values.add(thousands(groups));
  } else if ((last === ',' || last === '.') && seps.slice(0, -1).every((s) => s !== last) && allThree(head)) {
    values.add(Number(`${thousands(head)}.${lastGroup}`));
  } else {
    // Not a number the separators explain (a date, a score, a list): each group on its own.
    for (const g of groups) values.add(Number(g));
  }
  return { values: [...values], decimalComma };
}

/**
 * The quantities of a source text in language `n`; `en` reads English (the target). Digits in
 * URLs, addresses, handles and hashtags are skipped.
 */
export function readQuantities(original: string, n: Numerals): Quantity[] {
  const text = maskCodes(asciiDigits(original, n.lang));
  const out: Quantity[] = [];
  const taken: [number, number][] = [];
  const push = (q: Quantity) => {
    out.push(q);
    taken.push([q.start, q.end]);
  };
  const isTaken = (s: number, e: number) => taken.some(([a, b]) => s < b && a < e);

  // Dates in digits: 12.03.2022, 12/03/2022, 2022-03-12, and (not in English) 12.03.
  const DATE = n.lang === 'en' ? /(?<![\d.,])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.,])/g : /(?<![\d.,])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d,]|\.\d)|(?<![\d.,])(\d{1,2})\.(\d{2})\.(?!\d)|(?<![\d.,])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d.,])/g;
  for (const m of text.matchAll(DATE)) {
    let day: number;
    let month: number;
    let year: number | undefined;
    if (n.lang === 'en') [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (m[1]) [day, month, year] = [Number(m[1]), Number(m[3]), Number(m[4].length === 2 ? `20${m[4]}` : m[4])];
    else if (m[5]) [day, month] = [Number(m[5]), Number(m[6])];
    else [year, month, day] = [Number(m[7]), Number(m[8]), Number(m[9])];
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    push({ start, end, keys: [key(day)], required: true, value: day });
    push({ start, end, keys: [monthKey(month)], required: true });
    if (year !== undefined) push({ start, end, keys: [key(year), key(year % 100)], required: true, value: year });
  }

  // Times: 15:30, 15.30 Uhr / ч / h — the hour also on a 12-hour clock, the minutes unless :00.
  const TIME = /(?<![\d.,:])([01]?\d|2[0-4])[:.]([0-5]\d)(?![\d:]|[.,]\d)/g;
  for (const m of text.matchAll(TIME)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const after = text.slice(end, end + 8).toLowerCase();
    const colon = m[0].includes(':');
    // (Japanese schedules write a time with a middle dot after 午前/午後 or their short forms: 後３・４８.)
    const jaTime = n.lang === 'ja' && /[前後]$/.test(text.slice(Math.max(0, start - 1), start));
    if (!colon && !jaTime && !/^\s*(?:uhr|ч\b|час|h\b|hod|hs?\b|godz|heures?|[ap]\.?m\b)/u.test(after)) continue;
    const h = Number(m[1]);
    const min = Number(m[2]);
    const hours = new Set([key(h), key(h % 12 === 0 ? 12 : h % 12), key(h + 12)]);
    push({ start, end, keys: [...hours], required: true, value: h });
    if (min !== 0) push({ start, end, keys: [key(min)], required: true, value: min });
  }

  // Numbers that are part of a name (the Dow's "30種"): the translation may name it without them.
  const named: [number, number][] = n.named ? [...text.matchAll(n.named)].map((m) => [m.index, m.index + m[0].length]) : [];
  if (n.lang === 'ja') readRatios(text, push, isTaken);

  for (const m of text.matchAll(n.lang === 'en' ? NUMBER_EN : n.cjk ? NUMBER_CJK : NUMBER)) {
    let raw = m[0];
    const start = m.index;
    // A trailing separator is punctuation ("in 2020, the …").
    raw = raw.replace(/[.,'’\u00A0\u202F\u2009 ]+$/, '');
    let end = start + raw.length;
    if (isTaken(start, end)) continue;
    const prev = text[start - 1] ?? '';
    // Digits in or beside a word of letters — a model or code (B2B, Су-35, COVID-19, T-90M,
    // Nogizaka46) — count where they are written but are not required: a name may be translated
    // without them.
    // (A currency's code before an amount, USD11.16, is no model name.)
    const code =
      (!n.cjk && !/(?:USD|EUR|RMB|CNY|GBP|JPY|RUB|UAH|CHF|HKD|US\$)$/.test(text.slice(Math.max(0, start - 3), start)) && (/[\p{L}]/u.test(prev) || /[\p{L}][-‑]$/u.test(text.slice(Math.max(0, start - 2), start)))) ||
      // A team's or a time zone's number (TSV 1860, GMT+8, 24/7) names something rather than counts
      // (but a currency's code does not: CZK 400 million).
      (/(?:^|[^\p{L}])[A-Z]{2,5}\s?[+-]?\s?$/u.test(text.slice(Math.max(0, start - 7), start)) && !CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start))) ||
      /^24\/7$/.test(text.slice(start, start + 4));
    let { values, decimalComma } = readDigits(raw, n.lang === 'en' ? '.' : n.decimal);
    if (n.lang === 'en' && /^\d{1,3}\.\d{3}$/.test(raw)) values = [values[0], Number(raw.replace('.', ''))];
    const inName = code || named.some(([a, b]) => start >= a && end <= b);
    const q: Quantity = { start, end, keys: [], required: !inName, value: values[0], ...(inName ? { weak: true, kind: 'code' as const } : {}) };
    // An ordinal century ("20. století"): the translation may name the decade instead ("the 1970s").
    const centuryWord = n.century ? /^\.?\s*([\p{L}]+\.?)/u.exec(text.slice(end, end + 16)) : null;
    if (centuryWord && n.century!.test(centuryWord[1].toLowerCase())) {
      q.required = false;
      q.weak = true;
      q.kind = 'code';
    }
    if (decimalComma && n.lang === 'en') q.decimalComma = true;
    // CJK: a month (9月, and 9 in 9―10月) is a month; a year (2019年, 18年, 平成18年) a number.
    const extra: number[] = [];
    if (n.cjk) {
      const after = text.slice(end, end + 12);
      const unit = /^[月年]/.exec(after)?.[0] ?? /^[～~〜\-–—―－至到]\d+([月年])/.exec(after)?.[1];
      const v = values[0];
      if (unit === '月' && Number.isInteger(v) && v >= 1 && v <= 12) {
        push({ start, end: end + (after[0] === '月' ? 1 : 0), keys: [monthKey(v)], required: true });
        continue;
      }
      // A day without its month ("26日": the dateline's day) is often left out of a translation.
      if (/^[日号]/.test(after) && !/月$/.test(text.slice(Math.max(0, start - 1), start)) && !/月\d*[日号]?[～~〜\-–—―－至到]$/.test(text.slice(Math.max(0, start - 6), start))) {
        q.required = false;
        q.weak = true;
        q.kind = 'day';
      }
      // "0—24时": the whole day, which a translation names by its date alone.
      if ((v === 24 && /^[时時]/.test(after) && /0\s*[—–\-－~～至到]\s*$/.test(text.slice(Math.max(0, start - 4), start))) || (v === 0 && /^[时時]?\s*[—–\-－~～至到]\s*24\s*[时時]/.test(after))) q.required = false;
      // A generation by its decade ("80后", "90年代"): 1980, 1990.
      if (Number.isInteger(v) && v < 100 && v % 10 === 0 && /^(?:后|後|年代)/.test(after)) extra.push(1900 + v, 2000 + v);
      // Old units a translation converts: 斤 (half a kilogram), 里 (half a kilometre).
      if (/^[多余]?[斤里]/.test(after)) extra.push(v / 2);
      // An hour (19時, 7点): also on a 12-hour clock.
      if (/^[時时点點]/.test(after) && Number.isInteger(v) && v <= 24) extra.push(v % 12 === 0 ? 12 : v % 12, v + 12);
      if (unit === '年' && Number.isInteger(v) && v < 100) {
        const era = /(平成|令和|昭和|大正)$/.exec(text.slice(Math.max(0, start - 2), start));
        extra.push(...(era ? [ERAS[era[1]] + v] : [1900 + v, 2000 + v]));
      }
    }
    const scale = code ? null : scaleAt(text, end, n);
    let scaled = values;
    if (scale) {
      scaled = values.map((v) => v * scale.times);
      // One letter stuck to the digits may be no scale at all (4K television), unless it follows money ($3m).
      if (/^[kKmMbB]$/.test(scale.word) && !/[$£€¥₽]\s?$/.test(text.slice(Math.max(0, start - 2), start))) scaled.push(...values);
      q.scaleWord = scale.word;
      q.mantissa = values[0];
      end = scale.end;
      // CJK amounts go on in smaller units: 1億7500万 is 175,000,000, 1万1000 is 11,000.
      for (let last = scale.times, m2 = n.cjk ? /^(\d+)/.exec(text.slice(end)) : null; m2; m2 = /^(\d+)/.exec(text.slice(end))) {
        const s2 = scaleAt(text, end + m2[1].length, n);
        const times = s2?.times ?? 1;
        if (times >= last) break;
        scaled = scaled.map((v) => v + Number(m2![1]) * times);
        end = s2 ? s2.end : end + m2[1].length;
        last = times;
      }
      q.end = end;
    } else {
      // A range whose scale is written once, after its second number: "1,5-2 млн", "600至850亿", "from 1.5 to 2 million".
      const next = /^\s*(?:[-–—~～至到]|до|bis|to|a|až|à)\s*(\d+(?:[.,]\d+)?)/u.exec(text.slice(end));
      const s2 = next ? scaleAt(text, end + next[0].length, n) : null;
      if (s2) scaled = [...values, ...values.map((v) => v * s2.times)];
    }
    q.value = scaled[0];
    const keys = new Set([...scaled, ...extra].map(key));
    // A year-like decade ("90-х", "90er", "'90s"): also 1990 and 2090 → and back.
    const tail = text.slice(end, end + 6).toLowerCase();
    if (values.length === 1 && values[0] < 100 && /^(?:-?х|-?е\b|-?ые|-?ых|er\b|s\b|-?ті|-?х)/u.test(tail)) {
      keys.add(key(1900 + values[0]));
      keys.add(key(2000 + values[0]));
    }
    if (values.length === 1 && values[0] >= 1900 && values[0] < 2100 && /^['’]?s\b/.test(tail)) keys.add(key(values[0] % 100));
    // A span in weeks ("2 týdny", "2周"), which a translation may count in days ("a 14-day quarantine").
    if (values.length === 1 && n.weeks && n.weeks.test(n.cjk ? text.slice(end, end + 4).replace(/^[多余个個]/, '').slice(0, 2) : (wordAt(text, end)?.word ?? ''))) keys.add(`week:${values[0]}`);
    if (n.lang === 'en' && values.length === 1 && values[0] % 7 === 0 && /^\s?-?\s?days?\b/.test(tail + text.slice(end + 6, end + 8))) keys.add(`week:${values[0] / 7}`);
    // "Shodai and 3 others" for "正代ら4人": the group counted with the one named.
    if (n.lang === 'en' && values.length === 1 && /^\s+others?\b/i.test(text.slice(end, end + 8)) && /\band\s+$/.test(text.slice(Math.max(0, start - 5), start))) keys.add(key(values[0] + 1));
    // Fahrenheit for the source's Celsius (30 °C: "86 degrees").
    if (n.lang === 'en' && values.length === 1 && values[0] >= 32 && /^\s*(?:°\s?F\b|degrees?\b(?!\s*(?:Celsius|C\b)))/.test(text.slice(end, end + 12))) keys.add(key(Math.round(((values[0] - 32) * 5) / 9)));
    // The second year of a range written short or long: 2021–22, 2019/2020.
    const yearBefore = /(?:1[89]|20)(\d\d)\s?[-–—/]\s?$/.exec(text.slice(Math.max(0, start - 8), start));
    if (yearBefore && values.length === 1) {
      const century = Number(text.slice(start - yearBefore[0].length, start - yearBefore[0].length + 2)) * 100;
      if (values[0] < 100) keys.add(key(century + values[0]));
      else if (values[0] >= 1800 && values[0] < 2100) keys.add(key(values[0] % 100));
    }
    // An apostrophe year in English: '90s, '22.
    if (n.lang === 'en' && /['’]$/.test(text.slice(start - 1, start)) && values[0] < 100) {
      keys.add(key(1900 + values[0]));
      keys.add(key(2000 + values[0]));
    }
    // A price or an index to the cent beside its round figure in the source (10,363.18 for １万０３６３).
    if (n.lang === 'en' && !scale && values.length === 1 && values[0] >= 1000 && !Number.isInteger(values[0])) keys.add(key(Math.trunc(values[0])));
    // An hour without minutes (23 Uhr, 17 часов, 11 p.m.): also on the other clock.
    if (values.length === 1 && Number.isInteger(values[0]) && values[0] <= 24) {
      const h = values[0];
      if (n.lang === 'en' && /^\s*p\.?\s?m\b/i.test(tail + text.slice(end + 6, end + 8))) keys.add(key(h === 12 ? 12 : h + 12));
      else if (n.lang !== 'en' && /^\s*(?:uhr|ч\b|час|год\b|hod|h\b|hs?\b|godz|heures?|horas?)/iu.test(text.slice(end, end + 8))) keys.add(key(h % 12 === 0 ? 12 : h % 12));
    }
    q.keys = [...keys];
    // English writes "1" for what the source leaves unsaid ("до года": "up to 1 year").
    if (n.lang === 'en' && raw === '1' && !scale) q.required = false;
    // "00" (a time's minutes, a score) says nothing on its own.
    if (/^0+$/.test(raw) && raw.length > 1) q.required = false;
    push(q);
  }

  // Words: months beside a number, spelled-out numbers, Roman numerals.
  if (!n.cjk) readWords(text, n, out, isTaken);
  else readCjkWords(text, n, out, isTaken);
  if (n.lang === 'en') excuseClarifications(text, out);
  // A single digit in Chinese or Japanese is often idiomatic (７人制 sevens, ２人暮らし living together):
  // not required alone, but a number the translation changed from it.
  if (n.cjk) {
    for (const q of out) {
      if (q.required && q.value !== undefined && Number.isInteger(q.value) && q.value < 10 && q.keys.every((k) => !k.startsWith('month'))) {
        q.required = false;
        q.weak = true;
        q.kind = 'digit';
      }
    }
  }
  if (n.lang !== 'en') weakenDateYears(text, out, n);
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}

/** Before a conversion in brackets: "6,000 mu (", "1,000 jin (". */
const CONVERSION_BEFORE = /\d[\d,.]*(?:\s+(?:thousand|million|billion|trillion))?\s*[\p{L}.$€£¥]+(?:\s+[\p{L}.]+)?\s*\((?:about|approximately|around|roughly|some|or|nearly|almost|over)?\s*[$€£¥]?$/u;

/**
 * Numbers a translator adds to clarify are not required to be in the source: a year (completing a
 * date, "July 26, 2020" for "7月26日", or an event's name) and a conversion in brackets ("6,000 mu
 * (400 hectares)").
 */
function excuseClarifications(text: string, out: Quantity[]): void {
  for (const q of out) {
    if (!q.required || q.value === undefined) continue;
    const before = text.slice(Math.max(0, q.start - 48), q.start);
    if (q.value >= 1900 && q.value < 2100 && Number.isInteger(q.value) && !/[.,]/.test(text.slice(q.start, q.end))) {
      // A year a translator adds (to a date, to an event's name: the 2019 G20 summit, Expo 2020) is not
      // reported as added; one that replaces the source's is still a changed number.
      q.required = false;
      q.weak = true;
      q.kind = 'year';
    } else if (CONVERSION_BEFORE.test(before)) q.required = false;
  }
}

/**
 * The year of a full date ("2019年9月29日", "2 августа 2020 года") is not required: English news
 * leaves out the current year ("September 29"), while the day and month stay required. It is still
 * a year, changed if the translation writes another.
 */
function weakenDateYears(text: string, out: Quantity[], n: Numerals): void {
  const months = out.filter((q) => q.value === undefined && q.keys.some((k) => k.startsWith('month:')));
  for (const q of out) {
    if (!q.required || q.value === undefined || !Number.isInteger(q.value) || q.value < 1900 || q.value >= 2100) continue;
    if (text.slice(q.start, q.end).length !== 4) continue;
    const beside = months.some((m) =>
      n.cjk ? m.start === q.end + 1 && text[q.end] === '年' : (m.end <= q.start && /^[\s,.]{1,3}$/.test(text.slice(m.end, q.start))) || (q.end <= m.start && /^[\s,.]{1,3}$/.test(text.slice(q.end, m.start))),
    );
    if (!beside) continue;
    // The month must itself be dated (a day beside it), else "v dubnu 2018" is a month of a year.
    const dated = months.some((m) => out.some((d) => d !== q && d.value !== undefined && Number.isInteger(d.value) && d.value >= 1 && d.value <= 31 && (Math.abs(d.end - m.start) <= 2 || Math.abs(m.end - d.start) <= 2 || (n.cjk && d.start === m.end))));
    if (!dated) continue;
    q.required = false;
    q.weak = true;
    q.kind = 'year';
  }
}

/**
 * Japanese ratios in tenths, hundredths and thousandths: 打率１割８分２厘 is a batting average of
 * .182 (also 18.2 per cent), ２割４～５分 is .24 to .25, ３割 is 30 per cent (.300).
 */
function readRatios(text: string, push: (q: Quantity) => void, isTaken: (s: number, e: number) => boolean): void {
  for (const m of text.matchAll(/(?<![\d.])(\d)割(?:(\d)(?:[～~〜\-–](\d))?分)?(?:(\d)厘)?/g)) {
    const start = m.index;
    if (isTaken(start, start + m[0].length)) continue;
    const ratio = (tenths: number, hundredths: number, thousandths: number) => tenths / 10 + hundredths / 100 + thousandths / 1000;
    // Per cent, thousandths (.182) and the fraction itself.
    const keysOf = (v: number) => [v * 100, v * 1000, v].map(key);
    const v = ratio(Number(m[1]), Number(m[2] ?? 0), Number(m[4] ?? 0));
    const split = m[3] ? start + m[0].search(/[～~〜\-–]/) + 1 : -1;
    push({ start, end: m[3] ? split - 1 : start + m[0].length, keys: keysOf(v), required: true, value: v * 100 });
    if (m[3]) {
      const w = ratio(Number(m[1]), Number(m[3]), 0);
      push({ start: split, end: start + m[0].length, keys: keysOf(w), required: true, value: w * 100 });
    }
  }
}

const WORDS = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*\.?/gu;
/** Roman numerals of two letters or more up to 39 (XX, XXI, II): those with L, C, D, M are mostly abbreviations. */
const ROMAN = /^(?=[XVI]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

function romanValue(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const a = ROMAN_VALUES[s[i]];
    const b = ROMAN_VALUES[s[i + 1]] ?? 0;
    v += a < b ? -a : a;
  }
  return v;
}

function readWords(text: string, n: Numerals, out: Quantity[], isTaken: (s: number, e: number) => boolean): void {
  const numbers = out.filter((q) => q.value !== undefined);
  const near = (s: number, e: number) => numbers.some((q) => (q.end <= s && s - q.end <= 3) || (e <= q.start && q.start - e <= 3));
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(text); m !== null; m = WORDS.exec(text)) {
    const start = m.index;
    let word = m[0];
    let end = start + word.length;
    if (isTaken(start, end)) continue;
    const bare = word.replace(/\.$/, '');
    // The month of "mid-August", "July's".
    const lastPart = (bare.includes('-') ? bare.slice(bare.lastIndexOf('-') + 1) : bare).replace(/['’]s$/, '');
    const month = monthOf(word, n) || monthOf(bare, n) || (lastPart !== bare ? monthOf(lastPart, n) : 0);
    // An English month is written with a capital ("may", "march" are verbs); "May" is the month
    // beside a number, after a preposition of time, or in a list of months ("April, and May").
    const mayTheMonth = () =>
      near(start, end) || /\b(?:in|of|since|until|by|from|early|late|mid|last|next|this)\s+$/i.test(text.slice(Math.max(0, start - 8), start)) || /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(?:and\s+|or\s+|to\s+|through\s+)?$/i.test(text.slice(Math.max(0, start - 24), start));
    if (month && (n.lang !== 'en' || /^\p{Lu}/u.test(lastPart)) && !(n.lang === 'en' && word === 'May' && !mayTheMonth())) {
      out.push({ start, end, keys: [monthKey(month)], required: n.lang !== 'en' && near(start, end) });
      continue;
    }
    if (word.endsWith('.')) {
      word = word.slice(0, -1);
      end--;
    }
    if (ROMAN.test(word)) {
      out.push({ start, end, keys: [key(romanValue(word))], required: false, value: romanValue(word) });
      continue;
    }
    const lower = word.toLowerCase();
    // English compounds: twenty-five, two hundred, three million, a million.
    if (n.lang === 'en') {
      const compound = englishNumber(text, start, n);
      if (compound) {
        out.push({ start, end: compound.end, keys: compound.values.map(key), required: false, value: compound.values[0] });
        WORDS.lastIndex = compound.end;
        continue;
      }
    }
    // A hyphenated word may start with a number ("four-year-old", "пятилетний" is one word).
    let vs = wordValues(lower, n);
    if (vs.length === 0 && lower.includes('-')) vs = wordValues(lower.slice(0, lower.indexOf('-')), n);
    if (vs.length > 0) {
      const half = n.half?.exec(text.slice(end, end + 16));
      if (half) vs = [...vs, ...vs.map((v) => v + 0.5)];
      const scale = scaleAt(text, half ? end + half[0].length : end, n);
      const values = scale ? [...vs.filter((v) => v !== scale.times).map((v) => v * scale.times), ...vs] : vs;
      out.push({ start, end, keys: values.map(key), required: false, value: values[0] });
    }
  }
}

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, a: 1, an: 1, half: 0.5,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12, dozen: 12, decades: 10 };

/** An English number of several words ("twenty-five", "two hundred", "a million", "half a million"); null for one plain word. */
function englishNumber(text: string, at: number, n: Numerals): { values: number[]; end: number } | null {
  const re = /([A-Za-z]+)(?:-([A-Za-z]+))?/y;
  let total = 0;
  let current = 0;
  let words = 0;
  let end = at;
  let pos = at;
  let sawScale = false;
  // "seven decades" is 70 years, and seven of something.
  let decades = 0;
  const units: number[] = [];
  for (;;) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const w = m[1].toLowerCase();
    const w2 = m[2]?.toLowerCase();
    if (w in EN_UNITS && (!w2 || (EN_UNITS[w2] !== undefined && EN_UNITS[w] >= 20 && EN_UNITS[w2] < 10))) {
      if ((w === 'a' || w === 'an' || w === 'half') && words > 0 && w !== 'half') break;
      current += EN_UNITS[w] + (w2 ? EN_UNITS[w2] : 0);
      units.push(EN_UNITS[w]);
    } else if (w in EN_SCALES && !w2 && words > 0) {
      const s = EN_SCALES[w];
      if (w === 'decades') decades = current;
      if (s >= 1000) {
        total += (current || 1) * s;
        current = 0;
      } else current = (current || 1) * s;
      sawScale = true;
    } else if (w === 'and' && words > 0 && sawScale) {
      // "one hundred and five"
    } else break;
    words++;
    end = m.index + m[0].length;
    const sp = /[ \t]+/y;
    sp.lastIndex = end;
    if (!sp.exec(text)) break;
    pos = sp.lastIndex;
  }
  if (words < 2 && !(words === 1 && /-/.test(text.slice(at, end)))) return null;
  // Without a scale, several words are one number only as "thirty two".
  if (!sawScale && words > 1 && !(words === 2 && units[0] >= 20 && units[0] % 10 === 0 && units[1] > 0 && units[1] < 10)) return null;
  // Trailing "and" is not part of it.
  const value = total + current;
  if (value === 0 || text.slice(at, end).toLowerCase() === 'a' || /^an?$/i.test(text.slice(at, end))) return null;
  void n;
  return { values: decades ? [value, decades] : [value], end };
}

function readCjkWords(text: string, n: Numerals, out: Quantity[], isTaken: (s: number, e: number) => boolean): void {
  if (!n.words) return;
  // Spelled numbers in Han characters: runs of numeral characters, each run read as a whole where it can be, else each character.
  const RUN = /[零〇一二三四五六七八九十百千万萬亿億两兩半双雙首第廿]+/gu;
  for (const m of text.matchAll(RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const values = new Set<number>();
    const run = m[0].replace(/^第/, '');
    const whole = hanNumber(run);
    if (whole !== undefined) values.add(whole);
    // A number, then an abbreviation's next word ("十三五": the 13th Five-Year Plan).
    for (let k = [...run].length - 1; whole === undefined && k >= 2; k--) {
      const head = hanNumber([...run].slice(0, k).join(''));
      if (head !== undefined) {
        values.add(head);
        break;
      }
    }
    // Two digits before a unit are a range (五六百: 500 to 600); a number before 成 is tens of per cent (四成: 40%).
    const range = /^([一二三四五六七八九])([一二三四五六七八九])([十百千万萬])$/.exec(run);
    if (range) for (const d of [range[1], range[2]]) values.add(HAN_DIGITS[d] * ({ 十: 10, 百: 100, 千: 1000 }[range[3]] ?? 1e4));
    if (whole !== undefined && text[end] === '成') values.add(whole * 10);
    for (const ch of m[0]) for (const v of wordValues(ch, n)) values.add(v);
    const keys = [...values].map(key);
    // Weeks ("两周"), which a translation may count in days.
    if (whole !== undefined && n.weeks?.test(text.slice(end, end + 2).replace(/^[个個]/, ''))) keys.push(`week:${whole}`);
    if (values.size > 0) out.push({ start, end, keys, required: false, value: [...values][0] });
  }
  // Words for numbers beyond the numeral characters: 全天候 (around the clock), アラフィフ (around fifty).
  for (const p of n.phrases) {
    for (const m of text.matchAll(p.re)) {
      if (!isTaken(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, keys: [key(p.value)], required: false, value: p.value });
    }
  }
}

const HAN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const HAN_BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

/** A number written in Han numerals (三十五, 两千, 十二万); undefined when the run is not one. */
export function hanNumber(s: string): number | undefined {
  if (s === '') return undefined;
  // A year digit by digit: 二〇一九.
  if (/^[一二三四五六七八九][〇零一二三四五六七八九]{3}$/.test(s) && /[〇零]/.test(s)) return Number([...s].map((c) => HAN_DIGITS[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in HAN_DIGITS) {
      // Two digits in a row are no one number (十三五, 五六).
      if (digit > 0 && HAN_DIGITS[ch] !== 0) return undefined;
      digit = HAN_DIGITS[ch];
    } else if (ch in HAN_UNITS) {
      section += (digit < 0 ? 1 : digit) * HAN_UNITS[ch];
      digit = -1;
    } else if (ch in HAN_BIG) {
      section += digit < 0 ? 0 : digit;
      total += (section || 1) * HAN_BIG[ch];
      section = 0;
      digit = -1;
    } else return undefined;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

const EN_SCALE_WORDS: [number, string, string][] = [
  [1e12, 'trillion', 'tn'],
  [1e9, 'billion', 'bn'],
  [1e6, 'million', 'm'],
  [1e3, 'thousand', 'k'],
];

/** Writes `value` the way English news would, in the style of `like` (the target quantity it replaces: a scale word, grouped digits). */
export function renderNumber(value: number, like?: Quantity, likeText?: string): string {
  const grouped = (v: number) => {
    const [int, frac] = String(Number(v.toPrecision(12))).split('.');
    const g = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return frac ? `${g}.${frac}` : g;
  };
  if (like?.scaleWord && likeText) {
    const short = like.scaleWord.replace(/\.$/, '').length <= 3;
    for (const [scale, long, abbr] of EN_SCALE_WORDS) {
      const mantissa = value / scale;
      if (mantissa < 1 || Number(mantissa.toFixed(3)) !== Number(mantissa.toPrecision(12))) continue;
      const digitsEnd = likeText.length - like.scaleWord.length;
      const gap = likeText.slice(0, digitsEnd).match(/\s*$/)![0];
      return `${grouped(mantissa)}${gap}${short ? abbr : long}`;
    }
  }
  if (value >= 1000 && value < 1e4 && likeText && !likeText.includes(',')) return String(value);
  return grouped(value);
}

/** What does not match between the quantities of a source and of its translation. */
export interface NumberMismatch {
  /** Source quantities that must appear in the target and do not. */
  missing: Quantity[];
  /** Target quantities in digits that the source does not have in any form. */
  added: Quantity[];
  /** Weak quantities (a day alone, a code's digits) without a counterpart, on each side: changed if both sides have one. */
  weakMissing: Quantity[];
  weakAdded: Quantity[];
}

/**
 * Compares the quantities of a source (`sourceText` in language `n`) with those of its
 * translation. A number in the translation counts as the source's when the source spells it
 * inside words ("pětačtyřicetiletý" for 45).
 */
export function compareQuantities(source: Quantity[], target: Quantity[], sourceText = '', n?: Numerals): NumberMismatch {
  const has = (list: Quantity[], q: Quantity) => list.some((o) => o.keys.some((k) => q.keys.includes(k)));
  const words = n && n.stems.size > 0 ? sourceText.toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? [] : [];
  const spelled = (q: Quantity) => n !== undefined && q.keys.some((k) => (k.startsWith('week:') ? weeksIn(words, Number(k.slice(5)), n) : spelledIn(words, Number(k), n)));
  return {
    missing: source.filter((q) => q.required && !has(target, q)),
    added: target.filter((q) => q.required && !has(source, q) && !spelled(q)),
    weakMissing: source.filter((q) => q.weak && !has(target, q)),
    weakAdded: target.filter((q) => q.weak && !has(source, q) && !spelled(q)),
  };
}

/** The parts a number is spelled with: 45 → [40, 5], 900 → [9, 100], 2000 → [2, 1000]; null when too long to spell. */
export function numberParts(v: number): number[] | null {
  if (!Number.isInteger(v) || v <= 0) return null;
  if (v >= 1000) {
    if (v % 1000 !== 0 || v >= 1e6) return null;
    const k = numberParts(v / 1000);
    return k ? [...(v === 1000 ? [] : k), 1000] : null;
  }
  const out: number[] = [];
  const h = Math.floor(v / 100);
  const rest = v % 100;
  if (h > 0) out.push(...(h > 1 ? [h] : []), 100);
  if (rest > 0 && rest < 20) out.push(rest);
  else if (rest >= 20) {
    out.push(rest - (rest % 10));
    if (rest % 10) out.push(rest % 10);
  }
  return out;
}

/** A word of the source is a span of `k` weeks ("dvoutýdenní": two weeks, "týdenní": one). */
function weeksIn(words: string[], k: number, n: Numerals): boolean {
  const stem = n.stems.get(k);
  return n.weeks !== null && words.some((w) => n.weeks!.test(w) && (k === 1 || (stem?.test(w) ?? false)));
}

/** The source's words spell `v` (each of its parts found in one word, or in up to three adjacent words). */
function spelledIn(words: string[], v: number, n: Numerals): boolean {
  const whole = n.stems.get(v);
  const parts = numberParts(v);
  const stems = parts?.map((p) => n.stems.get(p));
  if (!whole && (!stems || stems.some((s) => !s))) return false;
  for (let i = 0; i < words.length; i++) {
    if (whole?.test(words[i])) return true;
    if (!stems) continue;
    const window = words.slice(i, i + 3).join(' ');
    if (stems.every((re) => re!.test(window)) && stems.some((re) => re!.test(words[i]))) return true;
  }
  return false;
}
