// Names in a source and their counterparts in the translation. In a Cyrillic source, a name is a
// capitalised word inside a sentence (or a known one anywhere); it is found in the translation
// when a word there has the same romanisation key (romanise.ts), so Sergei/Sergey, Kharkiv/Kharkov
// and the source's case endings (Лаврова, Лавровым) all meet. A word one letter away from a
// name that is not found is a misspelling; a person or place the source surely names that has
// no counterpart at all is missing. In a Latin-script source, names are carried over letter for
// letter (diacritics may be dropped).
//
//   source  Лавров заявил, что Зеленский …     target  Lavor said that Zelensky …
//           ^^^^^^ lvrv  ^ not found                   ^^^^^ lvr: one letter from lvrv → Lavrov

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { editDistance, similarity } from '../names/similarity.js';
import { russianCommonWords } from './lexicon.js';
import { germanWord } from './lexicon-de.js';
import { czechTown } from './names-cs.js';
import { cyrillicKey, keyDistance, latinKeys, plainLatin, plausibleRendering, romanise, type RomanisationTable } from './romanise.js';

export interface Place {
  name: string;
  accepted: string[];
  kind: 'country' | 'place' | 'town';
  /** Its Cyrillic names, in the nominative and lower case (places.tsv). */
  cyrillic?: string[];
}

/** What the checks know about names, read from rules/source/places.tsv and the names gazetteer. */
export interface NameFacts {
  /** Places by the stem of each of their Cyrillic names (cyrillicStem). */
  places: Map<string, Place>;
  /** Spellings of known people's surnames, by key (most frequent first). */
  surnames: Map<string, string[]>;
  /** Known given names in lower case (of people the gazetteer lists with a given name and a surname). */
  given: Set<string>;
  /** The same, as written. */
  givenForms: string[];
  /** Folded Latin tokens of every known name (people, places, countries, demonyms, exonyms): never misspellings. */
  latin: Set<string>;
  /** Places by the names other languages give them (rules/source/exonyms.tsv), by exonymKey: Španělska, Moskau, Вена. */
  exonyms: Map<string, Place>;
  /** The gazetteer's places of one word, folded, as English writes them (Leipzig, Washington): a Latin-script source carries them over. */
  latinPlaces: Set<string>;
  /** The gazetteer's places of two capitalised words, folded (buenos aires, tel aviv). */
  latinPlacePairs: Set<string>;
  /** The gazetteer's people's surnames of four letters or more, folded (Putin, Zelensky). */
  latinSurnames: Set<string>;
  /** Towns of 15,000 people or more (rules/source/towns.txt), folded, with their names in other languages, folded. */
  latinTowns: Map<string, string[]>;
  /** The gazetteer's places by their other names of five letters or more a letter or two from the English name, folded (lissabon, genua): their names, folded. */
  latinTownsByOther: Map<string, string[]>;
  /** Common Czech given names (rules/source/czech-given-names.txt), folded: jan, vojtech, jana. */
  czechGiven: Set<string>;
}

const factsCache = new Map<string, NameFacts>();

/** The facts from these files, read once per process (each file is optional). */
export function loadNameFacts(placesFile: string, gazetteerFile: string): NameFacts {
  const id = `${placesFile}\u0000${gazetteerFile}`;
  let facts = factsCache.get(id);
  if (facts) return facts;
  facts = { places: new Map(), surnames: new Map(), given: new Set(), givenForms: [], latin: new Set(), exonyms: new Map(), latinPlaces: new Set(), latinPlacePairs: new Set(), latinSurnames: new Set(), latinTowns: new Map(), latinTownsByOther: new Map(), czechGiven: new Set() };
  const exonyms = join(dirname(placesFile), 'exonyms.tsv');
  if (existsSync(exonyms)) {
    for (const line of readFileSync(exonyms, 'utf8').split('\n')) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const [name, accepted, forms, kind] = line.split('\t');
      // (A country or a region is required only after a preposition, "v Česku", not "české vlády"; a city anywhere: Madridu, Kyjevě.)
      const place: Place = { name, accepted: accepted ? accepted.split('|') : [], kind: kind === 'place' ? 'place' : 'country' };
      for (const f of [name, ...place.accepted]) for (const t of f.split(/\s+/)) if (/^\p{Lu}/u.test(t)) facts.latin.add(foldLatin(t));
      // (Names of one word only: the words of a longer one, Blízký východ, Nová Kaledonie, are common words.)
      // (The English names themselves first: Monaco is Monaco before it is Munich in Italian.)
      for (const whole of [name, ...(forms ?? '').split('|')]) {
        // (A name of two words whose first is an adjective is found by its noun: Velká Británie, Británie.)
        const words = whole.split(/\s+/);
        const form = words.length === 2 && /(?:[áéýíaeyo]|er|en|es)$/.test(words[0]) && /^\p{Lu}\p{Ll}{4,}$/u.test(words[1]) ? words[1] : whole;
        if (/\s/.test(form)) continue;
        const key = exonymKey(form);
        // (A city's English name's key of four letters meets too many words: Langouo, Lange; its other names are longer, but
        // for the few written by hand: Wien, Prag.)
        if (key.length >= (kind === 'country' || (whole !== name && whole.length === 4) ? 4 : 5) && !facts.exonyms.has(key)) facts.exonyms.set(key, place);
      }
    }
  }
  if (existsSync(placesFile)) {
    const lines = readFileSync(placesFile, 'utf8').split('\n');
    // The noun of two or more such names is a common noun (Доминиканская Республика, Центральноафриканская Республика): no key.
    const nouns = new Map<string, number>();
    for (const line of lines) for (const c of (line.split('\t')[2] ?? '').split('|')) if (/^\S+[ая] \S+$/.test(c)) nouns.set(c.split(' ')[1], (nouns.get(c.split(' ')[1]) ?? 0) + 1);
    for (const line of lines) {
      if (line.startsWith('#') || line.trim() === '') continue;
      const [name, accepted, cyrillic, kind] = line.split('\t');
      const place: Place = { name, accepted: accepted ? accepted.split('|') : [], kind: kind === 'country' || kind === 'town' ? kind : 'place', cyrillic: (cyrillic ?? '').toLowerCase().split('|') };
      for (const c of (cyrillic ?? '').split('|')) {
        // A name of two words whose first is an adjective is found by its noun (Саудовская Аравия: Аравия).
        const words = c.split(/\s+/);
        if (words.length > 2 || (words.length === 2 && (!/(?:ая|яя|ий|ый|ой|ое|ые|ие|ій|а|е|і|я)$/.test(words[0]) || (nouns.get(words[1]) ?? 0) >= 2))) continue;
        for (const word of words.slice(-1)) {
          if (word.length < 3) continue;
          const stem = cyrillicStem(word);
          // Countries and the most populous places come first: the first place with a stem keeps it.
          if (stem.length >= 3 && !facts.places.has(stem)) facts.places.set(stem, place);
        }
      }
    }
  }
  const czechGiven = join(dirname(placesFile), 'czech-given-names.txt');
  if (existsSync(czechGiven)) for (const line of readFileSync(czechGiven, 'utf8').split('\n')) if (!line.startsWith('#') && line.trim() !== '') facts.czechGiven.add(foldLatin(line.trim()));
  // Towns of 15,000 people or more (GeoNames), by their own one-word names: places of Latin-script sources.
  const towns = join(dirname(placesFile), 'towns.txt');
  if (existsSync(towns)) {
    for (const line of readFileSync(towns, 'utf8').split('\n')) {
      if (line.startsWith('#') || line === '') continue;
      const [name, others] = line.split('\t');
      facts.latinTowns.set(foldLatin(name), others ? others.split('|').map(foldLatin) : []);
      facts.latin.add(foldLatin(name));
    }
  }
  if (existsSync(gazetteerFile)) {
    const counts = new Map<string, Map<string, number>>();
    for (const line of readFileSync(gazetteerFile, 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      const [type, name, accepted, , other] = line.split('\t');
      if (type !== 'person' && type !== 'place') continue;
      const forms = [name, ...(accepted ? accepted.split('|') : [])];
      // Other forms (exonyms, names in other languages: Napoli, Praha) are known, never misspellings.
      for (const form of other ? other.split('|') : []) for (const t of form.split(/\s+/)) if (/^\p{Lu}/u.test(t)) facts.latin.add(foldLatin(t));
      // A place's other names of one word a letter or two from its English name, as German spells many (Lissabon,
      // Genua, Florenz). (Not one far from it, Hermannstadt: Sibiu, which translations often keep beside the other.)
      if (type === 'place' && other) {
        for (const form of other.split('|')) {
          const f = foldLatin(form);
          if (/^\p{Lu}\p{Ll}{4,}$/u.test(form) && !facts.latinTowns.has(f) && f[0] === foldLatin(name)[0] && editDistance(f, foldLatin(name)) <= 2) facts.latinTownsByOther.set(f, [...(facts.latinTownsByOther.get(f) ?? []), ...forms.map(foldLatin)]);
        }
      }
      for (const form of forms) {
        const tokens = form.split(/\s+/).filter((t) => /^\p{Lu}/u.test(t));
        for (const t of tokens) facts.latin.add(foldLatin(t));
        if (type === 'place' && /^\p{Lu}\p{Ll}{3,}$/u.test(form)) facts.latinPlaces.add(foldLatin(form));
        if (type === 'place' && /^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u.test(form)) facts.latinPlacePairs.add(foldLatin(form));
        if (type === 'person' && tokens.length >= 2 && /^\p{Lu}\p{Ll}{3,}$/u.test(tokens[tokens.length - 1])) facts.latinSurnames.add(foldLatin(tokens[tokens.length - 1]));
        if (type !== 'person' || tokens.length < 2) continue;
        if (!facts.given.has(tokens[0].toLowerCase())) facts.givenForms.push(tokens[0]);
        facts.given.add(tokens[0].toLowerCase());
        const surname = tokens[tokens.length - 1];
        for (const key of latinKeys(surname)) {
          let byKey = counts.get(key);
          if (!byKey) counts.set(key, (byKey = new Map()));
          byKey.set(surname, (byKey.get(surname) ?? 0) + 1);
        }
      }
    }
    for (const [key, spellings] of counts) facts.surnames.set(key, [...spellings].sort((a, b) => b[1] - a[1]).map(([s]) => s));
  }
  // Country names, other spellings and demonyms, beside the gazetteer (Belgian, Czechs): known.
  const countries = join(dirname(gazetteerFile), 'countries.tsv');
  if (existsSync(countries)) {
    for (const line of readFileSync(countries, 'utf8').split('\n')) {
      if (line.startsWith('#')) continue;
      for (const t of (line.split('\t')[1] ?? '').split(/\s+/)) if (/^\p{Lu}/u.test(t)) facts.latin.add(foldLatin(t));
    }
  }
  factsCache.set(id, facts);
  return facts;
}

/** The key of a place's name in another language: its stem without a final vowel, lower case, no diacritics (Španělsko, Španělska: spanelsk). */
export function exonymKey(word: string): string {
  return /\p{Script=Cyrillic}/u.test(word) ? cyrillicStem(word) : foldLatin(word).replace(/[aeiouy]+$/, '');
}

/** The place a source word names in its own language (Česku, Španělska, Moskau), by exonymKey with and without a case ending. */
export function exonymOf(word: string, facts: NameFacts): Place | undefined {
  const direct = facts.exonyms.get(exonymKey(word));
  if (direct || /\p{Script=Cyrillic}/u.test(word)) return direct;
  const folded = foldLatin(word);
  const m = LATIN_CASE_ENDING.exec(folded);
  for (let cut = 1; m && cut <= m[0].length; cut++) {
    const key = folded.slice(0, folded.length - cut).replace(/[aeiouy]+$/, '');
    // (Keys of four letters are countries', Česko: cesk; a city's key has five or more.)
    if (key.length >= 4 && facts.exonyms.has(key)) return facts.exonyms.get(key);
  }
  return undefined;
}

/**
 * A Latin-script name as English writes it when it transliterates the letters with a háček (Geševa:
 * Gesheva; Hadžigenov: Hadzhigenov, Hadjigenov, Hajigenov), a Czech j or u, or a German umlaut
 * (Solejmání: Soleimani, Musáví: Mousavi, Württemberg: Wuerttemberg). Remembered: every word of a
 * unit is compared with every source name.
 */
function transliterations(word: string): string[] {
  let out = translitCache.get(word);
  if (!out) {
    if (translitCache.size >= 10_000) translitCache.clear();
    translitCache.set(word, (out = transliterate(word)));
  }
  return out;
}
const translitCache = new Map<string, string[]>();

function transliterate(word: string): string[] {
  const lower = word.toLowerCase();
  const out: string[] = [];
  // A Slavic adjective's ending as Czech writes it (Zelenskyj, Dostojevskij: Zelensky); a j before a
  // vowel where English writes y (Netanjahu: Netanyahu, Jelzin: Yeltsin).
  if (/[iy]j$/.test(lower)) out.push(foldLatin(lower.replace(/[iy]j$/, 'y')));
  if (/j[aeiou]/.test(lower)) out.push(foldLatin(lower).replace(/j(?=[aeiou])/g, 'y'));
  if (/[čšžćđ]/.test(lower)) {
    const en = lower.replace(/č|ć/g, 'ch').replace(/š/g, 'sh').replace(/ž/g, 'zh').replace(/đ/g, 'dj');
    // (Also dž as dj, Hadjigenov; and dj as the letter đ it stands for, Djuričić: Đuričić.)
    out.push(foldLatin(en), foldLatin(en.replace(/d?zh/g, 'j')), foldLatin(en.replace(/dzh/g, 'dj')), foldLatin(lower).replace(/dj/g, 'd'));
  }
  const folded = foldLatin(lower);
  // A j between a vowel and a consonant, which English writes i or y (Solejmání: Soleimani, Soleymani; Šojgu: Shoigu).
  const vowelJ = /(?<=[aeiou])j(?=[^aeiouyj])/g;
  if (/(?<=[aeiou])j(?=[^aeiouyj])/.test(folded)) for (const v of [folded, ...out]) out.push(v.replace(vowelJ, 'i'), v.replace(vowelJ, 'y'));
  // The letters Czech writes for an Arabic or Persian name's ou and initial q (Musáví: Mousavi; Kásem: Qasem).
  if (folded.includes('u')) out.push(folded.replace(/u/g, 'ou'));
  if (folded.startsWith('k')) out.push(`q${folded.slice(1)}`);
  // A Slavic surname's s between vowels, which English often doubles after the French and German romanisations (Borisova: Borissov).
  if (/[aeiouy]s[aeiouy]/.test(folded) && /(?:ov|ev|in)(?:a|u|em|ovi|e|y|ou|i|ym|ych)?$/.test(folded)) out.push(folded.replace(/(?<=[aeiouy])s(?=[aeiouy])/g, 'ss'));
  // A German umlaut written out (Württemberg: Wuerttemberg); a German k where English writes c, before a, o or u
  // (Zirkon: Zircon; not a final k, Novák: Novac is misspelt).
  if (/[äöü]/.test(lower)) out.push(foldLatin(lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')));
  if (/k(?=[aou])/.test(folded)) out.push(folded.replace(/k(?=[aou])/g, 'c'));
  return out;
}

/** Lower case without diacritics: how a name carried over from a Latin-script source is compared. */
export function foldLatin(word: string): string {
  return word.toLowerCase().replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').replace(/['’]/g, '');
}

/** A name word of the source. */
export interface NameToken {
  start: number;
  end: number;
  text: string;
  /** Keys it may match (Cyrillic: also without a case ending's consonant; Latin: the folded word). */
  keys: string[];
  place?: Place;
  surnames?: string[];
  given: boolean;
  /** A case form of a known given name (Сергею, Рекса), a given name only before a surname. */
  givenOblique?: boolean;
  /** A patronymic (Владимирович): translations leave it out. */
  patronymic: boolean;
  /** An adjective (Российской): translated, not romanised. */
  adjective: boolean;
  /** For a place's adjective, the place's name it comes from (Волгоградской: волгоград). */
  noun?: string;
  /** A Latin-script source's word the gazetteer knows as a place's or a person's name as English writes it (Washingtonu, Putina). */
  known?: 'place' | 'person';
  /** A town's names in other languages (rules/source/towns.txt), folded: Konstanz is Constance in English. */
  alternates?: string[];
}

/** Adjacent name words: one person's or place's name. */
export interface NameRun {
  tokens: NameToken[];
  /** Surely a name of a person or a place (known, or a given name and a surname). */
  sure: boolean;
  /** Inside quotation marks: a title or an organisation's name, often translated. */
  quoted: boolean;
  /** One unknown word at the start of a sentence: perhaps not a name at all. */
  initial: boolean;
}

const CYR_WORD = /[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+(?:-[А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ'’]+)*/gu;
// (Each part of a hyphenated word is a word of its own, as the translation's are, and a run of its
// own: Rakoczy-Fest, Düsseldorf-Garath, Tennet-Geschäftsführer Tim Meyerjürgens.)
const LATIN_WORD = /(?<![\p{L}\p{M}])\p{Lu}[\p{Ll}\p{M}'’]+/gu;
const CASE_ENDING = /(?:ым|им|ом|ем|ого|его|ому|ему|ых|их|ами|ями|ах|ях|ою|ею)$/;
/** Adjective endings: "Российской", "Олимпийских" are adjectives, translated as such. */
// (Not the one-letter endings after -ск: Минска is Minsk's genitive; only the Ukrainian -ська, -ське.)
const ADJECTIVE = /(?:[сц]к)(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими|ом|ої|ій|ою)$|[сц]ьк(?:а|е|і|у|ий|ої|ою|ого|ому|им|их|ими)$|н(?:ый|ий|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ых|их|ую|юю|ыми|ими|ої|ій)$|(?:ов|ев|ин)(?:ого|ому|ая|ое|ие|ые|ий|ый)$/;
/** A place's adjective and its noun: Волгоградской → Волгоград, Хабаровского → Хабаровск. */
const PLACE_ADJECTIVE = /^(.{3,}?)(?:ск|цк|ськ|цьк)(?:ий|ый|ой|ая|ое|ие|ые|ого|его|ому|ым|им|ых|их|ую|ыми|ими|ом|ої|ій|ою|а|е|і|у)$/;

/** A region's noun after a place's adjective (Краснодарском крае, Волгоградской области, Вологодскую и Архангельскую области). */
export const REGION_NOUN = /^\s+(?:и\s+\S+\s+)?(?:кра[йяюеё]|област|округ|район|губерни|уезд)/;

/** A Cyrillic word without its case ending and final vowels: Москве, Москвы, Москва → москв; Киевом → киев. */
export function cyrillicStem(word: string): string {
  return word
    .toLowerCase()
    .replace(/(?:ами|ями|ого|его|ому|ему|ом|ем|ём|ым|им|ах|ях|ою|ею)$/, '')
    .replace(/[аеёиіїоуыэюяєйь]+$/, '');
}
const PATRONYMIC = /(?:ович|евич|ьич|овна|евна|ична|инична|ійович|йович|ївна|іївна)$/;

/** Offsets that are inside quotation marks «…», „…“, "…", “…”. */
function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /«[^»]*»|„[^“”]*[“”]|"[^"]*"|“[^”]*”/g;
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function sentenceInitial(text: string, at: number): boolean {
  // (Not after a Russian abbreviation or an initial: г. Краснодар, ул. Красная, о. Владимир, В. Путин.)
  if (/(?:^|[\s(«"])(?:г|гг|ул|пос|пгт|им|ст|св|о|[А-ЯЁІЇЄ])\.\s*$/u.test(text.slice(Math.max(0, at - 6), at)) && at >= 3) return false;
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /(?:^|[.!?…:;]\s*|[.!?…]["»”)]\s*|^\s*[«"„“(—–-]\s*)$/.test(before) || /\n\s*$/.test(text.slice(Math.max(0, at - 3), at));
}

/** Name runs of a Cyrillic source; `tables` romanise given names to look them up. */
export function cyrillicRuns(text: string, facts: NameFacts, tables: RomanisationTable[]): NameRun[] {
  const runs = runsOf(text, CYR_WORD, (word, start, end, initial) => {
    const key = cyrillicKey(word);
    const lower = word.toLowerCase();
    const keys = [key];
    if (CASE_ENDING.test(lower) && key.length > 3) keys.push(key.slice(0, -1));
    const stem = cyrillicStem(word);
    // (A place's name in -ай or -ая declines like an adjective, Костаная: Костанай; it is the place.)
    // (Nor a town in -ск in the instrumental, под Омском, с Томском: after a preposition that asks for it, or no noun after it.)
    const instrumental = /[сц]ком$/.test(lower) && (/(?:^|[\s(])(?:с|со|под|над|за|перед|между)\s+$/i.test(text.slice(Math.max(0, start - 8), start)) || !/^\s+(?!и\s)[а-яё]/.test(text.slice(end, end + 4))) && !!facts.places.get(cyrillicStem(lower.slice(0, -2)))?.cyrillic?.includes(lower.slice(0, -2));
    let adjective = ADJECTIVE.test(lower) && !instrumental && !(stem.length >= 5 && facts.places.get(stem)?.cyrillic?.some((n) => /[ая]й$/.test(n) && declines(n, lower)));
    // A capital at the start of a sentence may be any word (Президент, Авария): there, only a country's name counts.
    // (A stem of three letters only for a country: Китая, Ливии.)
    let found = adjective || stem.length < 3 ? undefined : facts.places.get(stem) ?? (word.length >= 5 ? facts.exonyms.get(stem) : undefined);
    if (found && stem.length < 4 && found.kind !== 'country') found = undefined;
    // (A country's stem of three letters that a common word shares: Сама is no Samoa, Того no Togo; and
    // only the name's own case forms, Китая, Чаду, but Мало is no Mali.)
    if (found && stem.length < 4 && (russianCommonWords()?.has(lower.replace(/ё/g, 'е')) || !found.cyrillic?.some((n) => declines(n, lower)))) found = undefined;
    // (A place other than a country, only in its own case forms: Совета is no Soweto, whose name Совето does not decline.)
    if (found && found.kind !== 'country' && found.cyrillic && !found.cyrillic.some((n) => declines(n, lower))) found = undefined;
    // A place's adjective (Волгоградской области: the Volgograd region) is read as the place's name.
    const adj = adjective ? PLACE_ADJECTIVE.exec(lower) : null;
    let noun: string | undefined;
    if (adj) {
      // Only a country or a place the gazetteer knows: a town's name may be any adjective (Черноморск, Северный).
      // …whose English name is a plausible romanisation of the noun (Волгоградской: Volgograd; Советской is no Soweto).
      // (Also with the -ен- or the fleeting о that the adjective adds: Пензенской, Пенза; Вологодской, Вологда;
      // or a soft sign the adjective drops: Тверской, Тверь.)
      const bare = [adj[1].replace(/ен$/, ''), adj[1].replace(/о(?=[бвгдзклмнпрстфхцчшщ]$)/, '')].filter((b) => b !== adj[1] && b.length >= 4);
      // (Before a region's noun, a town too: Городищенском районе, the Gorodishche district.)
      const region = REGION_NOUN.test(text.slice(end, end + 40));
      const candidates = [`${adj[1]}ск`, `${adj[1]}цк`, `${adj[1]}ль`, `${adj[1]}ь`, ...(adj[1].length >= 5 ? [adj[1]] : []), ...bare];
      const of = (kinds: Place['kind'][]) =>
        candidates.find((b) => {
          const p = facts.places.get(cyrillicStem(b));
          // (And the adjective begins with the place's Russian name but its last vowel, or -ия, or is a form of it: Коломойского
          // is not Коломыя's, коломы-; Эстонскую is Эстония's, Адмиралтейской Адмиралтейский's.)
          return p !== undefined && kinds.includes(p.kind) && [p.name, ...p.accepted].some((e) => plausibleRendering(b).test(plainLatin(e.split(/[\s-]/)[0]))) && (!p.cyrillic || p.cyrillic.some((n) => adjectiveOf(n, b) || cyrillicStem(n) === stem));
        });
      noun = of(['country', 'place']) ?? (region ? of(['town']) : undefined);
      if (noun) {
        found = facts.places.get(cyrillicStem(noun));
        adjective = false;
        keys.splice(0, keys.length, cyrillicKey(noun));
      }
    }
    const place = found && (!initial || found.kind === 'country') ? found : undefined;
    // A surname the gazetteer knows, by its key: only inside a sentence, and keys of three letters or
    // more (four for an adjective's form, Зеленский, Навального: nvln): shorter ones meet too many words.
    const byKey = initial ? undefined : keys.map((k) => (k.length >= (adjective ? 4 : 3) ? facts.surnames.get(k) : undefined)).find((x) => x !== undefined);
    // …and one of its spellings a plausible romanisation of the word (Главном is no Golovin).
    const surnames = byKey?.some((f) => plausibleRendering(word).test(plainLatin(f))) ? byKey : undefined;
    const isGiven = (g: string) => tables.some((t) => facts.given.has(romanise(g, t).toLowerCase()));
    const given = isGiven(word);
    // (A case form of a given name, Сергею, Рекса: only before a surname, checked below.)
    const givenOblique = !given && givenNominatives(word).slice(1).some(isGiven);
    return { start, end, text: word, keys, place, surnames, given, ...(givenOblique ? { givenOblique } : {}), patronymic: PATRONYMIC.test(lower), adjective, ...(noun && place ? { noun } : {}) };
  });
  return runs.flatMap((run) => {
    const t = run.tokens;
    // A given name's case form is one before a surname (Сергею Гришко, Рекса Тиллерсона, Владимира Зелинского;
    // not Георгия Победоносца, Марка Аврелия: a saint's or an emperor's epithet).
    for (let i = 0; i + 1 < t.length; i++) if (t[i].givenOblique && (t[i + 1].surnames || SURNAME_LIKE.test(t[i + 1].text.toLowerCase()))) t[i].given = true;
    // After a given name, a word like an adjective is a surname (Владимира Зелинского, Фёдора Достоевского).
    for (let i = 1; i < t.length; i++) if (t[i].adjective && t[i - 1].given && !t[i - 1].adjective) t[i].adjective = false;
    // A patronymic follows a given name; a word in -ович alone is a surname (Покатович, Лисакович).
    for (let i = 0; i < t.length; i++) if (t[i].patronymic && !(i > 0 && t[i - 1].given)) t[i].patronymic = false;
    // A place's or a person's name before a given name and a surname is a name of its own
    // (президент Украины Владимир Зеленский, главы Дагестана Владимир Васильев).
    const at = t.findIndex((x, i) => i > 0 && x.given && i + 1 < t.length && !t[i - 1].given && !t[i - 1].patronymic);
    if (at < 0) return [run];
    const part = (tokens: NameToken[]): NameRun => ({ tokens, sure: run.sure, quoted: run.quoted, initial: false });
    return [{ ...part(t.slice(0, at)), initial: run.initial }, part(t.slice(at))];
  });
}

/** An adjective's base `b` (хабаровск, тверь, эстон) is made of the place's name `name` but its last vowel or -ия (Хабаровск, Тверь, Эстония; not Коломия for коломой). */
function adjectiveOf(name: string, b: string): boolean {
  const base = name.replace(/(?:ия|ья|[аеёиоуыэюяйь])$/, '');
  return b.startsWith(base) && /^(?:ск|цк|ь)?$/.test(b.slice(base.length));
}

/** `word` is the nominative `name` or one of its case forms (китай: китая, китаем; чад: чаду; мали: мали only). */
function declines(name: string, word: string): boolean {
  if (word === name) return true;
  // (An adjective's forms, Грозный: Грозном; a plural's, Нидерланды: Нидерландах; a noun's.)
  if (/(?:ый|ий|ой)$/.test(name)) return word.startsWith(name.slice(0, -2)) && /^(?:ого|его|ому|ему|ом|ем|ым|им)$/.test(word.slice(name.length - 2));
  if (/[ыи]$/.test(name)) return word.startsWith(name.slice(0, -1)) && /^(?:ов|ев|ей|ам|ям|ами|ями|ах|ях)$/.test(word.slice(name.length - 1));
  const stem = /[аяйь]$/.test(name) ? name.slice(0, -1) : /[бвгдзклмнпрстфхцчшщж]$/.test(name) ? name : null;
  return stem !== null && word.startsWith(stem) && /^(?:а|я|у|ю|е|и|ы|ой|ей|ом|ем|ю|ою|ею)$/.test(word.slice(stem.length));
}

/** How Russian surnames and Russian forms of foreign ones end, in any case (Гришко, Зелинского, Тиллерсона, Панченко). */
// (-ко, -дзе, -швили do not decline: Гришко, Панченко; Тинькоу is no case form.)
const SURNAME_LIKE = /(?:(?:ов|ев|ёв|ин|ын|ск|цк|ук|юк|чук|ич|ян|он|ер|ман|сон)(?:а|у|ым|ом|е|ой|ою|ых|ыми|ого|ому|им|ий|ая|ую)?|ко|дзе|швили)$/;

/** A Cyrillic given name and the nominatives its case form may have (Сергею, Сергея: Сергей; Ивана: Иван; Марины: Марина; Игорем: Игорь). */
function givenNominatives(word: string): string[] {
  const m = /^(.{3,}?)(?:ами|ями|ом|ем|ой|ей|ою|ею|а|я|у|ю|е|ы|и)$/.exec(word);
  return m ? [word, ...['', 'й', 'ь', 'а', 'я'].map((e) => m[1] + e)] : [word];
}

/**
 * Name runs of a Latin-script source (also the Latin-script words of any other source), each part of
 * a hyphenated word a word of its own. A word the gazetteer knows as a place or a person's surname is
 * marked `known` in Czech, which capitalises names only; in German, which capitalises every noun
 * (Essen, Mann, Park), only a place no article makes a noun (`lang`: the source's language).
 */
export function latinRuns(text: string, facts: NameFacts, lang = '', realName: (folded: string) => boolean = () => false): NameRun[] {
  return runsOf(text, LATIN_WORD, (word, start, end, initial) => {
    const folded = foldLatin(word);
    // A place or a person the gazetteer knows by the English name the source carries over, declined
    // or not (Washingtonu, Putina, Zelenského). (In German, which capitalises nouns, only places —
    // Wolf and Mann are surnames — and only where no article says it is a noun: das Essen.)
    const place = exonymOf(word, facts);
    // A German adjective of a place the gazetteer or the exonyms know is compared as the place (Londoner: London).
    const adjective = lang === 'de' ? /^(\p{Lu}\p{Ll}{3,}?)er(?:n|s|in|innen)?$/u.exec(word) : null;
    if (adjective && (exonymOf(adjective[1], facts) || facts.latinPlaces.has(foldLatin(adjective[1])) || facts.latinTowns.has(foldLatin(adjective[1])))) {
      return { start, end, text: word, keys: [foldLatin(adjective[1])], noun: adjective[1], given: false, patronymic: false, adjective: false };
    }
    let known: NameToken['known'];
    let alternates: string[] | undefined;
    let other: string[] | undefined;
    if (!place && lang === 'cs') {
      // (Opening a sentence, only a person's surname: Putin podle Kremlu…)
      const forms = [folded, folded.replace(/[iy]j$/, 'y')].flatMap(latinForms).filter((f) => f.length >= 5);
      known = !initial && forms.some((k) => facts.latinPlaces.has(k)) ? 'place' : forms.some((k) => facts.latinSurnames.has(k)) ? 'person' : undefined;
      // (A smaller town inside a sentence, in a noun's case, or a region named after it: Kolíně, Brně, Drážďanech, Hodonínsku; czechTown.)
      const town = known || initial ? undefined : czechTown(word, text.slice(end, end + 40), facts);
      if (town) {
        known = 'place';
        alternates = town;
      }
    } else if (!place && lang === 'de' && placePair(text, start, end, facts)) {
      // (A place of two words the gazetteer knows: in Buenos Aires, Tel Aviv.)
      known = 'place';
    } else if (!place && !initial && lang === 'de' && folded.length >= 4 && !GERMAN_NOUN_BEFORE.test(text.slice(Math.max(0, start - 16), start)) && !/^\s+(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/.test(text.slice(end, end + 12))) {
      // (In German, which capitalises nouns, only places — Wolf and Mann are surnames —, inside a sentence, with no
      // article, number or adjective before them (das Essen, in der Halle) and no month after them (Mitte Mai).)
      if (folded.length >= 5 && (facts.latinPlaces.has(folded) || (folded.endsWith('s') && facts.latinPlaces.has(folded.slice(0, -1))))) known = 'place';
      // (A smaller town only after a preposition of place: bei Aschaffenburg, but zu Boden is no Boden; one of
      // four letters, in Linz, unless German has a noun of that name: aus Horn, nach Raub.)
      else if (facts.latinTowns.has(folded) && (folded.length >= 5 || !GERMAN_NOUN_TOWNS.has(folded)) && TOWN_BEFORE.test(text.slice(Math.max(0, start - 12), start))) {
        known = 'place';
        alternates = facts.latinTowns.get(folded);
      }
      // (A smaller place no list knows, by the shape of German places' names, after a preposition of place or
      // another such place: in Mamming, zwischen Engen und Geisingen, aus Richtung Nellingen.)
      // (Also after a place's institution or a point of its roads, as German writes them: Feuerwehr Hofgeismar, Einmündung Donnersdorf.)
      else if (germanPlaceShape(word) && (PLACE_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || TOWN_AND_BEFORE.test(text.slice(Math.max(0, start - 60), start)))) known = 'place';
      // (A person named after a verb of saying, a quotation's or inverted: „…", sagte Grindel; …, so Seibert.)
      else if (saidBy(text, start, end)) known = 'person';
      // (A word with a letter German never writes is a foreign name, Sané, Higuaín, Coruña — though without its accent it
      // may be an English word, sane —, unless a loanword German writes so, Café, Straßencafés, Rosé.)
      else if (/[áàâãåéèêëíìîïóòôõøúùûñçćčěłńřśšźżžýőű]/.test(word) && !/(?:café|varieté|exposé|dekolleté|séance|crème|rosé|négligé|entrée|résumé|soirée|attaché|protégé|kommuniqué|communiqué|coupé|renommée|chicorée|pâté|purée|soufflé|flambé|glacé|frappé|dragée|tournée|fiancé|abbé|cliché)s?$/.test(word.toLowerCase())) known = 'person';
      // (Also a place by another of its names after a preposition of place: the gazetteer's, as German spells it, in Lissabon;
      // a town's of six letters or more that is no German noun, in Hermannstadt: Sibiu, nach Pressburg: Bratislava. Not
      // Wladimir Putin, though Vladimir is a town.)
      else if (TOWN_BEFORE.test(text.slice(Math.max(0, start - 12), start)) && (other = placeByOtherName(word, facts))) {
        known = 'place';
        alternates = other;
      }
      // (A spa town, Bad Kissingen, Bad Kötzting; a place named after a person, a given name that is no German word before a
      // place's noun: Ludwigshafen, Wilhelmshaven; not Kleinstadt, Grenzstadt.)
      else if (/(?:^|[\s(„"])Bad\s+$/u.test(text.slice(Math.max(0, start - 5), start)) || givenPlace(word, (g) => (facts.given.has(g) || realName(g)) && !germanWord(g[0].toUpperCase() + g.slice(1)) && !germanWord(g[0].toUpperCase() + g.slice(1) + 'e'))) known = 'place';
    }
    return { start, end, text: word, keys: [folded], ...(place ? { place } : {}), ...(known ? { known } : {}), ...(alternates?.length ? { alternates } : {}), given: facts.given.has(word.toLowerCase()), patronymic: false, adjective: false };
  });
}

/** The names of the place a German source writes by another of its names (lissabon: lisbon…; hermannstadt: sibiu…), folded. */
function placeByOtherName(word: string, facts: NameFacts): string[] | undefined {
  const folded = foldLatin(word);
  if (!GERMAN_NOUN_TOWNS.has(folded) && facts.latinTownsByOther.has(folded)) return facts.latinTownsByOther.get(folded);
  const town = folded.length >= 6 && !germanWord(word) ? townsByOtherName(facts).get(folded) : undefined;
  return town ? [town, ...(facts.latinTowns.get(town) ?? [])] : undefined;
}

/** The towns of towns.txt by their other names (five letters or more, one town's only), folded: drazdany, Dresden. */
export function townsByOtherName(facts: NameFacts): Map<string, string> {
  let map = otherNames.get(facts);
  if (!map) {
    map = new Map();
    const shared = new Set<string>();
    for (const [town, others] of facts.latinTowns) for (const o of others) if (o.length >= 5 && !facts.latinTowns.has(o)) (map.has(o) && map.get(o) !== town ? shared.add(o) : map.set(o, town));
    for (const o of shared) map.delete(o);
    otherNames.set(facts, map);
  }
  return map;
}
const otherNames = new WeakMap<NameFacts, Map<string, string>>();

/** A German place named after a person: a given name, a linking s or not, and a place's noun (Hermannstadt, Ludwigshafen, Karlsruhe). */
function givenPlace(word: string, given: (lower: string) => boolean): boolean {
  const m = /^(\p{Lu}\p{Ll}{3,}?)s?(?:stadt|dorf|hausen|hafen|haven|burg|berg|ruhe|heim|feld|hof|au|brück|brücken)$/u.exec(word);
  return !!m && given(m[1].toLowerCase());
}

/**
 * A place's name ending as German places' names often do (Geisingen, Mamming, Donnersdorf, Kirchheim) that is no
 * common noun of that ending: written for this project by reading every capitalised word of a German word list
 * (Debian's wngerman, read on the build machine, not shipped; the words are German's, the selection ours) that ends so (the -ling nouns' plurals, Flüchtlingen; compounds of Ring, Ding, Heim, Dorf, Kirche: Ehering,
 * Pflegeheim, Nachbardorf, Staatskirchen; English -ing words inside German compounds, Konditionstraining).
 * (Not -stadt, -feld, -leben: their common nouns are many, Innenstadt, Umfeld, Privatleben.)
 */
export function germanPlaceShape(word: string): boolean {
  const lower = word.toLowerCase();
  return GERMAN_PLACE_ENDING.test(lower) && !GERMAN_NOUN_ENDING.test(lower) && !(/ingen$/.test(lower) && lower.length < 7);
}
const GERMAN_PLACE_ENDING = /.{3,}(?:ingen|ing|dorf|heim|hausen|burg|berg|bach|hofen|kirchen|furt|hagen|rode|stedt|büttel|born|brück|weiler)$/;
const GERMAN_NOUN_ENDING = new RegExp(
  [
    '(?:ungen|ring|ringen|ding|dingen|springen|bringen|klingen|schwingen|ling|linge|behagen|hochofen|elektrode|skirchen)$',
    '(?:flücht|häft|lehr|zwil|schmetter|lieb|früh|feig|sträf|säug|prüf|dring|neu|schütz|fremd|spröss|zög|günst|häupt|kömm|misch|dril|vier|fünf|schäd|setz|steck|säm|keim|find|sonder|schwäch|wüst|lüst|täuf|roh|erst|jüng|pfleg|winz|spät|söld|pfiffer|enger|sper|stich|hänf|fäust|bück|anlern|schreiber|naiv|weich|wild|schöss)lingen$',
    '(?:training|marketing|holding|sharing|funding|climbing|publishing|coating|listing|splitting|aliasing|hering|messing|fasching|wirsing|pudding|lemmingen|lemming|smoking|ophagen)$',
    '(?:alters|alten|pflege|kinder|jugend|wohn|studenten|flüchtlings|asyl\\p{Ll}*|tier|senioren|obdachlosen|erholungs|erziehungs|freizeit|eigen|schul\\p{Ll}*|säuglings|frauen|fremden|genesungs|entbindungs|dauer|ferien|heimat|kriegsblinden)heim$',
    '(?:bauern|fischer|ferien|nachbar|heimat|olympia|flüchtlings|geister|zelt|künstler|kinder|berg|bergarbeiter|winzer|indianer|haupt)dorf$',
    '(?:hoch|flucht|stamm|ritter|sand|wagen)burg$|(?:akten|aschen|papier|tafel|haus|schulden|müll|eis|wein|scherben|trümmer)berg$|(?:berg|sturz|wild|rei)bach$',
  ].join('|'),
  'u',
);


/**
 * The German source's word at start-end names who says something: right after a verb of saying that follows a
 * quotation („…", sagte Grindel. „…", erklärte Kovac,) or after sagte, meinte, ", so" (Das sagte Grindel. …, so
 * Seibert.), and before a comma or a full stop; not an answer, "sagte Nein", or people in the plural, "so Experten".
 */
function saidBy(text: string, start: number, end: number): boolean {
  if (!/^["“”»«]?[.,;:!?]/.test(text.slice(end, end + 2)) || SAID_NOT.test(text.slice(start, end))) return false;
  const before = text.slice(Math.max(0, start - 20), start);
  return SAID_AFTER_QUOTE.test(before) || /(?:^|\s)(?:sagte|sagt|meinte|meint)\s+$|,\s*so\s+$/u.test(before);
}
const SAID_AFTER_QUOTE = /["“”»«]\s*,?\s*(?:sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|ergänzte|ergänzt|so|schrieb|schreibt|warnte|warnt|kritisierte|kritisiert|bestätigte|bestätigt|fügte|fordert|forderte)\s+$/u;
const SAID_NOT = /^(?:Ja|Nein|Danke|Bescheid|Hallo|Experten|Kritiker|Beobachter|Ermittler|Analysten|Forscher|Wissenschaftler|Insider|Zeugen|Augenzeugen|Anwohner|Ärzte|Mediziner|Beamte|Diplomaten|Polizisten|Aktivisten|Teilnehmer|Behörden|Medien|Kreise|Quellen|Berichte|Fachleute|Politiker|Vertreter|Verantwortliche|Sprecher|Fans|Nutzer|Mitarbeiter|Eltern|Kollegen|Juristen|Ökonomen|Umfragen|Studien)$/u;

/** The German source's word at start-end is a word of a place of two words the gazetteer knows (Buenos Aires), inside a sentence with no article before it. */
function placePair(text: string, start: number, end: number, facts: NameFacts): boolean {
  const next = /^ (\p{Lu}\p{Ll}+)/u.exec(text.slice(end, end + 40));
  const prev = /(?<![\p{L}\p{M}])(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, start - 40), start));
  const first = next && facts.latinPlacePairs.has(foldLatin(`${text.slice(start, end)} ${next[1]}`)) ? start : prev && facts.latinPlacePairs.has(foldLatin(`${prev[1]} ${text.slice(start, end)}`)) ? start - prev[0].length : -1;
  return first >= 0 && !sentenceInitial(text, first) && !GERMAN_NOUN_BEFORE.test(text.slice(Math.max(0, first - 16), first));
}

/**
 * Towns of four letters (rules/source/towns.txt) and the gazetteer's places' other names (Lissabon) that are also
 * German nouns or their forms, folded: a list written for this project by reading those names against a German
 * word list (Debian's wngerman, as above) (Haar, Lage, Ware, Kita; Namen, Türen, Russe).
 */
const GERMAN_NOUN_TOWNS = new Set([
  'asse', 'bake', 'boom', 'deal', 'dome', 'eden', 'ende', 'haar', 'horn', 'kadi', 'kalk', 'kant', 'kita', 'lage', 'lido', 'lira', 'mine', 'mohr', 'most', 'puma', 'raub', 'saga', 'same', 'tank', 'tara', 'uran', 'ware', 'zion',
  'atlant', 'barium', 'divas', 'dramen', 'humus', 'kalis', 'kochin', 'logos', 'monster', 'muskat', 'namen', 'pilzen', 'rosette', 'russe', 'sakraments', 'tango', 'torin', 'turen',
]);

/** German prepositions of place (bei, nach, Richtung…), as a regular expression's alternatives. */
const PLACE_PREPOSITIONS = 'in|bei|nach|aus|nahe|Richtung|zwischen|von|gegen';
/** A German preposition of place right before a town's name: Boden, Allen are nouns too. */
const TOWN_BEFORE = new RegExp(`(?:^|\\s)(?:${PLACE_PREPOSITIONS})\\s+$`, 'u');
/** The same, or a place's institution or a point of its roads, which German writes before its name with no article (Feuerwehr Hofgeismar). */
const PLACE_BEFORE = new RegExp(`(?:^|\\s)(?:${PLACE_PREPOSITIONS}|Feuerwehr|Polizei|Polizeiinspektion|Polizeistation|Einmündung|Ortseingang|Ortsausgang|Ortsdurchfahrt|Anschlussstelle|Ausfahrt|Abfahrt|Bahnhof|Flughafen|Raum|Großraum|Gemeinde|Ortsteil|Stadtteil)\\s+$`, 'u');
/** A German place's name and "und" (oder) after a preposition of place, before a second place: zwischen Engen und Geisingen. */
const TOWN_AND_BEFORE = new RegExp(`(?:^|\\s)(?:${PLACE_PREPOSITIONS}|Feuerwehr|Polizei|Einmündung)\\s+\\p{Lu}[\\p{L}-]+\\s+(?:und|oder)\\s+$`, 'u');

/** What comes before a German noun: an article, a determiner or a preposition with the article in it (with an adjective or not: das große Essen), a number. */
const GERMAN_DETERMINER = 'der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein\\p{Ll}*|mein\\p{Ll}*|sein\\p{Ll}*|ihr\\p{Ll}*|unser\\p{Ll}*|dies\\p{Ll}*|jed\\p{Ll}*|im|am|zum|zur|vom|beim|ins|ans';
export const GERMAN_NOUN_BEFORE = new RegExp(`(?:^|[\\s(„"])(?:${GERMAN_DETERMINER}|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|\\d[\\d.,]*|(?:${GERMAN_DETERMINER})\\s+\\p{Ll}+(?:en|em|er|es|e))\\s+$`, 'u');

/** A folded Latin word and its forms without a case ending (at least four letters left), and an adjective's -ý nominative (Zelenského: zelensky). */
function latinForms(folded: string): string[] {
  const out = [folded];
  const m = LATIN_CASE_ENDING.exec(folded);
  for (let cut = 1; m && cut <= m[0].length; cut++) {
    const stem = folded.slice(0, folded.length - cut);
    if (stem.length >= 4) out.push(stem, `${stem}y`);
  }
  return out;
}

function runsOf(text: string, re: RegExp, token: (word: string, start: number, end: number, initial: boolean) => NameToken): NameRun[] {
  const quotes = quotedRanges(text);
  const runs: NameRun[] = [];
  let current: { tokens: NameToken[]; initial: boolean } | undefined;
  let lastEnd = -2;
  const close = () => {
    if (!current) return;
    // An unknown word opening a sentence is not part of the name after it (Povýšení Zemanovi, Ранее Тяжельников).
    if (current.initial && current.tokens.length >= 2 && !current.tokens[0].place && !current.tokens[0].surnames && !current.tokens[0].given) {
      current.tokens.shift();
      current.initial = false;
    }
    const t = current.tokens;
    // Towns of the region are known for finding their English names, not as proof of a name (many are common words: Победа).
    const known = t.some((x) => (x.place && x.place.kind !== 'town') || x.surnames || x.known);
    const person = t.length >= 2 && t[0].given;
    // A capital at the start of a sentence says nothing: such a word is surely a name only if known or followed by another.
    const quoted = quotes.some(([a, b]) => t[0].start > a && t[t.length - 1].end < b);
    runs.push({ tokens: t, sure: known || person, quoted, initial: current.initial && !known && t.length === 1 });
    current = undefined;
  };
  for (const m of text.matchAll(re)) {
    const start = m.index;
    const end = start + m[0].length;
    // Three letters or more, and not a word in capitals only (an abbreviation).
    if (m[0].replace(/[-'’]/g, '').length < 3) continue;
    const joined = current !== undefined && /^[ \u00a0]$/.test(text.slice(lastEnd, start));
    const initial = !joined && sentenceInitial(text, start);
    const tok = token(m[0], start, end, initial);
    if (joined) current!.tokens.push(tok);
    else {
      close();
      current = { tokens: [tok], initial };
    }
    lastEnd = end;
  }
  close();
  return runs;
}

/** A word of the translation with its keys. */
export interface TargetWord {
  start: number;
  end: number;
  text: string;
  keys: string[];
  folded: string;
}

export function targetWord(text: string, start: number, end: number): TargetWord {
  const word = text.slice(start, end).replace(/['’]s$/, '');
  return { start, end: start + word.length, text: word, keys: latinKeys(word), folded: foldLatin(word) };
}

/** The capitalised words of a translation, and each part of a hyphenated one (Kaliningrad-Moscow). */
export function targetWords(text: string, words: readonly { start: number; end: number; text: string }[]): TargetWord[] {
  const out: TargetWord[] = [];
  for (const w of words) {
    if (!/^\p{Lu}/u.test(w.text)) continue;
    out.push(targetWord(text, w.start, w.end));
    if (!/[-‑]/.test(w.text)) continue;
    for (const m of w.text.matchAll(/[^-‑]+/g)) if (/^\p{Lu}/u.test(m[0]) && m[0].length >= 3) out.push(targetWord(text, w.start + m.index, w.start + m.index + m[0].length));
  }
  return out;
}

/** True when a translation word is a rendering of this source name word. */
export function renders(t: NameToken, w: TargetWord, cyrillic: boolean): boolean {
  // A place by its English name (Česku: Czechia or Czech; Хабаровского: Khabarovsk).
  if (t.place) {
    for (const form of [t.place.name, ...t.place.accepted]) {
      for (const part of form.split(/[\s-]+/)) if (part.length >= 3 && latinKeys(part).some((k) => w.keys.includes(k) || w.keys.includes(`${k}s`))) return true;
      // (By its abbreviation: UK, UAE.)
      if (/^[A-Z]{2,5}$/.test(form) && w.text === form) return true;
    }
  }
  if (!cyrillic) return sameStem(t.keys[0], w.folded) || !!t.alternates?.some((a) => sameStem(a, w.folded)) || (t.text.includes('-') && t.text.split('-').some((p) => foldLatin(p) === w.folded)) || transliterations(t.text).some((v) => sameStem(v, w.folded));
  if (w.keys.some((k) => t.keys.includes(k))) return true;
  // Нуэво-Леон: Nuevo Leon.
  if (t.text.includes('-') && t.text.split('-').some((p) => p.length >= 3 && w.keys.includes(cyrillicKey(p)))) return true;
  // An adjective of a place ("Московской области": the Moscow region), a demonym ("России": Russian).
  return t.keys.some((k) =>
    w.keys.some((wk) => (wk.length >= 3 && k.startsWith(wk) && /^(?:sk|skG|n|nsk)$/.test(k.slice(wk.length))) || (k.length >= 3 && wk.startsWith(k) && /^(?:n|sk|nsk|k|c)$/.test(wk.slice(k.length)))),
  );
}


/** Case endings a name takes in the Latin-script languages that decline names (Czech, Polish, Slovak…), and the German genitive -s; folded. */
export const LATIN_CASE_ENDING = /(?:ovi|ove|ova|ovo|ovy|iho|imu|ymi|ich|ych|ach|ech|ami|emi|ego|emu|um|em|om|ou|ie|us|im|ym|a|e|i|o|u|y|s|m)$/;

/**
 * Letters apart between a source's name word (folded) and a translation's word, once a case
 * ending of the source is set aside and a fleeting e or a final vowel of the nominative allowed
 * for: Filipa/Filip 0, Jiřího/Jiří 0, Hamáčka/Hamáček 0, Hrušky/Hruška 0, Novák/Novac 1.
 */
export function stemDistance(source: string, target: string): number {
  if (source === target) return 0;
  const targets = targetForms(target);
  let best = keyDistance(source, target, 2);
  const m = LATIN_CASE_ENDING.exec(source);
  for (let cut = 0; cut <= (m ? m[0].length : 0) && best > 0; cut++) {
    const stem = source.slice(0, source.length - cut);
    if (stem.length < 3) continue;
    for (const t of targets) if (t.length >= 3) best = Math.min(best, keyDistance(stem, t, 2));
  }
  return best;
}

/** The forms a translation's word is compared in: itself, without a fleeting e, a final vowel, an -s, or a Latin name's -us (which Czech and German decline away: Celsia, Celsius). */
function targetForms(target: string): string[] {
  return [target, target.replace(/e(?=[klnrcz]$)/, ''), target.replace(/[aeiouy]$/, ''), target.replace(/(?<=.{4})s$/, ''), target.replace(/(?<=.{3})us$/, '')];
}

/**
 * stemDistance(source, target) === 0, by string comparison alone: a stem of the source equals a
 * form of the target. A document's every word is tested against each source name this way
 * (a 1,000-segment TSV took 90 s with the edit distance), so it must not run the distance.
 */
export function sameStem(source: string, target: string): boolean {
  if (source === target) return true;
  const targets = targetForms(target);
  const m = LATIN_CASE_ENDING.exec(source);
  for (let cut = 0; cut <= (m ? m[0].length : 0); cut++) {
    const stem = source.slice(0, source.length - cut);
    if (stem.length >= 3 && targets.includes(stem)) return true;
  }
  return false;
}

/** What the name checks know and ask: the facts, the romanisation tables, English words, real names. */
export interface NameContext {
  facts: NameFacts;
  tables: Map<string, RomanisationTable>;
  isEnglishWord: (lower: string) => boolean;
  /** A folded word that is somebody's real given name or surname (rules/names/real-names.txt). */
  realName: (folded: string) => boolean;
}

/** A word at `at` opens a sentence (or a quotation, or follows a dash). */
export function opensSentence(text: string, at: number): boolean {
  return /(?:^|[.!?…:;]["»”“)]?\s*|["„«“”(—–-]\s*)$/.test(text.slice(Math.max(0, at - 4), at));
}

/** A folded Latin word that is English, or English with a Czech or German case ending (Huntera: hunter). */
export function englishStem(folded: string, ctx: NameContext): boolean {
  if (ctx.isEnglishWord(folded)) return true;
  const bare = folded.replace(/(?:ovi|em|om|ou|ech|ach|ami|a|e|u|y|i|s)$/, '');
  return bare !== folded && bare.length >= 5 && ctx.isEnglishWord(bare);
}

/** Jaro-Winkler 0.85 or more within two edits: the same name spelt a little otherwise. */
export function nearly(a: string, b: string): boolean {
  return similarity(a, b) >= 0.85 && editDistance(a, b) <= 2;
}
