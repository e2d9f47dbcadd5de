// Common words of a source language, to tell a capitalised common noun (Министерство, Победы,
// Генплана: translated) from a name (Фургала, Семиларски: carried over). Russian writes a name
// with a capital inside a sentence and hardly anything else, so a capitalised word there that is
// no common word is a name. The words are the lower-case entries of the Russian Hunspell dictionary
// (the `dictionary-ru` package, BSD-3-Clause, © Alexander I. Lebedev), compared by their stem.
//
//   source  …на заседании Министерства…   министерств: a common word   (not a name)
//   source  …сообщил Фургал…               фургал: no common word       (a name)

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A Cyrillic word without a case ending and final vowels, lower case: Министерстве, министерство → министерств. */
export function lexiconStem(word: string): string {
  return word
    .toLowerCase()
    .replace(/(?:ами|ями|ого|его|ому|ему|ом|ем|ём|ым|им|ах|ях|ою|ею|ой|ей|ую|юю|ых|их)$/, '')
    .replace(/[аеёиіїоуыэюяєйь]+$/, '');
}

let russian: Set<string> | null | undefined;

/** Russian common words and their stems (lexiconStem), or null when the dictionary is not installed. Read once. */
export function russianStems(): Set<string> | null {
  if (russian !== undefined) return russian;
  try {
    const dic = join(dirname(createRequire(import.meta.url).resolve('dictionary-ru')), 'index.dic');
    russian = new Set();
    for (const line of readFileSync(dic, 'utf8').split('\n')) {
      const word = line.slice(0, line.includes('/') ? line.indexOf('/') : undefined).trim();
      // Lower-case entries only: the dictionary's capitalised ones are names (Москва, Иван).
      if (word.length < 3 || !/^[а-яё]/.test(word)) continue;
      russian.add(word);
      const stem = lexiconStem(word);
      if (stem.length >= 2) russian.add(stem);
    }
  } catch {
    russian = null;
  }
  return russian;
}
