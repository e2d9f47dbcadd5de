// Word fingerprints: two 32-bit hashes of a normalised word's characters (64 bits), computed once
// per document for all its words (`TextDocument.wordPrints`). Kinds number words through them —
// the phrase matcher's vocabulary, duplicate-sentence's word ids — with one probe of a table of
// integers instead of hashing strings again in a Map. Two different words may share a
// fingerprint (odds about 1 in 10^19 for a pair); users of prints either check the words where it
// matters (the phrase matcher) or tolerate it (a similarity score).

/** Another fingerprint function (tests use a weak one to make collisions happen). */
export type WordHash = (word: string) => [number, number];

let custom: WordHash | undefined;

/** The fingerprint used from now on (undefined: the real one); for tests. */
export function useWordHash(hash?: WordHash): void {
  custom = hash;
}

/** Writes the word's fingerprint into out[at] and out[at + 1]. */
export function printWord(word: string, out: Int32Array, at: number): void {
  if (custom) {
    const [a, b] = custom(word);
    out[at] = a;
    out[at + 1] = b;
  } else hashInto(word, out, at);
}

/** The fingerprints of the words' normalised forms: word i at 2i and 2i + 1. */
export function printsOf(words: readonly { norm: string }[]): Int32Array {
  const out = new Int32Array(words.length * 2);
  if (custom) for (let i = 0; i < words.length; i++) printWord(words[i].norm, out, i * 2);
  else for (let i = 0; i < words.length; i++) hashInto(words[i].norm, out, i * 2);
  return out;
}

function hashInto(word: string, out: Int32Array, at: number): void {
  let a = 0x811c9dc5 | 0;
  let b = word.length | 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  out[at] = a;
  out[at + 1] = b;
}
