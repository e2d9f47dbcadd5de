// What the machine-translation likelihood looks at in an article: the shape of its English, not
// its subject. Each word becomes a symbol — a function word stays itself, any other word becomes
// its class (capitalised, number, or a lower-case word by its ending: -ing, -ed, -ly, -tion …),
// punctuation stays itself — and the article is counted as relative frequencies of those symbols
// and of their pairs and triples (hashed), beside a few dense measures (sentence length and its
// spread, vocabulary variety, contractions). Topic words never reach the model; typography
// (curly or straight quotes, dash kinds) is folded first, since it tells a publisher's style,
// not a translator.
//
//   The acting head of the region said on Monday that …
//   the <Cap> <w> of the <w> <w-ed> on <Cap> that …

/** Closed-class English words (and a few very frequent adverbs), kept as themselves. */
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those some any no every each either neither both all half several many much more most few fewer less least ' +
    'other another such what which who whom whose where when why how whether if unless because since although though while whereas as ' +
    'than so and or nor but yet also too very only just even still already again ever never always often now then there here thus ' +
    'however therefore moreover furthermore meanwhile instead rather quite almost not ' +
    'i me my mine we us our ours you your yours he him his she her hers it its they them their theirs myself ourselves yourself ' +
    'himself herself itself themselves one ones ' +
    'be am is are was were been being have has had having do does did done doing will would shall should can could may might must ' +
    "of to in on at by for with from into onto upon about above below over under between among through during before after against " +
    'without within along across behind beyond towards toward around near since until till up down out off per via despite except ' +
    "according due including regarding following amid amongst s n't 're 've 'll 'm 'd"
  ).split(' '),
);

/** Endings that stand for a word class, longest first. */
const SUFFIXES = ['tion', 'sion', 'ment', 'ness', 'ity', 'ance', 'ence', 'ing', 'ed', 'ly', 'al', 'ive', 'ous', 'ful', 'able', 'ible', 'ic', 'ist', 'ism', 'er', 'or', 'es', 's'];

/** Number of hashed n-gram slots (a power of two). */
export const HASH_BITS = 13;
const HASH_MASK = (1 << HASH_BITS) - 1;

/** Names of the dense features, in order. */
export const DENSE_FEATURES = [
  'mean sentence length (words, /30)',
  'sentence length spread (sd / mean)',
  'share of sentences over 40 words',
  'vocabulary variety (distinct / words in windows of 50)',
  'content words used once (share of content types)',
  'mean word length (letters, /6)',
  'contractions per word (x100)',
  'commas per sentence (/3)',
  'capitalised words per word',
  'parentheses and brackets per sentence',
] as const;

export interface MtFeatures {
  dense: number[];
  /** Hashed n-gram slot → relative frequency (per symbol). */
  sparse: Map<number, number>;
  /** Word tokens counted. */
  words: number;
}

/** Typographic folding: curly quotes, primes and guillemets to ASCII quotes, dash kinds to '-', non-breaking spaces to spaces. */
export function foldTypography(text: string): string {
  return text
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g, "'")
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/\u2026/g, '...');
}

const CONTRACTED = new Set(['re', 've', 'll', 'm', 'd']);
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}]+|-[\p{L}\p{M}\p{N}]+)*|n't|[.,;:!?"'()[\]-]/gu;

function symbolOf(word: string, lower: string, sentenceStart: boolean): string {
  if (FUNCTION_WORDS.has(lower)) return lower;
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return '<D>';
  if (c > 127 && /^\p{N}/u.test(word)) return '<D>';
  if (word !== lower && !sentenceStart) return '<C>';
  for (const s of SUFFIXES) if (lower.length > s.length + 2 && lower.endsWith(s)) return `<w-${s}>`;
  return sentenceStart && word !== lower ? '<Cw>' : '<w>';
}

/** FNV-1a of a symbol, remembered (symbols are a closed set: function words, classes, punctuation). */
const SYMBOL_HASH = new Map<string, number>();
function symbolHash(sym: string): number {
  let h = SYMBOL_HASH.get(sym);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 0; i < sym.length; i++) h = Math.imul(h ^ sym.charCodeAt(i), 0x01000193);
    SYMBOL_HASH.set(sym, (h >>>= 0));
  }
  return h;
}

/** One step of the n-gram hash: the running hash and the next symbol's hash, mixed (integers only). */
function mix(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  return h ^ (h >>> 15);
}
/** Seeds that keep unigrams, bigrams and trigrams of the same symbols apart. */
const SEED = [0x1b873593, 0x85ebca6b, 0xc2b2ae35];

/** Counts per slot, reused from article to article, and the slots touched. */
const COUNTS = new Float64Array(1 << HASH_BITS);

export function mtFeatures(raw: string): MtFeatures {
  const text = foldTypography(raw);
  const symbols: string[] = [];
  const sentenceLengths: number[] = [];
  const content: string[] = [];
  const lowerWords: string[] = [];
  let words = 0;
  let letters = 0;
  let contractions = 0;
  let commas = 0;
  let capitals = 0;
  let brackets = 0;
  let inSentence = 0;
  let start = true;
  const endSentence = () => {
    if (inSentence > 0) sentenceLengths.push(inSentence);
    inSentence = 0;
    start = true;
  };
  // Paragraph breaks end a sentence too (headlines have no full stop), but leave no symbol: how a
  // publisher cuts paragraphs is layout (one sentence each in the WMT files, several in the BBC's).
  for (const para of text.split(/\n\s*\n|\r\n\s*\r\n/)) {
    for (const m of para.matchAll(TOKEN)) {
      const t = m[0];
      const c = t.charCodeAt(0);
      const isWord = t.length > 1 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c > 127 && /[\p{L}\p{N}]/u.test(t));
      if (!isWord) {
        symbols.push(t);
        if (t === ',') commas++;
        else if (t === '(' || t === '[') brackets++;
        else if (t === '.' || t === '!' || t === '?') endSentence();
        continue;
      }
      // "Moscow's" → "Moscow" + "s"; "don't" → "do" + "n't"
      const quote = t.indexOf("'");
      const neg = quote > 0 && t.length > 3 && quote === t.length - 2 && (t[quote - 1] === 'n' || t[quote - 1] === 'N') && (t[quote + 1] === 't' || t[quote + 1] === 'T') ? t.length - 3 : -1;
      const apo = neg > 0 ? neg : quote;
      const base = apo > 0 ? t.slice(0, apo) : t;
      const rest = apo > 0 ? t.slice(apo).toLowerCase().replace(/^'/, '') : '';
      if (t === "n't" || neg > 0 || (rest !== '' && CONTRACTED.has(rest))) contractions++;
      const lower = base.toLowerCase();
      words++;
      inSentence++;
      letters += base.length;
      if (base !== lower && !(c >= 48 && c <= 57)) capitals++;
      const sym = symbolOf(base, lower, start);
      symbols.push(sym);
      lowerWords.push(lower);
      if (!FUNCTION_WORDS.has(lower) && sym !== '<D>') content.push(lower);
      if (rest) symbols.push(FUNCTION_WORDS.has(rest) ? rest : neg > 0 ? "n't" : '<w>');
      start = false;
    }
    endSentence();
  }

  const n = Math.max(symbols.length, 1);
  const touched: number[] = [];
  const add = (k: number) => {
    if (COUNTS[k] === 0) touched.push(k);
    COUNTS[k] += 1;
  };
  const hs = symbols.map(symbolHash);
  for (let i = 0; i < hs.length; i++) {
    const a = hs[i];
    add(mix(SEED[0], a) & HASH_MASK);
    if (i + 1 < hs.length) {
      const ab = mix(mix(SEED[1], a), hs[i + 1]);
      add(ab & HASH_MASK);
      if (i + 2 < hs.length) add(mix(mix(mix(SEED[2], a), hs[i + 1]), hs[i + 2]) & HASH_MASK);
    }
  }
  // Relative frequencies, square-rooted: that damps the frequent symbols and brings rare ones up
  // (a variance-stabilising step for counts).
  const sparse = new Map<number, number>();
  for (const k of touched) {
    sparse.set(k, Math.sqrt(COUNTS[k] / n));
    COUNTS[k] = 0;
  }

  const sentences = Math.max(sentenceLengths.length, 1);
  const meanLen = sentenceLengths.reduce((a, b) => a + b, 0) / sentences;
  const sd = Math.sqrt(sentenceLengths.reduce((a, b) => a + (b - meanLen) ** 2, 0) / sentences);
  const long = sentenceLengths.filter((l) => l > 40).length / sentences;
  let variety = 0;
  let windows = 0;
  for (let i = 0; i + 50 <= lowerWords.length; i += 25) {
    variety += new Set(lowerWords.slice(i, i + 50)).size / 50;
    windows++;
  }
  if (windows === 0) variety = lowerWords.length > 0 ? new Set(lowerWords).size / lowerWords.length : 0;
  else variety /= windows;
  const counts = new Map<string, number>();
  for (const w of content) counts.set(w, (counts.get(w) ?? 0) + 1);
  let once = 0;
  for (const v of counts.values()) if (v === 1) once++;
  const w = Math.max(words, 1);
  const dense = [
    meanLen / 30,
    meanLen > 0 ? sd / meanLen : 0,
    long,
    variety,
    counts.size > 0 ? once / counts.size : 0,
    letters / w / 6,
    (contractions / w) * 100,
    commas / sentences / 3,
    capitals / w,
    brackets / sentences,
  ];
  return { dense, sparse, words };
}
