// How long a translation should be: per source language, the expected number of target
// characters per source character and how much that varies (Gale and Church 1993: the target
// length of a source of s characters is roughly normal, mean c·s, variance v·s). Calibrated on
// professional translations by scripts/source/calibrate.ts into rules/lists/length-ratios.yaml.
//
//   ru 120 chars → en ≈ 130 ± 19      zh 40 chars → en ≈ 135 ± 25

export interface LengthModel {
  /** Expected target characters per source character. */
  ratio: number;
  /** Variance of the target length per source character. */
  variance: number;
  /**
   * The spread of log(target / expected) for a source of s characters: its variance is
   * spread[0] / s + spread[1] (short texts vary more per character, long ones less than a
   * variance per character would say). The sentence check weighs lengths with it.
   */
  spread: [number, number];
  /**
   * How many more (or fewer) sentences a complete translation has than its source: the share of
   * paragraphs whose translation has d − 2 sentences more, for d = 0…5 (−2 or fewer … +3 or more).
   */
  sentences: number[];
}

/** What the aligner needs of a model: the ratio and its variance per source character. */
export type RatioModel = Pick<LengthModel, 'ratio' | 'variance'>;

const LATIN_COUNTS = [0.01, 0.05, 0.88, 0.05, 0.005, 0.005];
/** Used for a source language with no calibrated model, by script (spreads and sentence counts about those of the calibrated languages of the script). */
const BY_SCRIPT: Record<string, LengthModel> = {
  Latin: { ratio: 1.0, variance: 1.5, spread: [0.85, 0.007], sentences: LATIN_COUNTS },
  Cyrillic: { ratio: 1.05, variance: 1.5, spread: [0.4, 0.012], sentences: LATIN_COUNTS },
  Han: { ratio: 3.4, variance: 6, spread: [0.5, 0.02], sentences: [0.02, 0.07, 0.7, 0.1, 0.05, 0.06] },
  Other: { ratio: 1.2, variance: 2.5, spread: [1, 0.02], sentences: LATIN_COUNTS },
};

export function compileLengthModels(entries: unknown[]): Map<string, LengthModel> {
  const out = new Map<string, LengthModel>();
  for (const raw of entries) {
    const e = raw as { lang?: unknown; ratio?: unknown; variance?: unknown; spread?: unknown; sentences?: unknown };
    const numbers = (v: unknown, n: number) => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && x >= 0);
    if (typeof e?.lang !== 'string' || typeof e.ratio !== 'number' || typeof e.variance !== 'number' || !numbers(e.spread, 2) || !numbers(e.sentences, 6)) {
      throw new Error(`length-ratios: bad entry ${JSON.stringify(raw).slice(0, 60)} (lang, ratio, variance, spread: [a, b], sentences: six shares)`);
    }
    out.set(e.lang, { ratio: e.ratio, variance: e.variance, spread: e.spread as [number, number], sentences: e.sentences as number[] });
  }
  return out;
}

export function modelFor(models: Map<string, LengthModel>, lang: string, script: string): LengthModel {
  return models.get(lang) ?? BY_SCRIPT[script] ?? BY_SCRIPT.Other;
}

/** The length the model counts: characters other than white space. */
export function measure(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0 && c !== 0x3000 && !(c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
}

/**
 * The length of a source the model counts: as `measure`, except that in a Chinese or Japanese
 * source a character of Latin script, a digit or ASCII punctuation counts as LATIN_IN_HAN of a
 * character: a translation carries it over as it is, while a Han character becomes three or four
 * English ones (a source full of Latin names would otherwise predict far too long a translation).
 */
export function measureSource(text: string, script: string): number {
  if (script !== 'Han') return measure(text);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0xdc00 && c <= 0xdfff)) continue;
    n += c < 0x2e80 || (c >= 0xff10 && c <= 0xff5a) ? LATIN_IN_HAN : 1;
  }
  return n;
}
const LATIN_IN_HAN = 0.3;

/** How many standard deviations a target of length t is from what a source of length s predicts. */
export function lengthDelta(s: number, t: number, m: RatioModel): number {
  return (t - m.ratio * s) / Math.sqrt(m.variance * Math.max(s, 1));
}

/** log of the density of a target of length t for a source of s characters (of log t; up to a constant), by the model's spread. */
export function logLengthDensity(s: number, t: number, m: LengthModel): number {
  const v = m.spread[0] / Math.max(s, 1) + m.spread[1];
  const d = Math.log(Math.max(t, 1) / (m.ratio * Math.max(s, 1)));
  return (-0.5 * d * d) / v - 0.5 * Math.log(v);
}

/** log of the two-sided tail beyond a target of length t for a source of s characters, by the model's spread (≤ 0). */
export function logLengthTail(s: number, t: number, m: LengthModel): number {
  const d = Math.log(Math.max(t, 1) / (m.ratio * Math.max(s, 1))) / Math.sqrt(m.spread[0] / Math.max(s, 1) + m.spread[1]);
  return Math.log(Math.max(2 * (1 - normalCdf(Math.abs(d))), 1e-12));
}

/** The share of complete translations with d more sentences than their source (d below −2 or above 3 counts as −2 or 3). */
export function sentenceCountShare(d: number, m: LengthModel): number {
  return m.sentences[Math.max(0, Math.min(5, d + 2))];
}

/** −log of the normal density's two-sided tail at |δ| (Gale and Church's match cost), bounded. */
export function lengthCost(s: number, t: number, m: RatioModel): number {
  const d = Math.abs(lengthDelta(s, t, m));
  const p = 2 * (1 - normalCdf(d));
  return -Math.log(Math.max(p, 1e-12));
}

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989423 * Math.exp((-x * x) / 2);
  const p = d * t * (0.3193815 + t * (-0.3565638 + t * (1.781478 + t * (-1.821256 + t * 1.330274))));
  return x > 0 ? 1 - p : p;
}
