// The language of a translation's source: the one the input declares (XLIFF srcLang, TMX
// xml:lang, --source-lang), else a guess from the text's script and its commonest words. The
// guess only has to tell apart the languages whose numbers and names are read differently.
//
//   Временно исполняющий обязанности губернатора …   → ru   (Cyrillic, ы/э/ъ/ё and no і/ї/є/ґ)
//   Тимчасово виконуючий обов'язки губернатора …      → uk   (і, ї, є, ґ)
//   9月26日至27日，为深化拓展 …                         → zh   (Han, no kana)

/** The script a language is written in, as the checks need it. */
export type Script = 'Cyrillic' | 'Latin' | 'Han' | 'Other';

/** The primary language subtag of a BCP 47 tag, lower-cased ("ru-RU" → "ru", "zh-Hans" → "zh"). */
export function primaryTag(tag: string | undefined): string | undefined {
  const m = tag ? /^\s*([A-Za-z]{2,3})(?:[-_]|\s*$)/.exec(tag) : null;
  return m ? m[1].toLowerCase() : undefined;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;

export function scriptOf(lang: string): Script {
  if (['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'].includes(lang)) return 'Cyrillic';
  if (['zh', 'ja'].includes(lang)) return 'Han';
  if (['ko', 'ar', 'he', 'fa', 'hi', 'th', 'el', 'ka', 'hy'].includes(lang)) return 'Other';
  return 'Latin';
}

/** Words frequent in one Latin-script language and rare in the others (and in English). */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'was', 'that', 'with', 'for', 'on', 'are', 'have', 'it'],
  de: ['der', 'die', 'und', 'das', 'nicht', 'ist', 'mit', 'sich', 'auf', 'für', 'auch', 'dem', 'ein', 'eine', 'wurde', 'bei'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'qui', 'que', 'pas', 'sur', 'au', 'du', 'avec'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'en', 'por', 'una', 'con', 'para', 'es', 'se', 'su', 'al'],
  it: ['il', 'della', 'che', 'e', 'di', 'per', 'non', 'una', 'sono', 'gli', 'nel', 'alla', 'anche', 'del'],
  pt: ['o', 'os', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'não', 'com', 'para', 'dos', 'ao', 'foi'],
  cs: ['a', 'je', 'se', 'na', 'že', 'v', 'to', 's', 'z', 'do', 'jako', 'ale', 'by', 'jsou', 'také', 'byl'],
  pl: ['i', 'w', 'się', 'na', 'że', 'nie', 'z', 'do', 'to', 'jest', 'jak', 'ale', 'po', 'przez', 'dla'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'niet', 'zijn', 'met', 'voor', 'ook'],
  is: ['og', 'að', 'er', 'í', 'á', 'sem', 'um', 'við', 'ekki', 'til', 'það', 'var', 'hann'],
  ha: ['da', 'a', 'ya', 'na', 'ta', 'ba', 'wanda', 'ga', 'kuma', 'cikin', 'sun', 'ce'],
};

/** A guess at the language of `text` from its letters (undefined: too little text to say). */
export function guessLanguage(text: string): string | undefined {
  let cyr = 0;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let letters = 0;
  for (const ch of text.length > 20000 ? text.slice(0, 20000) : text) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
    else if (CYRILLIC.test(ch)) cyr++;
    else if (KANA.test(ch)) kana++;
    else if (HAN.test(ch)) han++;
    else if (HANGUL.test(ch)) hangul++;
  }
  if (letters < 2) return undefined;
  const top = Math.max(cyr, han + kana, hangul, latin);
  if (top === cyr) {
    // By the letters one language has and the other not, counted (a Russian text may quote a Ukrainian
    // name, Київ, or say "та же"): і ї є ґ against ы э ъ; with neither, by a few function words.
    const uk = (text.match(/[іїєґІЇЄҐ]/g) ?? []).length;
    const ru = (text.match(/[ыэъЫЭЪ]/g) ?? []).length;
    const ukrainian = uk !== ru ? uk > ru : /(?<![\p{L}])(?:що|це|від|його|вона|він|також|були?|цей|який|яка|які|тому)(?![\p{L}])/iu.test(text);
    // (Belarusian writes ў, and і where the others write и.)
    if (/[ўЎ]/.test(text) && (text.match(/[іІ]/g) ?? []).length > (text.match(/[иИ]/g) ?? []).length) return 'be';
    if (ukrainian) return 'uk';
    return 'ru';
  }
  if (top === han + kana) return kana > 0 && kana >= (han + kana) * 0.05 ? 'ja' : 'zh';
  if (top === hangul) return 'ko';
  return guessLatin(text);
}

function guessLatin(text: string): string | undefined {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: string | undefined;
  let bestScore = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const set = new Set(list);
    let score = 0;
    for (const w of words) if (set.has(w)) score++;
    // Letters only some languages have.
    if (lang === 'de' && /[äöüß]/.test(text)) score += 2;
    if (lang === 'cs' && /[ěščřžůň]/.test(text)) score += 3;
    if (lang === 'pl' && /[ąęłńśźż]/.test(text)) score += 3;
    if (lang === 'es' && /[ñ¿¡]/.test(text)) score += 3;
    if (lang === 'fr' && /[çêèàùœ]/.test(text)) score += 2;
    if (lang === 'pt' && /[ãõç]/.test(text)) score += 2;
    if (lang === 'is' && /[þðæ]/.test(text)) score += 3;
    if (lang === 'ha' && /[ƙɗɓ]/.test(text)) score += 3;
    if (score > bestScore) {
      bestScore = score;
      best = lang;
    }
  }
  return best;
}
