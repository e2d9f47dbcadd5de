// Common words of a source language, to tell a common word that a place is also called from the
// place: "в Центральном округе" is the Central district, not the village of Tsentralny. The words
// are the lower-case entries of the Russian Hunspell dictionary (the `dictionary-ru` package,
// BSD-3-Clause, © Alexander I. Lebedev), compared by their stem.
//
//   source  …в Центральном округе…   центральн: a common word's stem   (an adjective, translated)

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A Cyrillic word without a case ending and final vowels, lower case: Министерстве, министерство → министерств. */
export function lexiconStem(word: string): string {
  return word
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(?:ами|ями|ого|его|ому|ему|ом|ем|ём|ым|им|ах|ях|ою|ею|ой|ей|ую|юю|ых|их)$/, '')
    .replace(/[аеёиіїоуыэюяєйь]+$/, '');
}

let russian: Set<string> | null | undefined;
let russianProper: Set<string> | null | undefined;
/** The common words themselves (no stems), sorted when first asked for a prefix. */
const russianList: string[] = [];
let russianSorted = false;

/** Russian common words and their stems (lexiconStem), or null when the dictionary is not installed. Read once. */
export function russianCommonWords(): Set<string> | null {
  if (russian !== undefined) return russian;
  try {
    const dic = join(dirname(createRequire(import.meta.url).resolve('dictionary-ru')), 'index.dic');
    const words = new Set<string>();
    const proper = new Set<string>();
    for (const line of readFileSync(dic, 'utf8').split('\n')) {
      const word = line.slice(0, line.includes('/') ? line.indexOf('/') : undefined).trim().replace(/ё/g, 'е');
      if (word.length < 3) continue;
      // The dictionary's capitalised entries are names (Москва, Иван, Женева, Иегова): kept apart.
      if (/^[А-ЯЁ][а-я]/.test(word)) {
        proper.add(word.toLowerCase());
        if (lexiconStem(word).length >= 3) proper.add(lexiconStem(word));
      }
      if (!/^[а-я]/.test(word)) continue;
      const stem = lexiconStem(word);
      words.add(word);
      russianList.push(word);
      if (stem.length >= 3) words.add(stem);
    }
    russian = words;
    russianProper = proper;
  } catch {
    russian = null;
    russianProper = null;
  }
  return russian;
}

/** The Russian dictionary's names (its capitalised entries: Женева, Яков, Кишинев) and their stems (lexiconStem), or null when it is not installed. */
export function russianProperNames(): Set<string> | null {
  russianCommonWords();
  return russianProper ?? null;
}

/** Some Russian common word begins with `prefix` (lower case, ё as е): балт (балтийский), черномор (черноморский). */
export function russianPrefix(prefix: string): boolean {
  if (!russianCommonWords()) return false;
  if (!russianSorted) {
    russianList.sort();
    russianSorted = true;
  }
  let lo = 0;
  let hi = russianList.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (russianList[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo < russianList.length && russianList[lo].startsWith(prefix);
}
