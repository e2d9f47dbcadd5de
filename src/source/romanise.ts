// Writing a Cyrillic name in Latin letters by a standard table (rules/lists/romanisation.yaml:
// BGN/PCGN for Russian, the Ukrainian national system of 2010), and a key that stays the same
// across the usual romanisations of one name, so that "Лавров", "Lavrov" and "Lawrow" meet and
// "Lavor" is one letter away:
//
//   Дегтярев → Degtyarev → key dGtrv      Degtyaryov → dGtrv      Лавров → lvrv   Lavor → lvr

export interface RomanisationTable {
  letters: Map<string, string>;
  initial: Map<string, string>;
  afterVowel: Map<string, string>;
  clusters: Map<string, string>;
}

export function compileRomanisation(entries: unknown[]): Map<string, RomanisationTable> {
  const out = new Map<string, RomanisationTable>();
  const map = (v: unknown) => new Map(Object.entries((v ?? {}) as Record<string, string>).map(([k, x]) => [k, String(x)]));
  for (const raw of entries) {
    const e = raw as Record<string, unknown>;
    if (typeof e?.lang !== 'string' || typeof e.letters !== 'object') throw new Error(`romanisation: bad entry ${JSON.stringify(raw).slice(0, 60)}`);
    out.set(e.lang, { letters: map(e.letters), initial: map(e.initial), afterVowel: map(e.after_vowel), clusters: map(e.clusters) });
  }
  return out;
}

const CYRILLIC_VOWELS = 'аеёиіїоуыэюяєй';

/** `word` romanised by `table`, capitalised as it was ("ЛАВРОВ" stays upper case). */
export function romanise(word: string, table: RomanisationTable): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const pair = lower.slice(i, i + 2);
    const cluster = table.clusters.get(pair);
    if (cluster !== undefined) {
      out += cluster;
      i++;
      continue;
    }
    const ch = lower[i];
    const prev = lower[i - 1];
    const first = i === 0 || !/\p{L}/u.test(prev);
    let latin: string | undefined;
    if (first) latin = table.initial.get(ch);
    else if (CYRILLIC_VOWELS.includes(prev) || prev === 'ъ' || prev === 'ь') latin = table.afterVowel.get(ch);
    latin ??= table.letters.get(ch) ?? ch;
    out += latin;
  }
  if (word === word.toUpperCase() && word.length > 1) return out.toUpperCase();
  return /^\p{Lu}/u.test(word) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

// ---- keys -----------------------------------------------------------------------------------
// A key keeps a name's consonants in classes that the romanisations of Russian and Ukrainian agree
// on (г/х/h/g/kh → G, ж/zh/j → j, ц/ts/tz/c → c, ч/ch/č/cz → C, ш/щ/sh/sch/š → S), drops the
// vowels after the first letter, marks a first vowel as @, and folds doubled letters.

const CYR_KEY: Record<string, string> = {
  б: 'b', в: 'v', г: 'G', ґ: 'G', д: 'd', ж: 'j', з: 'z', к: 'k', л: 'l', м: 'm', н: 'n', п: 'p', р: 'r',
  с: 's', т: 't', ф: 'f', х: 'G', ц: 'c', ч: 'C', ш: 'S', щ: 'S',
};

/** The key of a Cyrillic word. */
export function cyrillicKey(word: string): string {
  const w = word.toLowerCase().replace(/дж/g, 'j').replace(/тс/g, 'ц').replace(/['’ʼ-]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    if (i === 0 && CYRILLIC_VOWELS.includes(ch)) out += '@';
    else if (ch === 'j') out += 'j';
    else out += CYR_KEY[ch] ?? '';
  }
  return fold(out);
}

const LATIN_STEPS: [RegExp, string][] = [
  [/shch|szcz|sch/g, 'S'],
  [/tsch|tch/g, 'C'],
  // (ж as J until the vowels are dropped: a j after a vowel is a glide, Sergej, but zh is ж, Radonezh.)
  [/dzh|dj/g, 'J'],
  [/zh/g, 'J'],
  [/kh/g, 'G'],
  [/ch|cz/g, 'C'],
  [/sh|sz/g, 'S'],
  [/ts|tz/g, 'c'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/qu/g, 'kv'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/c/g, 'k'],
  [/[gh]/g, 'G'],
];

/** The keys of a word in Latin letters: also without an h that Cyrillic would not write (Johnson: Джонсон). */
export function latinKeys(word: string): string[] {
  const out = [latinKey(word)];
  // Letters Cyrillic does not write: a silent h (Johnson, Джонсон), a w after a vowel (Meadows, Медоус).
  for (const [re, to] of [[/([aeiouy])h(?![aeiouy])/gi, '$1'], [/([aeiou])w/gi, '$1']] as const) {
    if (re.test(word)) out.push(latinKey(word.replace(re, to)));
  }
  return [...new Set(out)];
}

/** The key of a word in Latin letters. */
export function latinKey(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd')
    .replace(/č/g, 'ch')
    .replace(/š/g, 'sh')
    .replace(/ž/g, 'zh')
    .replace(/ć/g, 'ts')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’ʼ-]/g, '');
  // A y before a vowel at the start is the vowel's glide (Yekaterinburg, Yuri).
  w = w.replace(/^y(?=[aeiou])/, '');
  for (const [re, to] of LATIN_STEPS) w = w.replace(re, to);
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    if ('aeiouy'.includes(ch) || (ch === 'j' && i > 0 && 'aeiouy'.includes(w[i - 1]))) {
      if (i === 0) out += '@';
      continue;
    }
    out += ch === 'J' ? 'j' : ch;
  }
  return fold(out);
}

function fold(key: string): string {
  return key.replace(/(.)\1+/g, '$1');
}

/** Restricted Damerau-Levenshtein distance (adjacent transpositions), stopping above `max`. */
export function keyDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      best = Math.min(best, d[i][j]);
    }
    if (best > max) return max + 1;
  }
  return d[a.length][b.length];
}

// ---- plausible renderings -------------------------------------------------------------------
// The spellings English-language news uses for a Cyrillic name, letter by letter: the
// romanisation tables' choices and the common alternatives (Sergei/Sergey, Kharkiv/Kharkov,
// Zelensky/Zelenskyy/Zelenskiy, Alexander/Aleksandr). A word none of them yields, but whose key
// is the name's or one letter off, is a misspelling.

const ALTERNATIVES: Record<string, string> = {
  а: 'a', б: 'b', в: 'v|w', г: 'g|h|gh', ґ: 'g', д: 'd', е: 'e|ye|ie|je|yo|io|o', ё: 'e|yo|io|jo|o', ж: 'zh|j|sh',
  з: 'z|s', и: 'i|y|yi|ee', і: 'i|y', ї: 'i|yi|ji|yi', й: 'y|i|j|', к: 'k|c|ck|q', л: 'l', м: 'm', н: 'n', о: 'o|a',
  п: 'p', р: 'r', с: 's|c', т: 't', у: 'u|ou|oo|w', ф: 'f|ph', х: 'kh|h|ch|x|k', ц: 'ts|tz|c|z|tc', ч: 'ch|tch|tsch|c|cz',
  ш: 'sh|sch|ch|s|sz', щ: 'shch|sch|sh|shh|stch|szcz', ъ: '', ы: 'y|i', ь: "|'|i|y", э: 'e|a', ю: 'yu|iu|ju|u|you|eu', я: 'ya|ia|ja|a',
  "'": "|'", '’': "|'", '-': '-| |',
};
const CLUSTERS: [RegExp, string][] = [
  [/^кс/, 'ks|x|kс'],
  [/^ий$/, 'y|iy|ii|i|yi|ij|yy|ey'],
  [/^ый$/, 'y|yy|iy|i|yi|ii'],
  [/^ой$/, 'oy|oi|oj|y|iy|ii'],
  [/^ей/, 'ei|ey|eij|ej|ay'],
  [/^ай/, 'ai|ay|aj'],
  [/^ья/, 'ya|ia|'],
  [/^ье/, 'ye|ie|e'],
  [/^ью/, 'yu|iu|u'],
  [/^дж/, 'dzh|j|dj|g|dg'],
  [/^тс/, 'ts|c'],
  [/^нн/, 'nn|n'],
  [/^сс/, 'ss|s'],
  [/^лл/, 'll|l'],
];

const plausibleCache = new Map<string, RegExp>();
/** English derivations of a name (Mexico → Mexican, Kyiv → Kyivan): not misspellings of it. */
const DERIVED = '(?:an|ian|n|ese|ish|i|er|ers|s|ans|ians|ns|ite|ites)?';

/**
 * The spellings a Cyrillic word may have in English-language news, as a regular expression over
 * lower-case Latin letters without diacritics; `endings` adds the nominative endings a case form
 * of the source may drop or change (Лаврова → Lavrov, Зеленского → Zelensky); `derived`, the English
 * derivations too (Russians, Kyivan).
 */
export function plausibleRendering(word: string, derived = true): RegExp {
  const lower = word.toLowerCase();
  const key = derived ? lower : `${lower}\u0000`;
  let re = plausibleCache.get(key);
  if (re) return re;
  const stem = caseStem(lower);
  let body = '';
  for (let i = 0; i < stem.length; ) {
    const rest = stem.slice(i);
    const cluster = CLUSTERS.find(([c]) => c.test(rest));
    if (cluster) {
      const len = cluster[0].exec(rest)![0].length;
      body += `(?:${cluster[1]})`;
      i += len;
      continue;
    }
    const alt = ALTERNATIVES[stem[i]];
    body += alt === undefined ? escapeRe(stem[i]) : `(?:${alt})`;
    i++;
  }
  // What a nominative may add after the stem: a vowel or two, a final y or j; and an English derivation.
  // (Or я, ю after a consonant as ya, ia: Муся, Musya; Новодворской, Novodvorskaya.)
  re = new RegExp(`^${body}(?:[aeiouy]?|[aeiouy]?[yj]|iy|yy|ii|yi|[iy][aeu]|a[iy]a)${derived ? DERIVED : ''}$`);
  if (plausibleCache.size > 5000) plausibleCache.clear();
  plausibleCache.set(key, re);
  return re;
}

/** A Cyrillic word without the case ending a name takes (Лаврову → лавров, Зеленского → зеленск, Москве → москв). */
export function caseStem(lower: string): string {
  return lower
    .replace(/(?:ого|его|ому|ему|ыми|ими|ами|ями|ым|им|ом|ем|ём|ой|ей|ою|ею|ах|ях|ых|их|ую|юю)$/, '')
    .replace(/[аеёиіїоуыэюяєьй]$/, '');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Latin word as plausibleRendering's expressions read it: lower case, no diacritics, no apostrophes. */
export function plainLatin(word: string): string {
  let plain = plainCache.get(word);
  if (plain === undefined) {
    // (Every word of a document is compared with every name of its source: a thousand-unit file asks for the same words again and again.)
    if (plainCache.size >= 50_000) plainCache.clear();
    plainCache.set(word, (plain = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, '')));
  }
  return plain;
}
const plainCache = new Map<string, string>();
