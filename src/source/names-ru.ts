// Russian sources for the name checks (check-names.ts): which capitalised words no common word
// explains (the Russian dictionary's words, lexicon.ts), and how a name reads in English when no
// romanisation table gives its form — nearly like the romanisation, or, for a Chinese name, Pinyin
// read from its Palladius spelling.
//
//   source  …жалобу Семиларски 4 августа…    Семиларски: no common word, a name (check-names' byCapital)
//   target  …the complaint of Semilarsky…     Semilarsky: nearly the romanisation, renders it

import { editDistance } from '../names/similarity.js';
import { lexiconStem, russianPrefix } from './lexicon.js';
import { nearly, type TargetWord } from './names.js';
import { caseStem, plainLatin, romanise, type RomanisationTable } from './romanise.js';

/** A word of the translation (the caller says which: capitalised ones, or words in lower case) that reads like a romanisation of the name (case ending aside; kh read h or j, ku qu: Харьюмаа Harjumaa, Хосепа Josep, Куангбинь Quang Binh), Jaro-Winkler 0.85 or more, two edits at most and the same first letter (Krasnaya is no Krasnodar). */
export function nearRendering(word: string, w: TargetWord, tables: RomanisationTable[]): boolean {
  const plain = plainLatin(w.text);
  const lower = word.toLowerCase();
  // (English may keep only the name's front: Харьюмаа, Harju County; Куангбинь, Quang Binh.)
  const near = (x: string) => x[0] === plain[0] && (nearly(x, plain) || (plain.length >= 5 && editDistance(x.slice(0, plain.length), plain) <= 1));
  if (near(pinyin(lower))) return true;
  return tables.some((table) =>
    [romanise(caseStem(lower), table), romanise(lower, table)].some((roman) => {
      const r = plainLatin(roman);
      return [r, r.replace(/kh/g, 'h'), r.replace(/^kh/, 'j'), r.replace(/^ku/, 'qu')].some(near);
    }),
  );
}

/**
 * A Chinese name's Russian (Palladius) spelling read as Pinyin, syllable by syllable: Санься sanxia,
 * Янцзы yangzi, Цзиньпин jinping, Чжэн zheng. A final н is -ng, нь is -n.
 */
const PALLADIUS: [RegExp, string][] = [
  [/цз(?=[июяе])/g, 'j'], [/цзы/g, 'zi'], [/цз/g, 'z'], [/чж/g, 'zh'], [/ц(?=[июяе])/g, 'q'], [/цы/g, 'ci'], [/ц/g, 'c'],
  [/с(?=[июяе])/g, 'x'], [/сы/g, 'si'], [/ш/g, 'sh'], [/ч/g, 'ch'], [/ж/g, 'r'], [/х/g, 'h'], [/нь/g, 'n'], [/н(?![аеёиоуыэюя])/g, 'ng'],
  [/^в/g, 'w'], [/^ю/g, 'yu'], [/^я/g, 'ya'], [/^е/g, 'ye'], [/ю/g, 'iu'], [/я/g, 'ia'], [/е/g, 'ie'], [/э/g, 'e'], [/ы/g, 'i'], [/й/g, 'i'], [/ь/g, ''],
];
const PALLADIUS_LETTERS: Record<string, string> = { а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f' };
export function pinyin(cyrillic: string): string {
  let out = cyrillic.toLowerCase();
  for (const [from, to] of PALLADIUS) out = out.replace(from, to);
  return [...out].map((c) => PALLADIUS_LETTERS[c] ?? c).join('');
}

/**
 * Names the Russian dictionary lists that English writes in a form of its own, far from their
 * romanisation (Иисус: Jesus, Афины: Athens, Людовик: Louis, Дунай: the Danube), which a
 * capitalised word of a Russian source is not taken for a name: religious and mythical figures,
 * monarchs and saints, places of the Bible, great cities the gazetteer does not know, rivers, a
 * union. Written for mtlint; the nominatives, compared by their stems (lexiconStem).
 */
const EXONYMS = new Set(
  (
    'иисус христос иоанн иосиф иаков моисей авраам исаак ной иов иуда матфей лука фома варфоломей магомет мухаммед аллах будда коран библия евангелие фемида зевс геракл афина аполлон ' +
    'людовик карл генрих елизавета екатерина георг вильгельм фридрих яков ' +
    'иерусалим вифлеем назарет галилея афины женева неаполь флоренция венеция генуя гаага лиссабон кишинев ' +
    'дунай рейн темза сена нил ганг евросоюз'
  )
    .split(' ')
    .flatMap((w) => [w, ...(lexiconStem(w).length >= 3 ? [lexiconStem(w)] : [])]),
);
export function russianExonym(lower: string): boolean {
  return EXONYMS.has(lower) || EXONYMS.has(lexiconStem(lower));
}

/**
 * The kinds of things a Russian source names in quotation marks whose names English keeps: newspapers and
 * agencies, vessels and satellites, weapons, companies, clubs, parties (written for mtlint). Not channels
 * and radio stations, whose names English often translates (Дождь: TV Rain, Свобода: Radio Liberty).
 */
const QUOTED_KIND = /(?:^|[^\p{L}])(?:издани|газет|журнал|агентств|корабл|судн|крейсер|подлодк|лодк|фрегат|корвет|ледокол|танкер|сухогруз|траулер|паром|лайнер|спутник|модул|комплекс|систем|ракет|центр|компани|фирм|банк|клуб|команд|парти|движени|фонд|завод|холдинг|концерн|сервис|портал|сайт|платформ)\p{L}*\s+[«"„“]$/u;

/** The word at `start`–`end` of a Russian text is alone in quotation marks, no adjective, after a kind of thing whose names English keeps (модулем "Бережок"). */
export function quotedAfterKind(text: string, start: number, end: number): boolean {
  return /^[»"“”]/.test(text.slice(end)) && !/(?:ой|ей|ых|их|ого|его|ому|ему|ую|юю|ая|яя|ые|ие|ый|ий|ым|им|ыми|ими|ном|нем)$/.test(text.slice(start, end).toLowerCase()) && QUOTED_KIND.test(text.slice(Math.max(0, start - 30), start));
}

/** A Russian institution's compound name, often translated (Госдума: the State Duma, Минобороны, Роскомнадзор). */
export const INSTITUTION = /^(?:Гос|Мин|Ген|Глав|Вое|Рос(?!с))/;

/**
 * A compound whose last part is a common word of five letters or more and whose first part begins a
 * common word, a word cut short (балтфлота: балт-ийский флот, евросоюза, черноморфлота); not a name whose
 * end is a common word by chance (Пфанненштиль: штиль).
 */
export function compound(lower: string, common: Set<string>): boolean {
  for (let i = 3; i <= lower.length - 5; i++) if (commonWord(lower.slice(i), common) && russianPrefix(lower.slice(0, i))) return true;
  return false;
}

/** A Russian common word in any of its forms: its stem, a plural in -ов (Штатов), a day (Дня), or a hyphenated word of common parts (Во-первых, Военно-морского). */
export function commonWord(text: string, common: Set<string>): boolean {
  const lower = text.toLowerCase().replace(/ё/g, 'е');
  if (/^(?:день|дня|дню|днем|дни|дней|дням|днями|днях)$/.test(lower)) return true;
  if (lower.includes('-')) return lower.split('-').every((p) => p.length < 3 || commonWord(p, common));
  return [lower, lexiconStem(lower), lower.replace(/(?:ов|ев)$/, '')].some((x) => common.has(x));
}

/** A Russian surname's case form that only a man's surname has, in its nominative (Покатовича: Покатович, Русикову: Русиков, Коломойского: Коломойский). */
export function surnameNominative(word: string): string {
  return word.replace(/(ич)(?:а|у|ем|е)$/, '$1').replace(/(ов|ев|ёв|ин|ын)(?:у|ым|ом|е)$/, '$1').replace(/([сц]к)(?:ого|ому|им|ом)$/, '$1ий');
}

/**
 * English pronouns that can stand for a Russian name word, by its case and gender as its ending tells
 * (a name turned into a pronoun keeps its role): the nominative a subject, he or she (Дегтярев, Дегтярева,
 * Коломойский); a masculine oblique case a him or a his (Фургала, Фургалу, Фургалом, Фургале); a
 * feminine one a her (Поповой, Попову). A foreign surname ending in a consonant is a man's nominative or a woman's
 * in any case (Мэй does not decline): he, she or her. An ending that says nothing (Семиларски,
 * Гришко): any. (A name in -у is taken for a dative, a him or a her: a nominative in -у, Шойгу, is rare.)
 */
export function russianPronouns(word: string, given: boolean): ('he' | 'she' | 'him' | 'his' | 'her')[] {
  const lower = word.toLowerCase();
  const all: ('he' | 'she' | 'him' | 'his' | 'her')[] = ['he', 'she', 'him', 'his', 'her'];
  if (/(?:[сц]к|н)[иы]й$/.test(lower)) return ['he'];
  if (/[сц]кая$/.test(lower)) return ['she'];
  if (/[сц]к(?:ого|ому|им|ом)$/.test(lower)) return ['him', 'his'];
  if (/[сц]к(?:ой|ую)$/.test(lower)) return ['her'];
  // (A given name in the nominative, Саша, Маша, Никита: a subject.)
  if (given) return ['he', 'she'];
  if (/[бвгджзклмнпрстфхцчшщь](?:ом|ем|ём|ым)$/.test(lower)) return ['him', 'his'];
  if (/[бвгджзклмнпрстфхцчшщ]ь?$/.test(lower)) return ['he', 'she', 'her'];
  // (-а, -я: a man's genitive or accusative, Фургала, Дегтярева; or a woman's nominative, Дегтярева.)
  if (/[бвгджзклмнпрстфхцчшщь][ая]$/.test(lower)) return ['him', 'his', 'she', 'her'];
  if (/[бвгджзклмнпрстфхцчшщь][ую]$/.test(lower)) return ['him', 'her'];
  if (/[бвгджзклмнпрстфхцчшщь]ой$/.test(lower)) return ['her', 'he'];
  if (/[бвгджзклмнпрстфхцчшщь]е$/.test(lower)) return ['him', 'her'];
  return all;
}

/** Russian words an English he, she, him, his or her may translate: the personal pronouns of its gender, and свой (his own, her own). */
// (By gender, not case: English makes a Russian dative or genitive the subject, ему нужно: he needs, у него есть: he has.)
const MASCULINE = ['он', 'его', 'ему', 'него', 'нему', 'им', 'ним', 'нем', 'нём'];
const FEMININE = ['она', 'её', 'ее', 'ей', 'ней', 'нее', 'неё', 'ею', 'нею'];
const OWN = ['свой', 'своя', 'свое', 'своё', 'свои', 'своего', 'своей', 'своему', 'своим', 'своем', 'своём', 'свою', 'своих', 'своими', 'своею'];
const RUSSIAN_FOR: Record<'he' | 'she' | 'him' | 'his' | 'her', string[]> = { he: MASCULINE, him: MASCULINE, his: [...MASCULINE, ...OWN], she: FEMININE, her: [...FEMININE, ...OWN] };

/**
 * The translation has an English pronoun that could stand for the name (russianPronouns) that no word of the source
 * translates, about as far into the unit as the name (within a fifth of its length): the name may have become it. Each
 * source word that such a pronoun translates (RUSSIAN_FOR) takes the pronoun nearest its own place.
 *   Дегтярев напомнил, что он … однопартиец Фургала и добавил, что желает ему удачи …
 *   Degtyarev said that he … a fellow party member, saying that he wishes him success, and … will support him in court.
 *   (ему takes the first him; the second is far from Фургала: the name is not excused.)
 */
export function russianPronounExcuse(target: string, source: string, word: string, at: number, given: boolean): boolean {
  const kinds = russianPronouns(word, given);
  const rel = (i: number, text: string) => i / Math.max(1, text.length);
  const english = [...target.matchAll(new RegExp(`\\b(?:${kinds.join('|')})\\b`, 'gi'))].map((m) => rel(m.index, target));
  if (english.length === 0) return false;
  const russian = new Set(kinds.flatMap((k) => RUSSIAN_FOR[k]));
  for (const m of source.matchAll(/\p{L}+/gu)) {
    if (!russian.has(m[0].toLowerCase()) || english.length === 0) continue;
    const here = rel(m.index, source);
    let best = 0;
    english.forEach((e, k) => Math.abs(e - here) < Math.abs(english[best] - here) && (best = k));
    english.splice(best, 1);
  }
  const where = rel(at, source);
  return english.some((e) => Math.abs(e - where) <= 0.2);
}

/**
 * Russian institutions and places whose capitalised names are common words or compounds (Кремль: кремль; Роскосмос:
 * Рос-), which English keeps nonetheless, with the English word that renders each. A list written for mtlint, from
 * how the MLQE-PE ru-en post-edits and the WMT21 references render them (Кремль 31 of 31, Роскосмос 5 of 5, Росстат
 * 3 of 3); not Роскомнадзор or Росгвардия, which translations also describe (the media regulator, the National Guard):
 * those are names where the article keeps them (check-names.ts, missingEvidence); nor Госдума, often "parliament".
 */
const KEPT: [RegExp, RegExp][] = [
  [/^кремл(?:ь|я|ю|ем|е)$/, /^Kremlin/],
  [/^роскосмос(?:а|у|ом|е)?$/, /^Ros[ck]osmos/],
  [/^росстат(?:а|у|ом|е)?$/, /^Rosstat/],
];

/** The English word that renders a Russian name English keeps though it is a common word (KEPT: Кремля, Kremlin), if it is one. */
export function russianKept(word: string): RegExp | undefined {
  const lower = word.toLowerCase().replace(/ё/g, 'е');
  return KEPT.find(([re]) => re.test(lower))?.[1];
}
