// Aligning two sequences of text blocks — a source's paragraphs with a translation's, or the
// sentences of one paragraph with those of its translation — by length (Gale and Church 1993),
// helped by anchors both sides share (numbers, names). Each step takes one or two blocks from
// each side, or one block from one side alone; the cheapest path is the alignment.
//
//   source  P1  P2  P3  P4        target  T1  T2  T3
//   result  P1–T1  P2–T2  P3–∅  P4–T3      (P3 has no counterpart: reported, not guessed)

import { lengthCost, logLengthTail, type LengthModel, type RatioModel } from './length.js';

/** A block of one side: its length (see length.ts) and anchors: things both sides can share (a number, a name), each as the keys it may be matched by. */
export interface AlignBlock {
  length: number;
  anchors?: readonly (readonly string[])[];
}

/** One step of an alignment: source blocks [s0, s1) with target blocks [t0, t1). */
export interface Bead {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
  /** What the step cost, for telling how sure it is. */
  cost: number;
}

/** −log prior of each shape (n source : m target); Gale and Church's figures, with 1–0 and 0–1 rarer in news. */
const PRIOR: Record<string, number> = {
  '1:1': -Math.log(0.89),
  '1:0': -Math.log(0.005),
  '0:1': -Math.log(0.005),
  '2:1': -Math.log(0.045),
  '1:2': -Math.log(0.045),
};
const SHAPES: [number, number][] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
];
/** Cost of one block left alone, besides its prior; and the most a bad length match can cost, so that two blocks are paired (and their lengths judged) rather than both left alone. */
const ALONE = 2;
const WORST_MATCH = 12;

function anchorBonus(src: AlignBlock[], tgt: AlignBlock[]): number {
  let shared = 0;
  let total = 0;
  const ts = new Set<string>();
  for (const b of tgt) for (const a of b.anchors ?? []) for (const k of a) ts.add(k);
  for (const b of src) {
    for (const a of b.anchors ?? []) {
      total++;
      if (a.some((k) => ts.has(k))) shared++;
    }
  }
  // Every shared anchor makes the match likelier; an anchor of the source missing from the target, a little less.
  return -3 * shared + 0.3 * (total - shared);
}

/** The cheapest alignment of `source` with `target` (both in order). */
export function alignBlocks(source: AlignBlock[], target: AlignBlock[], model: RatioModel): Bead[] {
  const n = source.length;
  const m = target.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: [number, number][][] = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m + 1));
  const stepCost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  cost[0][0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      for (const [di, dj] of SHAPES) {
        if (i < di || j < dj || cost[i - di][j - dj] === Infinity) continue;
        const src = source.slice(i - di, i);
        const tgt = target.slice(j - dj, j);
        const s = src.reduce((a, b) => a + b.length, 0);
        const t = tgt.reduce((a, b) => a + b.length, 0);
        let c = PRIOR[`${di}:${dj}`];
        if (di === 0 || dj === 0) c += ALONE + Math.log1p((s + t) / 50);
        else c += Math.min(WORST_MATCH, lengthCost(s, t, model)) + anchorBonus(src, tgt);
        const total = cost[i - di][j - dj] + c;
        if (total < cost[i][j]) {
          cost[i][j] = total;
          back[i][j] = [di, dj];
          stepCost[i][j] = c;
        }
      }
    }
  }
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj] = back[i][j];
    beads.push({ s0: i - di, s1: i, t0: j - dj, t1: j, cost: stepCost[i][j] });
    i -= di;
    j -= dj;
  }
  return beads.reverse();
}

/** A source sentence for `sentenceAlignment`: its length (as the model counts it) and whether punctuation ends it (a headline does not). */
export interface SentenceBlock {
  length: number;
  ends: boolean;
}

/**
 * Probability of each step of a sentence alignment inside a paragraph (n source : m target):
 * translators split a long sentence (1:2, 1:3) far more often than they merge two (2:1), except
 * a line without a full stop (a headline, a byline), which runs into the next sentence.
 */
const SENTENCE_STEPS: { n: number; m: number; p: number; afterHeadline?: number }[] = [
  { n: 1, m: 1, p: 0.9 },
  { n: 1, m: 2, p: 0.06 },
  { n: 1, m: 3, p: 0.02 },
  { n: 2, m: 1, p: 0.01, afterHeadline: 0.5 },
  { n: 3, m: 1, p: 0.002 },
];

/**
 * The log-probability of the likeliest alignment of a paragraph's source sentences with its
 * translation's sentences (their lengths) in which source sentence `leftOut` has no counterpart
 * (−1: none left out) and every other sentence has one; −Infinity when there is none. Each step
 * costs its prior and the two-sided tail of its length under the model's spread (Gale and Church).
 */
export function sentenceAlignment(source: SentenceBlock[], target: number[], model: LengthModel, leftOut: number): number {
  const n = source.length;
  const m = target.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  best[0][0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === leftOut + 1 && i > 0 && best[i - 1][j] > best[i][j]) best[i][j] = best[i - 1][j];
      for (const step of SENTENCE_STEPS) {
        const i0 = i - step.n;
        const j0 = j - step.m;
        if (i0 < 0 || j0 < 0 || best[i0][j0] === -Infinity || (leftOut >= i0 && leftOut < i)) continue;
        let s = 0;
        let t = 0;
        for (let k = i0; k < i; k++) s += source[k].length;
        for (let k = j0; k < j; k++) t += target[k];
        const prior = step.afterHeadline !== undefined && !source[i0].ends ? step.afterHeadline : step.p;
        const score = best[i0][j0] + Math.log(prior) + logLengthTail(s, t, model);
        if (score > best[i][j]) best[i][j] = score;
      }
    }
  }
  return best[n][m];
}
