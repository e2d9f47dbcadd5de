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
}

/** Used for a source language with no calibrated model, by script. */
const BY_SCRIPT: Record<string, LengthModel> = {
  Latin: { ratio: 1.0, variance: 1.5 },
  Cyrillic: { ratio: 1.05, variance: 1.5 },
  Han: { ratio: 3.4, variance: 6 },
  Other: { ratio: 1.2, variance: 2.5 },
};

export function compileLengthModels(entries: unknown[]): Map<string, LengthModel> {
  const out = new Map<string, LengthModel>();
  for (const raw of entries) {
    const e = raw as { lang?: unknown; ratio?: unknown; variance?: unknown };
    if (typeof e?.lang !== 'string' || typeof e.ratio !== 'number' || typeof e.variance !== 'number') {
      throw new Error(`length-ratios: bad entry ${JSON.stringify(raw).slice(0, 60)}`);
    }
    out.set(e.lang, { ratio: e.ratio, variance: e.variance });
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

/** How many standard deviations a target of length t is from what a source of length s predicts. */
export function lengthDelta(s: number, t: number, m: LengthModel): number {
  return (t - m.ratio * s) / Math.sqrt(m.variance * Math.max(s, 1));
}

/** −log of the normal density's two-sided tail at |δ| (Gale and Church's match cost), bounded. */
export function lengthCost(s: number, t: number, m: LengthModel): number {
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
