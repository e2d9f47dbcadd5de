// What is particular to German sources in the names check (check-names.ts): the nouns German writes right before a
// name, the few nouns ending in an o or an i that are no foreign names, how English spells a name German spells its
// own way, and an English cognate standing for a German noun. German's nouns themselves: lexicon-de.ts.

import type { TargetWord } from './names.js';

/** German nouns ending in an o or an i after a consonant (and compounds ending in one: Radprofi, Girokonto), written for mtlint. */
export const GERMAN_VOWEL_NOUN = /(?:auto|büro|kino|konto|foto|video|radio|risiko|euro|casino|kasino|tempo|motto|echo|veto|kilo|disco|disko|cello|porto|lotto|toto|saldo|skonto|netto|brutto|trio|duo|embargo|bistro|studio|logo|demo|info|memo|limo|ego|inferno|manko|piano|solo|tango|torso|fiasko|mango|avocado|espresso|cappuccino|macchiato|intermezzo|konfetti|libretto|ghetto|getto|kommando|garbo|gusto|lasso|metro|ufo|zero|taxi|ski|mini|kiwi|alibi|bikini|sushi|safari|salami|kombi|abi|azubi|profi|promi|pulli|kuli|schiri|ossi|wessi|nazi|sozi|grufti|studi|zucchini|spaghetti|graffiti|broccoli|chili|martini|tsunami|origami|yeti|okapi|emoji|wiki|hifi|uni|kripo|stasi|gestapo|juso|jusos|azzurri|tifosi|paparazzi|juli|torpedo|tornado|techno|jumbo|bingo|crescendo|casting)$/;

/** A German noun of a person's role or a kind of named thing, which German writes right before the name (Trainer Sarri, Hyperschallrakete Zirkon). */
export const GERMAN_ROLE = /^\p{Lu}\p{Ll}*(?:trainer|trainerin|coach|minister|ministerin|präsident|präsidentin|kanzler|kanzlerin|sprecher|sprecherin|chef|chefin|boss|profi|spieler|spielerin|stürmer|stürmerin|verteidiger|verteidigerin|torwart|torhüter|torhüterin|kapitän|kapitänin|sänger|sängerin|schauspieler|schauspielerin|regisseur|regisseurin|autor|autorin|direktor|direktorin|bürgermeister|bürgermeisterin|musiker|musikerin|rapper|rapperin|manager|managerin|gründer|gründerin|weltmeister|weltmeisterin|olympiasieger|olympiasiegerin|legende|rakete|fregatte|schiff|flugzeug|hurrikan|taifun|sturmtief|tief)$/u;

/** A German word's English cognate in the unit: a word, or two or three written together, that share its first letters (seven tenths of it, five at least), a German k or z read as c. */
export function cognate(folded: string, words: TargetWord[], text: string): boolean {
  const key = folded.replace(/[kz]/g, 'c');
  const need = Math.min(key.length, Math.max(5, Math.ceil(key.length * 0.7)));
  const shares = (w: string) => w.length >= need && w.slice(0, need).replace(/[kz]/g, 'c') === key.slice(0, need);
  const next = (i: number) => i + 1 < words.length && /^[\s-]+$/.test(text.slice(words[i].end, words[i + 1].start));
  return words.some((w, i) => shares(w.folded) || (next(i) && (shares(w.folded + words[i + 1].folded) || (next(i + 1) && shares(w.folded + words[i + 1].folded + words[i + 2].folded)))));
}

/** How English spells a name German spells its own way, compared with a word of the translation (its last part after a hyphen, anti-Netanyahu): Baschar: Bashar, Tschad: Chad, Netanjahu: Netanyahu, Wladimir: Vladimir. */
export function englishSpelling(folded: string, word: string): boolean {
  if (!/sch|j|^w/.test(folded)) return false;
  const english = folded.replace(/tsch/g, 'ch').replace(/sch/g, 'sh').replace(/j/g, 'y');
  const last = word.slice(word.lastIndexOf('-') + 1);
  return last === english || last === english.replace(/^w/, 'v');
}
